using System.Collections.Immutable;
using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Grains.Contracts;

/// <summary>Sliding-window aggregates over one stream of mentions. Each batch arrives in one call.</summary>
public interface IActivityGrain : IGrainWithStringKey
{
    Task<ActivitySummary> RecordAsync(ImmutableArray<EnrichedMention> mentions);

    Task<ActivitySummary> GetSummaryAsync();
}

/// <summary>One per source (twitter, facebook, forum…); the key is the source name.</summary>
[Alias("webcare.source")]
public interface ISourceGrain : IActivityGrain;

/// <summary>One per monitored topic; the key is the topic name.</summary>
[Alias("webcare.topic")]
public interface ITopicGrain : IActivityGrain;
