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
        using var tokens = TextTokens.Read(text);
        return Of(text, tokens, sentiment);
    }

    /// <summary>
    /// The analysis of a text tokenised once: language, sentiment and categories read the same tokens (the
    /// caller may match topics on them too). A scorer other than <see cref="RuleSentimentScorer"/> reads the
    /// text its own way, and its language is the text's.
    /// </summary>
    internal static TextAnalysis Of(string text, TextTokens tokens, ISentimentScorer sentiment)
    {
        SentimentResult scored;
        if (sentiment is RuleSentimentScorer rules)
            scored = string.IsNullOrWhiteSpace(text) ? SentimentResult.Neutral : rules.Score(tokens, LanguageDetector.Detect(tokens.Folded, tokens.Tokens));
        else scored = sentiment.Score(text);
        var language = scored.Language;
        var categories = string.IsNullOrWhiteSpace(text) ? [] : ComplaintClassifier.Instance.Classify(tokens.Folded, tokens.Tokens, language);
        return new TextAnalysis(language, scored, categories, PiiDetector.Scan(text));
    }
}
