using Webcare.Realtime.Core.Detection;

namespace Webcare.Realtime.Core.Tests.Detection;

public sealed class AlertSeverityTests
{
    [Theory]
    [InlineData(0.0, 0, 0.0)]
    [InlineData(0.0, 0, 1000.0)]
    [InlineData(1.0, 1_000_000, 1.0)]
    [InlineData(0.5, 10, 10.0)]
    public void StaysWithinOneToTen(double score, long observed, double expected)
    {
        Assert.InRange(AlertSeverity.Of(score, observed, expected), 1, 10);
    }

    [Fact]
    public void MoreExtreme_IsMoreSevere()
    {
        Assert.True(AlertSeverity.Of(0.9, 200, 50) > AlertSeverity.Of(0.5, 200, 50));
    }

    [Fact]
    public void Larger_IsMoreSevere_AtTheSameScore()
    {
        Assert.True(AlertSeverity.Of(0.6, 3000, 500) > AlertSeverity.Of(0.6, 30, 5));
    }

    [Fact]
    public void HugeAndExtreme_IsTen_SmallAndMild_IsLow()
    {
        Assert.Equal(10, AlertSeverity.Of(1.0, 5000, 100));
        Assert.True(AlertSeverity.Of(0.5, 12, 4) <= 5);
    }
}
