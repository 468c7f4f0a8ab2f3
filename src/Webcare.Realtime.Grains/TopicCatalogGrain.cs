using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Grains;

public sealed class TopicOptions
{
    /// <summary>The topics a new tenant starts with (configuration section <c>Topics</c>).</summary>
    public List<TopicDefinition> Topics { get; set; } = [];

    /// <summary>Limits on what a tenant may configure (<c>TopicLimits</c>): matching cost grows with each.</summary>
    public int MaxTopics { get; set; } = 500;
    public int MaxQueryLength { get; set; } = 2_000;
    public int MaxAlternatives { get; set; } = 200;
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
    // The configured topics, validated once: the catalog is read every second by each host's matcher cache.
    private TopicCatalog? _seed;

    public Task<TopicCatalog> GetAsync() =>
        Task.FromResult(state.State.Catalog ?? (_seed ??= new TopicCatalog(0, Validate([.. options.Value.Topics], options.Value))));

    public async Task<TopicCatalog> SetAsync(ImmutableArray<TopicDefinition> topics)
    {
        var current = await GetAsync();
        state.State.Catalog = new TopicCatalog(current.Version + 1, Validate(topics, options.Value));
        await state.WriteStateAsync();
        return state.State.Catalog;
    }

    /// <summary>Checks names and queries; the message names the topic and what is wrong.</summary>
    public static ImmutableArray<TopicDefinition> Validate(ImmutableArray<TopicDefinition> topics, TopicOptions limits)
    {
        if (topics.Length > limits.MaxTopics)
            throw new ArgumentException($"{topics.Length} topics; a tenant may have at most {limits.MaxTopics}");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var topic in topics)
        {
            if (string.IsNullOrWhiteSpace(topic.Name) || topic.Name.Length > 64 || topic.Name.Contains('/'))
                throw new ArgumentException("a topic needs a name of 1 to 64 characters, without '/'");
            if (!names.Add(topic.Name)) throw new ArgumentException($"topic '{topic.Name}' appears twice");
            if ((topic.Query?.Length ?? 0) > limits.MaxQueryLength)
                throw new ArgumentException($"topic '{topic.Name}': the query has {topic.Query!.Length} characters; the limit is {limits.MaxQueryLength}");
            try
            {
                var terms = KeywordTopicMatcher.ParseQuery(topic.Query ?? "");
                if (terms.Count > limits.MaxAlternatives)
                    throw new ArgumentException($"topic '{topic.Name}': the query has {terms.Count} alternatives; the limit is {limits.MaxAlternatives}");
            }
            catch (FormatException ex)
            {
                throw new ArgumentException($"topic '{topic.Name}': {ex.Message}");
            }
        }
        return topics;
    }
}
