using Webcare.Realtime.Core.Analysis;

namespace Webcare.Realtime.Core.Aggregation;

/// <summary>Mention counts in one time bucket (or a sum of buckets), split by sentiment.</summary>
public readonly record struct BucketCounts(int Volume, int Positive, int Neutral, int Negative)
{
    /// <summary>(pos − neg) / (pos + neg); null when nothing in the bucket carries an opinion.</summary>
    public double? NetSentiment => Positive + Negative == 0
        ? null
        : Math.Round((double)(Positive - Negative) / (Positive + Negative), 3);

    public BucketCounts Add(SentimentLabel label) => label switch
    {
        SentimentLabel.Positive => this with { Volume = Volume + 1, Positive = Positive + 1 },
        SentimentLabel.Negative => this with { Volume = Volume + 1, Negative = Negative + 1 },
        _ => this with { Volume = Volume + 1, Neutral = Neutral + 1 },
    };

    public static BucketCounts operator +(BucketCounts a, BucketCounts b) =>
        new(a.Volume + b.Volume, a.Positive + b.Positive, a.Neutral + b.Neutral, a.Negative + b.Negative);
}
