using Webcare.Realtime.Core.Wall;

namespace Webcare.Realtime.Core.Tests.Wall;

public sealed class WallMessagesTests
{
    [Fact]
    public void IngestTotals_AddEachCount()
    {
        Assert.Equal(new IngestTotals(11, 22, 33), new IngestTotals(10, 20, 30) + new IngestTotals(1, 2, 3));
        Assert.Equal(new IngestTotals(4, 5, 6), IngestTotals.Zero + new IngestTotals(4, 5, 6));
        Assert.Equal(new IngestTotals(0, 0, 0), IngestTotals.Zero);
    }
}
