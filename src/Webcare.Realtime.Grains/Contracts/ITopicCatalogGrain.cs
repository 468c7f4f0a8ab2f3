using System.Collections.Immutable;
using Webcare.Realtime.Core.Analysis;

namespace Webcare.Realtime.Grains.Contracts;

/// <summary>The monitored topics, versioned so each host can tell when to recompile its matcher.</summary>
[GenerateSerializer, Immutable, Alias("webcare.topic-catalog")]
public sealed record TopicCatalog([property: Id(0)] long Version, [property: Id(1)] ImmutableArray<TopicDefinition> Topics);

/// <summary>One per tenant; seeded from configuration on first activation.</summary>
[Alias("webcare.topic-catalog-grain")]
public interface ITopicCatalogGrain : IGrainWithStringKey
{
    Task<TopicCatalog> GetAsync();

    /// <summary>Replaces the topics; throws <see cref="ArgumentException"/> for a query that does not parse.</summary>
    Task<TopicCatalog> SetAsync(ImmutableArray<TopicDefinition> topics);
}
