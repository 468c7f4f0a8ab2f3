using Webcare.Realtime.Core.Detection;

namespace Webcare.Realtime.Core.Tests.Detection;

public sealed class CountTailTests
{
    [Theory]
    [InlineData(5.0, 24.0)]
    [InlineData(1.0, 1.0)]
    [InlineData(0.5, 1.7724538509055159)] // √π
    [InlineData(11.0, 3628800.0)]
    public void LogGamma_MatchesFactorials(double x, double gamma)
    {
        Assert.Equal(Math.Log(gamma), CountTail.LogGamma(x), 10);
    }

    [Theory]
    [InlineData(1, 1.0, 0.6321205588)] // 1 − e^−1
    [InlineData(3, 1.0, 0.0803013971)] // 1 − e^−1 (1 + 1 + 1/2)
    [InlineData(10, 2.0, 4.649807e-5)]
    public void TinyDispersion_IsPoisson(long observed, double mean, double expected)
    {
        Assert.Equal(expected, CountTail.NegativeBinomialUpper(observed, mean, 1e-9), 1e-6 * Math.Max(1, expected * 1e3));
    }

    [Theory]
    [InlineData(3, 1.0)]
    [InlineData(10, 4.0)]
    [InlineData(1, 0.5)]
    public void DispersionOne_IsGeometric(long observed, double mean)
    {
        // alpha = 1 makes NB(size 1): P(X ≥ k) = (mean / (1 + mean))^k.
        Assert.Equal(Math.Pow(mean / (1 + mean), observed), CountTail.NegativeBinomialUpper(observed, mean, 1.0), 9);
    }

    [Fact]
    public void ZeroObserved_IsCertain_AndZeroMean_MakesAnyCountImpossible()
    {
        Assert.Equal(1.0, CountTail.NegativeBinomialUpper(0, 5, 0.1));
        Assert.Equal(0.0, CountTail.NegativeBinomialUpper(1, 0, 0.1));
    }

    [Fact]
    public void OverDispersion_MakesTheSameCountLessSurprising()
    {
        var poisson = CountTail.NegativeBinomialUpper(100, 50, 1e-9);
        var bursty = CountTail.NegativeBinomialUpper(100, 50, 0.2);

        Assert.True(poisson < 1e-8);
        Assert.True(bursty > 0.01);
    }

    [Fact]
    public void HugeCounts_StayFiniteAndSmall()
    {
        var p = CountTail.NegativeBinomialUpper(13_000, 100, 0.1);

        Assert.True(p >= 0 && p < 1e-30, $"p {p}");
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.959963985, 0.025)]
    [InlineData(-1.0, 0.8413447461)]
    public void NormalUpper_MatchesTheTable(double z, double p)
    {
        Assert.Equal(p, CountTail.NormalUpper(z), 6);
    }
}
