using System.Collections.Immutable;
using Webcare.Realtime.Core.Privacy;

namespace Webcare.Realtime.Core.Analysis;

/// <summary>
/// Everything the enrichment reads from one text, apart from topics (which depend on a tenant's
/// configuration): language, sentiment with evidence, complaint categories with their terms, and personal data.
/// </summary>
public sealed record TextAnalysis(TextLanguage Language, SentimentResult Sentiment, ImmutableArray<CategoryMatch> Categories, PrivacyScan Privacy)
{
    public static TextAnalysis Of(string text, ISentimentScorer sentiment)
    {
        var scored = sentiment.Score(text);
        var language = scored.Language;
        return new TextAnalysis(language, scored, ComplaintClassifier.Instance.Classify(text, language), PiiDetector.Scan(text));
    }
}
