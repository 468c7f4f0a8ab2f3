using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Core.Analysis;

/// <summary>Everything the ingest path reads from a mention, in one call.</summary>
public sealed class MentionAnalyzer(ISentimentScorer sentiment, KeywordTopicMatcher topics)
{
    public KeywordTopicMatcher Topics => topics;

    public EnrichedMention Analyze(Mention mention, DateTimeOffset receivedAt)
    {
        var read = TextAnalysis.Of(mention.Text, sentiment);
        return new(mention, read.Sentiment, topics.Match(mention.Text), read.Privacy) { ReceivedAt = receivedAt, Categories = read.Categories };
    }
}
