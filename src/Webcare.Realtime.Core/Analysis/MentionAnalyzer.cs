using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Privacy;

namespace Webcare.Realtime.Core.Analysis;

/// <summary>Everything the ingest path reads from a mention, in one call.</summary>
public sealed class MentionAnalyzer(ISentimentScorer sentiment, KeywordTopicMatcher topics)
{
    public KeywordTopicMatcher Topics => topics;

    public EnrichedMention Analyze(Mention mention, DateTimeOffset receivedAt) =>
        new(mention, sentiment.Score(mention.Text), topics.Match(mention.Text), PiiDetector.Scan(mention.Text)) { ReceivedAt = receivedAt };
}
