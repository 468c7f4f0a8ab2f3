using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class MentionIndexGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_key_is_new_once_and_a_duplicate_after()
    {
        var grain = fixture.Grains.GetGrain<IMentionIndexGrain>("t-" + Guid.NewGuid() + "/0");
        var first = await grain.ClaimAsync([11UL, 12UL, 13UL]);
        var second = await grain.ClaimAsync([13UL, 14UL, 11UL]);

        Assert.Equal([true, true, true], first.ToArray());
        Assert.Equal([false, true, false], second.ToArray());
    }
}
