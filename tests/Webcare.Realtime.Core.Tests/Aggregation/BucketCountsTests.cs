using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Analysis;

namespace Webcare.Realtime.Core.Tests.Aggregation;

public sealed class BucketCountsTests
{
    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(0, 7, 0)] // only neutral: nothing carries an opinion
    public void NetSentiment_IsNullWithoutPositiveOrNegative(int positive, int neutral, int negative)
    {
        Assert.Null(new BucketCounts(positive + neutral + negative, positive, neutral, negative).NetSentiment);
    }

    [Theory]
    [InlineData(1, 0, 1.0)]
    [InlineData(0, 1, -1.0)]
    [InlineData(5, 5, 0.0)]
    [InlineData(3, 1, 0.5)]
    [InlineData(2, 1, 0.333)] // 1/3
    [InlineData(1, 2, -0.333)]
    [InlineData(1, 5, -0.667)] // -2/3
    [InlineData(3, 4, -0.143)] // -1/7 = -0.142857…
    [InlineData(4, 3, 0.143)]
    [InlineData(1000, 1, 0.998)] // 999/1001 = 0.998002
    [InlineData(1, 1000, -0.998)]
    public void NetSentiment_IsPositiveMinusNegativeOverBoth_RoundedToThreeDecimals(int positive, int negative, double expected)
    {
        Assert.Equal(expected, new BucketCounts(positive + negative + 9, positive, 9, negative).NetSentiment);
    }

    [Fact]
    public void NetSentiment_IgnoresNeutral()
    {
        Assert.Equal(new BucketCounts(3, 2, 0, 1).NetSentiment, new BucketCounts(103, 2, 100, 1).NetSentiment);
    }

    [Theory]
    [InlineData(SentimentLabel.Positive, 1, 0, 0)]
    [InlineData(SentimentLabel.Neutral, 0, 1, 0)]
    [InlineData(SentimentLabel.Negative, 0, 0, 1)]
    public void Add_CountsTheVolumeAndTheLabel(SentimentLabel label, int positive, int neutral, int negative)
    {
        var counts = new BucketCounts(10, 4, 3, 3).Add(label);

        Assert.Equal(new BucketCounts(11, 4 + positive, 3 + neutral, 3 + negative), counts);
    }

    [Fact]
    public void Add_OfAnUnknownLabel_CountsAsNeutral()
    {
        Assert.Equal(new BucketCounts(1, 0, 1, 0), default(BucketCounts).Add((SentimentLabel)7));
    }

    [Fact]
    public void Plus_AddsEveryCount()
    {
        Assert.Equal(new BucketCounts(11, 5, 4, 2), new BucketCounts(10, 4, 4, 2) + new BucketCounts(1, 1, 0, 0));
    }
}
