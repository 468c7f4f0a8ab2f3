namespace Webcare.Realtime.Host.Tests.Browser;

/// <summary>A wall opened with one tenant's key, in a real browser, next to another tenant's traffic.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class TenantWallTests(ChromiumFixture chromium)
{
    private const string WallA = "tenant-a-wall-key-000000001";
    private const string IngestA = "tenant-a-ingest-key-00000002";
    private const string IngestB = "tenant-b-ingest-key-00000003";

    internal static Dictionary<string, string?> TwoTenants(Dictionary<string, string?>? more = null)
    {
        var settings = more ?? [];
        settings["Auth:Keys:0:Key"] = WallA; settings["Auth:Keys:0:Tenant"] = "ziekenhuis-a"; settings["Auth:Keys:0:Scopes:0"] = "wall";
        settings["Auth:Keys:1:Key"] = IngestA; settings["Auth:Keys:1:Tenant"] = "ziekenhuis-a"; settings["Auth:Keys:1:Scopes:0"] = "ingest";
        settings["Auth:Keys:2:Key"] = IngestB; settings["Auth:Keys:2:Tenant"] = "ziekenhuis-b"; settings["Auth:Keys:2:Scopes:0"] = "ingest";
        return settings;
    }

    [Fact]
    public async Task A_wall_with_tenant_As_key_never_shows_tenant_Bs_mentions()
    {
        await using var host = new TestHost(TwoTenants());
        await host.StartAsync();
        using var a = host.CreateClient(IngestA);
        using var b = host.CreateClient(IngestB);
        await using var wall = await chromium.OpenAsync();
        await wall.GotoAsync(host, key: WallA);
        await wall.WaitForConnectionAsync("connected", TimeSpan.FromSeconds(15));

        // B first, then A: once A's mention is on the page, B's frame has long been pushed.
        for (var round = 0; round < 3; round++)
        {
            await LiveWallTests.PostAsync(b, LiveWallTests.Mention($"b{round}", $"Alleen voor B {round}: wachten op de poli", "news"));
            await LiveWallTests.PostAsync(a, LiveWallTests.Mention($"a{round}", $"Alleen voor A {round}: wachten op de poli", "forum"));
            await wall.WaitForMentionAsync($"Alleen voor A {round}: wachten op de poli", TimeSpan.FromSeconds(10));
        }
        await wall.Page.EvaluateAsync("() => window.webcareWall.hub.requestSnapshot()");
        await wall.Page.WaitForTimeoutAsync(600); // a few more frames and the snapshot, in case a leak were only slower

        var texts = await wall.RiverTextsAsync();
        Assert.Equal(3, texts.Count(t => t.StartsWith("Alleen voor A")));
        Assert.DoesNotContain(texts, t => t.Contains("voor B"));
        Assert.DoesNotContain("Nieuws", await wall.Page.Locator("#sources .tile-name").AllTextContentsAsync());
        Assert.Empty(wall.Errors);
    }
}
