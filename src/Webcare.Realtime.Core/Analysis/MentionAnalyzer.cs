using Webcare.Realtime.Core.Analysis.Topics;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Webcare;

namespace Webcare.Realtime.Core.Analysis;

/// <summary>Everything the ingest path reads from a mention, in one call and one tokenisation of its text.</summary>
public sealed class MentionAnalyzer(ISentimentScorer sentiment, TopicMatcher topics, OwnAccounts? ownAccounts = null)
{
    private readonly OwnAccounts _own = ownAccounts ?? OwnAccounts.None;

    public TopicMatcher Topics => topics;

    public EnrichedMention Analyze(Mention mention, DateTimeOffset receivedAt)
    {
        using var tokens = TextTokens.Read(mention.Text);
        // Language first (inside TextAnalysis): lang: in a topic query tests the detected language.
        var read = TextAnalysis.Of(mention.Text, tokens, sentiment);
        var matched = topics.Match(tokens, new MentionFields(mention.Source, read.Language, mention.Author?.Handle));
        return new(mention, read.Sentiment, matched, read.Privacy)
        {
            ReceivedAt = receivedAt,
            Categories = read.Categories,
            FromOwnAccount = _own.IsOwn(mention),
        };
    }
}
