using System.Collections.Immutable;
using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Grains;

/// <summary>
/// Holds the sliding windows for one source or topic. Kept alive: its 24-hour series lives in memory
/// and there are only as many of these as there are sources and topics.
/// </summary>
[KeepAlive]
public abstract class ActivityGrain(TimeProvider clock) : Grain, IActivityGrain
{
    private readonly ActivityAggregate _aggregate = new();

    public Task<ActivitySummary> RecordAsync(ImmutableArray<EnrichedMention> mentions)
    {
        var now = clock.GetUtcNow();
        foreach (var mention in mentions) _aggregate.Record(mention, now);
        return Task.FromResult(_aggregate.Summarize(Name, now));
    }

    public Task<ActivitySummary> GetSummaryAsync() =>
        Task.FromResult(_aggregate.Summarize(Name, clock.GetUtcNow()));

    /// <summary>The source or topic name, without its tenant.</summary>
    private string Name => TenantKey.Split(this.GetPrimaryKeyString()).Name;
}

public sealed class SourceGrain(TimeProvider clock) : ActivityGrain(clock), ISourceGrain;

public sealed class TopicGrain(TimeProvider clock) : ActivityGrain(clock), ITopicGrain;
