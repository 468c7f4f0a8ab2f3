using Webcare.Realtime.Core.Analysis.Topics;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Privacy;

namespace Webcare.Realtime.Core.Analysis;

/// <summary>Everything the ingest path reads from a mention, in one call.</summary>
public sealed class MentionAnalyzer(ISentimentScorer sentiment, TopicMatcher topics)
{
    public TopicMatcher Topics => topics;

    public EnrichedMention Analyze(Mention mention, DateTimeOffset receivedAt)
    {
        // Sentiment first: it detects the language, which lang: in a topic query tests.
        var read = sentiment.Score(mention.Text);
        return new(mention, read, topics.Match(mention, read.Language), PiiDetector.Scan(mention.Text)) { ReceivedAt = receivedAt };
    }
}
