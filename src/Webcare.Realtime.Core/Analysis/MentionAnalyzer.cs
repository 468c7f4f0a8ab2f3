using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Privacy;
using Webcare.Realtime.Core.Webcare;

namespace Webcare.Realtime.Core.Analysis;

/// <summary>Everything the ingest path reads from a mention, in one call.</summary>
public sealed class MentionAnalyzer(ISentimentScorer sentiment, KeywordTopicMatcher topics, OwnAccounts? ownAccounts = null)
{
    private readonly OwnAccounts _own = ownAccounts ?? OwnAccounts.None;

    public KeywordTopicMatcher Topics => topics;

    public EnrichedMention Analyze(Mention mention, DateTimeOffset receivedAt) =>
        new(mention, sentiment.Score(mention.Text), topics.Match(mention.Text), PiiDetector.Scan(mention.Text))
        {
            ReceivedAt = receivedAt,
            FromOwnAccount = _own.IsOwn(mention),
        };
}
