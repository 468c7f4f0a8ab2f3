using Webcare.Realtime.Core.Analysis.Topics;

namespace Webcare.Realtime.Grains;

/// <summary>
/// A topic set that cannot be used. <see cref="Topic"/> names the topic (null for a problem with the set),
/// <see cref="Query"/> holds the parse error (position and what was expected) when the query does not parse.
/// </summary>
public sealed class TopicValidationException(string message, string? topic = null, TopicQueryException? query = null)
    : ArgumentException(message, query)
{
    public string? Topic { get; } = topic;
    public TopicQueryException? Query { get; } = query;
}
