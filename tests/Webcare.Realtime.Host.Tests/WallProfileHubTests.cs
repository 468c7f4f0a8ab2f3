using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Webcare.Realtime.Host.Wall;

namespace Webcare.Realtime.Host.Tests;

/// <summary>Wall profiles and tenant groups at the hub, with a real SignalR client.</summary>
public sealed class WallProfileHubTests : IAsyncLifetime
{
    private const string WallA = "profile-wall-a-key-00000001";
    private const string IngestB = "profile-ingest-b-key-000002";

    private readonly TestHost _host = new(new Dictionary<string, string?>
    {
        ["Auth:Keys:0:Key"] = WallA, ["Auth:Keys:0:Tenant"] = "ziekenhuis-a", ["Auth:Keys:0:Scopes:0"] = "wall",
        ["Auth:Keys:1:Key"] = IngestB, ["Auth:Keys:1:Tenant"] = "ziekenhuis-b", ["Auth:Keys:1:Scopes:0"] = "ingest",
        ["Wall:Profiles:seh-a:Tenant"] = "ziekenhuis-a", ["Wall:Profiles:seh-a:Topics:0"] = "wachttijd", ["Wall:Profiles:seh-a:Sources:0"] = "Twitter",
        ["Wall:Profiles:seh-b:Tenant"] = "ziekenhuis-b", ["Wall:Profiles:seh-b:Topics:0"] = "wachttijd",
        ["Wall:Profiles:iedereen:Topics:0"] = "parkeren",
    });

    public Task InitializeAsync() => _host.StartAsync();

    public Task DisposeAsync() => _host.StopAsync();

    [Fact]
    public async Task A_wall_gets_its_own_tenants_profiles_and_shared_ones_but_never_another_tenants()
    {
        var (wall, _) = await _host.ConnectWallAsync(key: WallA);
        await using var _ = wall;

        var own = await wall.InvokeAsync<WallProfile>("GetProfile", "SEH-A");
        Assert.Equal("seh-a", own.Name);
        Assert.Equal(["wachttijd"], own.Topics);
        Assert.Equal(["twitter"], own.Sources);
        Assert.Equal(["parkeren"], (await wall.InvokeAsync<WallProfile>("GetProfile", "iedereen")).Topics);

        var other = await Assert.ThrowsAsync<HubException>(() => wall.InvokeAsync<WallProfile>("GetProfile", "seh-b"));
        var unknown = await Assert.ThrowsAsync<HubException>(() => wall.InvokeAsync<WallProfile>("GetProfile", "bestaat-niet"));
        // Another tenant's profile is indistinguishable from one that does not exist.
        Assert.Equal(unknown.Message.Replace("bestaat-niet", "seh-b"), other.Message);
    }

    [Fact]
    public async Task No_hub_method_joins_another_tenants_group_and_its_frames_never_arrive()
    {
        var (wall, recorder) = await _host.ConnectWallAsync(key: WallA);
        await using var _ = wall;
        foreach (var method in new[] { "JoinGroup", "AddToGroupAsync", "Subscribe" })
            await Assert.ThrowsAsync<HubException>(() => wall.InvokeAsync(method, WallHub.GroupOf("ziekenhuis-b")));

        using var b = _host.CreateClient(IngestB);
        await Browser.LiveWallTests.PostAsync(b, Browser.LiveWallTests.Mention("only-b", "alleen voor ziekenhuis B: wachten"));
        // B's own frame goes out within a few frame intervals; wait well past that, then look.
        await Task.Delay(1500);
        Assert.DoesNotContain(recorder.Frames.SelectMany(f => f.Mentions), m => m.Id == "only-b");
        Assert.True(recorder.Snapshots.Count >= 1);
    }

    [Fact]
    public async Task A_profile_naming_an_invalid_tenant_stops_the_service()
    {
        var host = new TestHost(new Dictionary<string, string?> { ["Wall:Profiles:x:Tenant"] = "Ziekenhuis A" });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(host.StartAsync);
        Assert.Contains("Wall:Profiles:x:Tenant", error.Message);
    }
}
