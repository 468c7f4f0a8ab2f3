using Webcare.Realtime.Core.Detection;

namespace Webcare.Realtime.Core.Tests.Detection;

public sealed class WindowedGaussianDetectorTests
{
    [Fact]
    public void FirstValue_ScoresZero_ThenOutliersScoreNearOne()
    {
        var detector = new WindowedGaussianDetector(windowSize: 100, stepSize: 10);
        Assert.Equal(0, detector.Observe(10));
        for (var i = 0; i < 99; i++) detector.Observe(10 + (i % 2 == 0 ? 1 : -1));

        // NAB's form: 1 − the one-sided tail of |z|, so the centre scores 0.5.
        Assert.InRange(detector.Observe(10), 0.49, 0.55);
        Assert.True(detector.Observe(30) > 0.999999);
    }

    [Fact]
    public void Window_MovesInSteps()
    {
        var detector = new WindowedGaussianDetector(windowSize: 10, stepSize: 5);
        for (var i = 0; i < 10; i++) detector.Observe(i % 2);   // window full: mean 0.5
        for (var i = 0; i < 4; i++) detector.Observe(100);      // buffered, window unchanged
        var before = detector.Observe(0.5);                    // fifth value completes the step
        var after = detector.Observe(0.5);

        Assert.InRange(before, 0.49, 0.51);
        Assert.True(after > before + 0.2, $"the window now holds the 100s, so 0.5 is no longer the centre ({after})");
    }
}
