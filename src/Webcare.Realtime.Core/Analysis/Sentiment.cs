using System.Collections.Immutable;

namespace Webcare.Realtime.Core.Analysis;

public enum SentimentLabel
{
    Negative = -1,
    Neutral = 0,
    Positive = 1,
}

/// <summary>
/// A score in [-1, 1] and the label it maps to; the language it was read in and the words that moved the
/// score, so every label on the wall can be explained.
/// </summary>
public sealed record SentimentResult(double Score, SentimentLabel Label)
{
    public static readonly SentimentResult Neutral = new(0, SentimentLabel.Neutral);

    public TextLanguage Language { get; init; } = TextLanguage.Other;

    /// <summary>Each term that contributed, in text order, with its final weight and the rules that shaped it.</summary>
    public ImmutableArray<SentimentEvidence> Evidence { get; init; } = [];
}

/// <summary>Reads how positive or negative a text is. Implementations are pure and thread-safe.</summary>
public interface ISentimentScorer
{
    SentimentResult Score(string text);
}
