using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Grains;

public sealed class TopicOptions
{
    /// <summary>The topics a new tenant starts with (configuration section <c>Topics</c>).</summary>
    public List<TopicDefinition> Topics { get; set; } = [];
}

[GenerateSerializer, Alias("webcare.topic-catalog-state")]
public sealed class TopicCatalogState
{
    [Id(0)] public TopicCatalog? Catalog { get; set; }
}

public sealed class TopicCatalogGrain(
    [PersistentState("topics", GrainStorage.Name)] IPersistentState<TopicCatalogState> state,
    IOptions<TopicOptions> options) : Grain, ITopicCatalogGrain
{
    public Task<TopicCatalog> GetAsync() =>
        Task.FromResult(state.State.Catalog ?? new TopicCatalog(0, Validate([.. options.Value.Topics])));

    public async Task<TopicCatalog> SetAsync(ImmutableArray<TopicDefinition> topics)
    {
        var current = await GetAsync();
        state.State.Catalog = new TopicCatalog(current.Version + 1, Validate(topics));
        await state.WriteStateAsync();
        return state.State.Catalog;
    }

    /// <summary>Checks names and queries; the message names the topic and what is wrong.</summary>
    public static ImmutableArray<TopicDefinition> Validate(ImmutableArray<TopicDefinition> topics)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var topic in topics)
        {
            if (string.IsNullOrWhiteSpace(topic.Name) || topic.Name.Length > 64)
                throw new ArgumentException("a topic needs a name of 1 to 64 characters");
            if (!names.Add(topic.Name)) throw new ArgumentException($"topic '{topic.Name}' appears twice");
            try
            {
                KeywordTopicMatcher.ParseQuery(topic.Query);
            }
            catch (FormatException ex)
            {
                throw new ArgumentException($"topic '{topic.Name}': {ex.Message}");
            }
        }
        return topics;
    }
}
