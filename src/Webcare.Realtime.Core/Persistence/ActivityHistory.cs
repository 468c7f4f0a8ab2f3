using System.Collections.Immutable;
using Webcare.Realtime.Core.Aggregation;

namespace Webcare.Realtime.Core.Persistence;

/// <summary>Counts of one time bucket as the mention log holds them.</summary>
public readonly record struct HistoryBucket(DateTimeOffset Start, BucketCounts Counts);

/// <summary>
/// One source's or topic's stored mentions, aggregated by the database: what an <see cref="ActivityAggregate"/>
/// is rebuilt from after a restart or an erasure. Buckets are 1 minute over the last hour and 5 minutes over
/// the last 24 hours, by the mention's own time (never later than the time of the rebuild).
/// </summary>
public sealed record ActivityHistory(
    MentionLogSnapshot Snapshot,
    long Total,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    ImmutableArray<HistoryBucket> Minutes,
    ImmutableArray<HistoryBucket> FiveMinutes,
    ImmutableArray<AuthorReach> Authors);

/// <summary>What a tenant's wall feed starts from after a restart: how many mentions are stored, and of what.</summary>
public sealed record TenantHistory(
    MentionLogSnapshot Snapshot, long Stored, ImmutableArray<string> Sources, ImmutableArray<string> Topics);

/// <summary>The result of storing one batch: per mention (in input order) whether it is new, and its transaction.</summary>
public sealed record MentionLogAppend(long Transaction, ImmutableArray<bool> Inserted, ImmutableArray<long> Transactions)
{
    public int InsertedCount => Inserted.Count(i => i);
}
