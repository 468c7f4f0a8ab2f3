using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Analysis.Topics;
using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Grains;

public sealed class TopicOptions
{
    /// <summary>The topics a new tenant starts with (configuration section <c>Topics</c>).</summary>
    public List<TopicDefinition> Topics { get; set; } = [];

    /// <summary>Limits on what a tenant may configure (<c>TopicLimits</c>): matching cost grows with each.</summary>
    public int MaxTopics { get; set; } = 500;
    public int MaxQueryLength { get; set; } = 2_000;
    public int MaxTerms { get; set; } = 200;

    /// <summary>
    /// Checks the configured topics at start-up, so a typo stops the service with the entry and the position
    /// instead of surfacing on the first mention: <c>Topics:1:Query ('Wachttijd'): at position 7: expected …</c>.
    /// </summary>
    public void ValidateConfigured()
    {
        try
        {
            TopicCatalogGrain.Validate([.. Topics], this);
        }
        catch (TopicValidationException ex)
        {
            var index = Topics.FindIndex(t => t.Name == ex.Topic);
            var entry = index < 0 ? "Topics" : ex.Query is null ? $"Topics:{index}" : $"Topics:{index}:Query";
            throw new InvalidOperationException($"{entry}: {ex.Message}", ex);
        }
    }
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
        ImmutableArray<TopicDefinition> valid;
        try
        {
            valid = Validate(topics, options.Value);
        }
        catch (TopicValidationException ex)
        {
            // The contract promises ArgumentException: a plain one crosses the silo boundary unchanged.
            throw new ArgumentException(ex.Message);
        }
        state.State.Catalog = new TopicCatalog(current.Version + 1, valid);
        await state.WriteStateAsync();
        return state.State.Catalog;
    }

    /// <summary>
    /// Checks names, queries and limits; throws <see cref="TopicValidationException"/> naming the topic and,
    /// for a query that does not parse, the position and what was expected there.
    /// </summary>
    public static ImmutableArray<TopicDefinition> Validate(ImmutableArray<TopicDefinition> topics, TopicOptions limits)
    {
        if (topics.Length > limits.MaxTopics)
            throw new TopicValidationException($"{topics.Length} topics; a tenant may have at most {limits.MaxTopics}");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var topic in topics)
        {
            if (string.IsNullOrWhiteSpace(topic.Name) || topic.Name.Length > 64 || topic.Name.Contains('/'))
                throw new TopicValidationException("a topic needs a name of 1 to 64 characters, without '/'");
            if (!names.Add(topic.Name)) throw new TopicValidationException($"topic '{topic.Name}' appears twice", topic.Name);
            if ((topic.Query?.Length ?? 0) > limits.MaxQueryLength)
                throw new TopicValidationException($"topic '{topic.Name}': the query has {topic.Query!.Length} characters; the limit is {limits.MaxQueryLength}", topic.Name);
            TopicQueryNode query;
            try
            {
                query = TopicQueryParser.Parse(topic.Query ?? "");
            }
            catch (TopicQueryException ex)
            {
                throw new TopicValidationException($"topic '{topic.Name}': {ex.Message}", topic.Name, ex);
            }
            var terms = TopicQueryParser.Terms(query).Count();
            if (terms > limits.MaxTerms)
                throw new TopicValidationException($"topic '{topic.Name}': the query has {terms} terms; the limit is {limits.MaxTerms}", topic.Name);
        }
        return topics;
    }
}
