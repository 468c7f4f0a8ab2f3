using System.Collections.Immutable;
using Orleans.Concurrency;
using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Privacy;

namespace Webcare.Realtime.Grains.Contracts;

/// <summary>Sliding-window aggregates over one stream of mentions. Each batch arrives in one call.</summary>
public interface IActivityGrain : IGrainWithStringKey
{
    Task<ActivitySummary> RecordAsync(ImmutableArray<EnrichedMention> mentions);

    // Interleaves: a rebuilding wall feed asks for summaries while this grain may be waiting on the alert
    // book, which waits on that feed; the summary is read synchronously, so it always sees a whole batch.
    [AlwaysInterleave]
    Task<ActivitySummary> GetSummaryAsync();

    /// <summary>Durable mode: replaces the windows with what the mention log holds (after an erasure); nothing in memory mode.</summary>
    Task RebuildAsync();

    /// <summary>GDPR erasure: forget the author's mentions and words (see <see cref="AuthorErasure"/>).</summary>
    Task EraseAsync(AuthorErasure erasure);

    /// <summary>Runs spike detection over the minutes closed since the last tick (the grain's own timer calls it every few seconds).</summary>
    Task TickAsync();
}

/// <summary>One per tenant and source (twitter, facebook, forum…); the key is "tenant/source" (<see cref="TenantKey"/>).</summary>
[Alias("webcare.source")]
public interface ISourceGrain : IActivityGrain;

/// <summary>One per tenant and monitored topic; the key is "tenant/topic".</summary>
[Alias("webcare.topic")]
public interface ITopicGrain : IActivityGrain;
