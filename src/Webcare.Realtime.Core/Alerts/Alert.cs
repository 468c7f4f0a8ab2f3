using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Webcare.Realtime.Core.Wall;

namespace Webcare.Realtime.Core.Alerts;

/// <remarks>
/// On the wire (HTTP API, hub, webhooks, the stored alert's JSON body) a kind is kebab-case, e.g. <c>sla-breach</c>:
/// the names the issue and the README use. Alert ids and the <c>alerts.kind</c> column keep the C# name.
/// </remarks>
public enum AlertKind
{
    [JsonStringEnumMemberName("volume-spike")]
    VolumeSpike,
    [JsonStringEnumMemberName("negative-spike")]
    NegativeSpike,
    [JsonStringEnumMemberName("spreading-conversation")]
    SpreadingConversation,
    /// <summary>Conversations of a source waiting past their webcare SLA (<see cref="Webcare.SlaBreachWatch"/>).</summary>
    [JsonStringEnumMemberName("sla-breach")]
    SlaBreach,
    /// <summary>The tone turns: the negative share of the opinions in the last 20 minutes is far above normal, whatever the volume.</summary>
    [JsonStringEnumMemberName("sentiment-shift")]
    SentimentShift,
}

public enum AlertState
{
    Raised,
    Updated,
    Acknowledged,
    Resolved,
}

/// <summary>
/// One incident as the control room sees it: raised once, updated while it grows, acknowledged by an
/// operator, resolved when the series is back to normal. <see cref="Id"/> stays the same for the whole
/// incident, so every consumer updates one card instead of stacking duplicates.
/// </summary>
/// <param name="Id">"{scope}:{subject}:{kind}:{incident number}", e.g. "topic:Datalek:VolumeSpike:3".</param>
/// <param name="Scope">"topic", "source" or "conversation" (then <c>Subject</c> is the conversation key, "source:id").</param>
/// <param name="Headline">One line for the card, in Dutch, e.g. "Datalek: 42 vermeldingen per minuut, verwacht 3".</param>
/// <param name="MinuteVolume">The subject's mentions per minute over the last hour, oldest first (the card's chart).</param>
/// <param name="FirstMentions">The first mentions of the incident (redacted), newest last, at most three.</param>
public sealed record Alert(
    string Id,
    AlertKind Kind,
    string Scope,
    string Subject,
    int Severity,
    AlertState State,
    DateTimeOffset OpenedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? AcknowledgedAt,
    long Observed,
    double Expected,
    long PeakObserved,
    string Headline,
    ImmutableArray<int> MinuteVolume,
    ImmutableArray<WallMention> FirstMentions)
{
    public bool IsOpen => State is not AlertState.Resolved;

    /// <summary>For a sentiment shift: net sentiment, (pos − neg)/(pos + neg), of the alert's window and of the baseline; null otherwise.</summary>
    public double? NetSentiment { get; init; }
    public double? ExpectedNetSentiment { get; init; }

    /// <summary>
    /// The words most over-represented in the alert's window against the subject's usual words (stop words and
    /// the topic's own query words left out), most telling first: what the incident is about.
    /// </summary>
    public ImmutableArray<AlertTerm> TopTerms { get; init; } = [];

    /// <summary>The window's mentions with the most shares (then reach), most first, at most three.</summary>
    public ImmutableArray<WallMention> MostShared { get; init; } = [];
}

/// <summary>A word of an alert's window: how often it occurs there, and how often the subject's usual mix would have it.</summary>
public sealed record AlertTerm(string Term, int Count, double Expected);
