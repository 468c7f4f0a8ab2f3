namespace Webcare.Realtime.Core.Analysis;

public enum SentimentLabel
{
    Negative = -1,
    Neutral = 0,
    Positive = 1,
}

/// <summary>A score in [-1, 1] and the label it maps to.</summary>
public sealed record SentimentResult(double Score, SentimentLabel Label)
{
    public static readonly SentimentResult Neutral = new(0, SentimentLabel.Neutral);
}

/// <summary>Reads how positive or negative a text is. Implementations are pure and thread-safe.</summary>
public interface ISentimentScorer
{
    SentimentResult Score(string text);
}
