using Webcare.Realtime.Core.Ingest;

namespace Webcare.Realtime.Core.Tests.Ingest;

public sealed class IngestLimitsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var limits = IngestLimits.Default;

        Assert.Equal(20_000, limits.MaxTextLength);
        Assert.Equal(10_000, limits.MaxItemsPerBatch);
        Assert.Equal(256, limits.MaxIdLength);
        Assert.Equal(16, limits.MaxJsonDepth);
        Assert.Equal(TimeSpan.FromMinutes(5), limits.MaxFutureSkew);
    }

    [Fact]
    public void With_ChangesOneLimitAndLeavesTheDefaultAlone()
    {
        var limits = IngestLimits.Default with { MaxTextLength = 10 };

        Assert.Equal(10, limits.MaxTextLength);
        Assert.Equal(20_000, IngestLimits.Default.MaxTextLength);
        Assert.Equal(IngestLimits.Default.MaxItemsPerBatch, limits.MaxItemsPerBatch);
    }
}
