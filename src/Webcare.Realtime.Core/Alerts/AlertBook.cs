using System.Globalization;
using Webcare.Realtime.Core.Detection;
using Webcare.Realtime.Core.Privacy;

namespace Webcare.Realtime.Core.Alerts;

/// <summary>
/// A tenant's alerts: one per incident, updated in place (never re-raised), acknowledged by an operator,
/// resolved by the detector. Keeps the open alerts and those resolved within <see cref="KeepResolved"/>,
/// and at most <see cref="Capacity"/> in all.
/// </summary>
public sealed class AlertBook
{
    public static readonly TimeSpan KeepResolved = TimeSpan.FromHours(1);
    public const int Capacity = 200;

    private readonly Dictionary<string, Alert> _alerts = new(StringComparer.Ordinal);

    /// <summary>Every alert kept, in no order: what a durable book stores.</summary>
    public IReadOnlyCollection<Alert> All => _alerts.Values;

    /// <summary>A book holding these alerts (a stored book read back); pruned as of <paramref name="now"/>.</summary>
    public static AlertBook Restore(IEnumerable<Alert> alerts, DateTimeOffset now)
    {
        var book = new AlertBook();
        foreach (var alert in alerts) book._alerts[alert.Id] = alert;
        book.Prune(now);
        return book;
    }

    public static string IdOf(AlertSignal signal) =>
        $"{signal.Scope}:{signal.Subject}:{signal.Kind}:{signal.Event.IncidentNumber}";

    public Alert Apply(AlertSignal signal, DateTimeOffset now)
    {
        var id = IdOf(signal);
        var e = signal.Event;
        _alerts.TryGetValue(id, out var known);
        var state = e.Kind switch
        {
            AlertEventKind.Resolved => AlertState.Resolved,
            _ when known?.State == AlertState.Acknowledged => AlertState.Acknowledged,
            AlertEventKind.Raised => AlertState.Raised,
            _ => AlertState.Updated,
        };
        var alert = new Alert(
            id, signal.Kind, signal.Scope, signal.Subject,
            Math.Max(e.Severity, known?.Severity ?? 0),
            state,
            known?.OpenedAt ?? e.OpenedAt,
            now,
            e.Kind == AlertEventKind.Resolved ? now : null,
            known?.AcknowledgedAt,
            e.Observed,
            e.Expected,
            Math.Max(e.PeakObserved, known?.PeakObserved ?? 0),
            Headline(signal.Kind, signal.Subject, e),
            signal.MinuteVolume,
            known is { FirstMentions.IsEmpty: false } ? known.FirstMentions : signal.FirstMentions)
        {
            NetSentiment = e.Opinions > 0 ? 1 - 2.0 * e.Observed / e.Opinions : null,
            ExpectedNetSentiment = e.Opinions > 0 ? 1 - 2.0 * e.Expected / e.Opinions : null,
            // A resolve step's window is back to normal: keep the explanation of the incident itself.
            TopTerms = e.Kind == AlertEventKind.Resolved && known is not null ? known.TopTerms : signal.TopTerms,
            MostShared = e.Kind == AlertEventKind.Resolved && known is not null ? known.MostShared : signal.MostShared,
        };
        _alerts[id] = alert;
        Prune(now);
        return alert;
    }

    /// <summary>Null when unknown; the alert unchanged when it is already resolved (nothing to acknowledge).</summary>
    public Alert? Acknowledge(string id, DateTimeOffset now)
    {
        if (!_alerts.TryGetValue(id, out var alert)) return null;
        if (alert.State is AlertState.Resolved or AlertState.Acknowledged) return alert;
        return _alerts[id] = alert with { State = AlertState.Acknowledged, AcknowledgedAt = now, UpdatedAt = now };
    }

    /// <summary>GDPR erasure: every alert without the author's mentions and words; returns the alerts that changed.</summary>
    public IReadOnlyList<Alert> Erase(AuthorErasure erasure)
    {
        var changed = new List<Alert>();
        foreach (var alert in _alerts.Values.ToList())
            if (erasure.Scrub(alert) is var scrubbed && !ReferenceEquals(scrubbed, alert))
                changed.Add(_alerts[alert.Id] = scrubbed);
        return changed;
    }

    /// <summary>Open alerts first (most severe, then newest), then those resolved within the last hour.</summary>
    public IReadOnlyList<Alert> Current(DateTimeOffset now)
    {
        Prune(now);
        return [.. AlertOrder.Rank(_alerts.Values)];
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var stale in _alerts.Values.Where(a => a.ResolvedAt < now - KeepResolved).Select(a => a.Id).ToList())
            _alerts.Remove(stale);
        if (_alerts.Count <= Capacity) return;
        foreach (var oldest in _alerts.Values.OrderBy(a => a.IsOpen).ThenBy(a => a.UpdatedAt).Take(_alerts.Count - Capacity).Select(a => a.Id).ToList())
            _alerts.Remove(oldest);
    }

    /// <summary>
    /// Resolves the open alerts of a kind that nothing has updated for <paramref name="quiet"/>: a
    /// conversation that stopped spreading gets no more mentions, so nothing else would close its alert.
    /// </summary>
    public IReadOnlyList<Alert> ResolveQuiet(AlertKind kind, TimeSpan quiet, DateTimeOffset now)
    {
        var resolved = new List<Alert>();
        foreach (var alert in _alerts.Values.Where(a => a.Kind == kind && a.IsOpen && a.UpdatedAt <= now - quiet).ToList())
        {
            var closed = alert with { State = AlertState.Resolved, ResolvedAt = now, UpdatedAt = now };
            _alerts[alert.Id] = closed;
            resolved.Add(closed);
        }
        return resolved;
    }

    private static string Headline(AlertKind kind, string subject, AlertEvent e)
    {
        var step = e.Kind;
        var observed = step == AlertEventKind.Resolved ? e.PeakObserved : e.Observed;
        var expected = e.Expected;
        if (kind == AlertKind.SentimentShift)
            return step == AlertEventKind.Resolved
                ? $"{subject}: toon weer normaal"
                : string.Create(CultureInfo.InvariantCulture,
                    $"{subject}: toon slaat om, {e.Observed} van {e.Opinions} meningen negatief ({100.0 * e.Observed / Math.Max(e.Opinions, 1):0}%), normaal {100 * expected / Math.Max(e.Opinions, 1):0}%");
        if (kind == AlertKind.SpreadingConversation)
            return step == AlertEventKind.Resolved
                ? $"Gesprek {subject} verspreidt zich niet meer (piek {observed} berichten in 10 minuten)"
                : $"Gesprek {subject} verspreidt zich: {observed} berichten in 10 minuten";
        if (kind == AlertKind.SlaBreach)
            return step == AlertEventKind.Resolved
                ? $"{subject}: weer alles binnen de SLA beantwoord (piek {observed} te laat)"
                : $"{subject}: {observed} {(observed == 1 ? "gesprek wacht" : "gesprekken wachten")} langer dan de SLA op antwoord";
        var what = kind == AlertKind.NegativeSpike ? "negatieve vermeldingen" : "vermeldingen";
        var expectedText = expected.ToString("0", CultureInfo.InvariantCulture);
        return step == AlertEventKind.Resolved
            ? $"{subject}: weer normaal (piek {observed} {what} per minuut)"
            : $"{subject}: {observed} {what} per minuut, verwacht {expectedText}";
    }
}
