using System.Collections.Immutable;
using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Webcare;

namespace Webcare.Realtime.Core.Wall;

/// <summary>Running totals since the service (or the tenant's feed) started.</summary>
public sealed record IngestTotals(long Accepted, long Duplicates, long Rejected)
{
    public static readonly IngestTotals Zero = new(0, 0, 0);

    public static IngestTotals operator +(IngestTotals a, IngestTotals b) =>
        new(a.Accepted + b.Accepted, a.Duplicates + b.Duplicates, a.Rejected + b.Rejected);
}

/// <summary>
/// What one ingested batch changed: its newest mentions (at most a few dozen; the rest are counted in
/// <see cref="OmittedMentions"/>), the new aggregates of the grains it touched, and its counts.
/// </summary>
public sealed record WallDelta(
    ImmutableArray<WallMention> Mentions,
    int OmittedMentions,
    ImmutableArray<ActivitySummary> Sources,
    ImmutableArray<ActivitySummary> Topics,
    ImmutableArray<ConversationSummary> Conversations,
    IngestTotals Counts)
{
    /// <summary>Totals after this delta, stamped by the feed that orders the deltas.</summary>
    public IngestTotals? Totals { get; init; }

    /// <summary>
    /// The feed's order of this delta. Deltas can reach a host out of order (one-way observer calls), so
    /// totals are taken from the highest sequence seen, never from the last to arrive.
    /// </summary>
    public long Sequence { get; init; }

    /// <summary>Alerts raised, updated, acknowledged or resolved since the previous delta.</summary>
    public ImmutableArray<Alert> Alerts { get; init; } = [];

    /// <summary>Durable mode: the mention-log transaction that stored this batch (a feed rebuilt from the log counts it once).</summary>
    public long? LogTransaction { get; init; }

    /// <summary>The tenant's webcare queue and metrics, when they changed (whole: it replaces the previous one).</summary>
    public WebcareBoard? Webcare { get; init; }
}

/// <summary>Everything a wall needs to draw itself from nothing; sent on connect and on every reconnect.</summary>
public sealed record WallSnapshot(
    ImmutableArray<WallMention> Mentions,
    ImmutableArray<ActivitySummary> Sources,
    ImmutableArray<ActivitySummary> Topics,
    ImmutableArray<ConversationSummary> Conversations,
    IngestTotals Totals,
    DateTimeOffset AsOf)
{
    /// <summary>Open alerts, then those resolved within the last hour.</summary>
    public ImmutableArray<Alert> Alerts { get; init; } = [];

    /// <summary>The webcare queue and metrics; null until the tenant's queue first reported.</summary>
    public WebcareBoard? Webcare { get; init; }
}

/// <summary>One coalesced push to the walls: everything that changed since the previous frame.</summary>
public sealed record WallFrame(
    long Sequence,
    ImmutableArray<WallMention> Mentions,
    int OmittedMentions,
    ImmutableArray<ActivitySummary> Sources,
    ImmutableArray<ActivitySummary> Topics,
    ImmutableArray<ConversationSummary> Conversations,
    IngestTotals Totals,
    DateTimeOffset SentAt)
{
    /// <summary>The latest version of every alert that changed since the previous frame.</summary>
    public ImmutableArray<Alert> Alerts { get; init; } = [];

    /// <summary>The newest webcare board when it changed since the previous frame, else null (keep the one you have).</summary>
    public WebcareBoard? Webcare { get; init; }
}
