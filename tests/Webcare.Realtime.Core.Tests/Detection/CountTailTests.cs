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

    [Theory]
    [InlineData(3, 10, 0.2)]
    [InlineData(8, 20, 0.3)]
    [InlineData(1, 5, 0.5)]
    public void BetaBinomial_with_tiny_correlation_is_the_binomial_tail(long k, long n, double p)
    {
        var binomial = 0.0;
        for (var x = k; x <= n; x++)
            binomial += Math.Exp(CountTail.LogGamma(n + 1) - CountTail.LogGamma(x + 1) - CountTail.LogGamma(n - x + 1)) * Math.Pow(p, x) * Math.Pow(1 - p, n - x);
        Assert.Equal(binomial, CountTail.BetaBinomialUpper(k, n, p, 1e-6), 1e-5);
    }

    [Fact]
    public void BetaBinomial_widens_with_correlation_and_bounds_hold()
    {
        var binomial = CountTail.BetaBinomialUpper(30, 40, 0.3, 1e-6);
        var dispersed = CountTail.BetaBinomialUpper(30, 40, 0.3, 0.1);
        Assert.True(binomial < 1e-6, $"binomial {binomial}");
        Assert.True(dispersed > 100 * binomial, $"dispersed {dispersed}");
        Assert.Equal(1.0, CountTail.BetaBinomialUpper(0, 40, 0.3, 0.1));
        Assert.Equal(0.0, CountTail.BetaBinomialUpper(41, 40, 0.3, 0.1));
        // rho = 1/(alpha + beta + 1); alpha = beta = 1 (rho = 1/3) makes every count equally likely.
        Assert.Equal(5.0 / 11, CountTail.BetaBinomialUpper(6, 10, 0.5, 1.0 / 3), 9);
    }

    [Fact]
    public void BetaBinomial_past_the_exact_range_is_approximated_continuously()
    {
        var n = CountTail.ExactTrialsUpTo;
        var exact = CountTail.BetaBinomialUpper(n / 2, n, 0.45, 0.01);
        var approximate = CountTail.BetaBinomialUpper(n / 2 + 1, n + 2, 0.45, 0.01);
        Assert.InRange(approximate / exact, 0.7, 1.3);
    }
}
