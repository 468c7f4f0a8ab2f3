using System.Collections.Immutable;

namespace Webcare.Realtime.Core.Webcare;

/// <summary>
/// One conversation the team handles, from the first message that needs an answer to its resolution.
/// Immutable: every change is a new version, so a case can cross grain calls and be stored as it is.
/// </summary>
/// <param name="Key">The conversation key, "source:conversationId".</param>
/// <param name="Clock">The current wait for an answer: started by the first message that needs one, stopped by the organisation's response, started again when the author writes again.</param>
public sealed record WebcareCase(string Key, string Source, CaseState State, DateTimeOffset OpenedAt, SlaClock Clock)
{
    public const int MaxHistory = 40;
    public const int MaxAuthors = 50;

    public string? RootId { get; init; }
    public string? AuthorHandle { get; init; }
    public string? AuthorName { get; init; }

    /// <summary>The first message that needed an answer, redacted (personal data replaced by placeholders).</summary>
    public string? Text { get; init; }
    public string? Url { get; init; }
    public ResponseReason Reasons { get; init; }
    public ImmutableArray<string> Topics { get; init; } = [];

    /// <summary>The complaint categories of its messages (<c>ComplaintCategory</c> names, e.g. "Privacy", "QualityOfCare").</summary>
    public ImmutableArray<string> Categories { get; init; } = [];
    public int Messages { get; init; }
    public int NegativeMessages { get; init; }
    public ImmutableArray<string> Authors { get; init; } = [];
    public long MaxFollowers { get; init; }
    public long Shares { get; init; }
    public double WorstSentiment { get; init; }
    public string? AssignedTo { get; init; }
    public DateTimeOffset LastActivityAt { get; init; }
    public DateTimeOffset? FirstResponseAt { get; init; }
    public int Responses { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public int Reopens { get; init; }
    public ImmutableArray<CaseEvent> History { get; init; } = [];

    public bool PrivacySensitive => Reasons.HasFlag(ResponseReason.PrivacySensitive);

    /// <summary>Waiting for the organisation: not resolved, and the clock runs.</summary>
    public bool IsWaiting => State != CaseState.Resolved && Clock.IsRunning;

    public WebcareCase Record(CaseEvent e)
    {
        var history = History.Add(e);
        // Keep the opening and the latest events: the start of the story and what happened last.
        if (history.Length > MaxHistory) history = history.RemoveAt(1);
        return this with { History = history, State = e.To };
    }
}
