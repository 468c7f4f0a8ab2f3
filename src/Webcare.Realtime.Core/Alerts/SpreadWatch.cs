using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Detection;

namespace Webcare.Realtime.Core.Alerts;

/// <summary>
/// Tells when one conversation starts to spread like an oil slick: many messages from many different
/// people within ten minutes. Hysteresis: raised at <see cref="RaiseAt"/> messages in ten minutes with at
/// least <see cref="MinAuthors"/> authors, updated as it grows, resolved once growth falls below
/// <see cref="KeepAt"/>. Severity grows with reach and speed.
/// </summary>
public sealed class SpreadWatch
{
    /// <summary>The watch's memory, for storing it with its conversation.</summary>
    public sealed record State(bool Open, long Incidents, DateTimeOffset OpenedAt, int Severity, long Peak);

    // Chosen on the demo feed (seed 2026): every incident's spreading complaint is flagged within two
    // minutes, and ordinary threads of a handful of replies are not (15 and 10 flagged three times more).
    public const int RaiseAt = 30;
    public const int KeepAt = 5;
    public const int MinAuthors = 20;

    private bool _open;
    private long _incidents;
    private DateTimeOffset _openedAt;
    private int _severity;
    private long _peak;

    public State Save() => new(_open, _incidents, _openedAt, _severity, _peak);

    public static SpreadWatch Restore(State state) => new()
    {
        _open = state.Open, _incidents = state.Incidents, _openedAt = state.OpenedAt, _severity = state.Severity, _peak = state.Peak,
    };

    public AlertEvent? Observe(ConversationSummary conversation)
    {
        var growth = conversation.LastTenMinutes;
        var now = conversation.AsOf;
        if (!_open)
        {
            if (growth < RaiseAt || conversation.UniqueAuthors < MinAuthors) return null;
            _open = true;
            _incidents++;
            _openedAt = now;
            _peak = growth;
            _severity = Severity(conversation);
            return Event(AlertEventKind.Raised, conversation);
        }
        if (growth < KeepAt)
        {
            _open = false;
            return Event(AlertEventKind.Resolved, conversation);
        }
        _peak = Math.Max(_peak, growth);
        var severity = Severity(conversation);
        if (severity <= _severity) return null;
        _severity = severity;
        return Event(AlertEventKind.Updated, conversation);
    }

    /// <summary>2 to 10: a thousandfold more reach adds three, twenty more messages in ten minutes adds one.</summary>
    public static int Severity(ConversationSummary c) =>
        Math.Clamp((int)Math.Round(1 + Math.Log10(Math.Max(c.Reach, 1)) + c.LastTenMinutes / 20.0), 2, 10);

    private AlertEvent Event(AlertEventKind kind, ConversationSummary c) =>
        new(kind, _incidents, c.AsOf, _openedAt, _severity, c.LastTenMinutes, c.PreviousTenMinutes, 1, _peak, 1);
}
