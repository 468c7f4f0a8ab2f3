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

    [Fact]
    public async Task A_missing_or_refused_key_or_profile_is_said_on_the_wall_instead_of_a_blank_screen()
    {
        await using var host = new TestHost(TwoTenants(new() { ["Wall:Profiles:alleen-b:Tenant"] = "ziekenhuis-b" }));
        await host.StartAsync();
        var cases = new (string Query, string? Key, string Expected)[]
        {
            ("", null, "Deze wall heeft een sleutel nodig"),
            ("", "not-a-key-of-this-service", "Wall-sleutel geweigerd"),
            ("", IngestA, "Deze sleutel mag geen wall openen"),
            ("?profile=alleen-b", WallA, "Wall-profiel 'alleen-b' bestaat niet"),
            ("?lang=en", null, "This wall needs a key"),
        };
        foreach (var (query, key, expected) in cases)
        {
            await using var wall = await chromium.OpenAsync();
            await wall.GotoAsync(host, query, key);
            await wall.WaitForConnectionAsync("unauthorized", TimeSpan.FromSeconds(15));
            await wall.Page.Locator("#banner[data-kind='auth']").WaitForAsync(new() { Timeout = 5000 });
            Assert.Contains(expected, await wall.Page.Locator("#banner-text").TextContentAsync());
            if (key is null && query == "") await wall.ScreenshotAsync("wall-no-key-1920x1080");
        }
    }

    [Fact]
    public async Task A_profile_from_the_url_or_from_configuration_shows_only_its_topics_and_sources()
    {
        await using var host = new TestHost(TwoTenants(new()
        {
            ["Wall:Profiles:parkeren-x:Tenant"] = "ziekenhuis-a",
            ["Wall:Profiles:parkeren-x:Topics:0"] = "parkeren", ["Wall:Profiles:parkeren-x:Sources:0"] = "twitter",
        }));
        await host.StartAsync();
        using var a = host.CreateClient(IngestA);
        await LiveWallTests.PostAsync(a,
            LiveWallTests.Mention("p1", "Parkeren is hier onbetaalbaar"),
            LiveWallTests.Mention("p2", "Parkeren bij de poli: nergens plek", "facebook"),
            LiveWallTests.Mention("w1", "Lang wachten op de SEH vandaag"));

        foreach (var query in new[] { "?topics=parkeren&sources=twitter", "?profile=parkeren-x" })
        {
            await using var wall = await chromium.OpenAsync();
            await wall.GotoAsync(host, query, WallA);
            await wall.WaitForMentionAsync("Parkeren is hier onbetaalbaar", TimeSpan.FromSeconds(15));
            await LiveWallTests.PostAsync(a, LiveWallTests.Mention("p3" + query.Length, "Parkeergarage vol " + query.Length),
                LiveWallTests.Mention("w2" + query.Length, "Weer wachten " + query.Length));
            await wall.WaitForMentionAsync("Parkeergarage vol " + query.Length, TimeSpan.FromSeconds(10));
            await wall.Page.WaitForTimeoutAsync(500);

            var texts = await wall.RiverTextsAsync();
            Assert.Contains("Parkeren is hier onbetaalbaar", texts);
            Assert.All(texts, text => Assert.StartsWith("Parke", text)); // no other topic, not the facebook one
            Assert.DoesNotContain("Parkeren bij de poli: nergens plek", texts);
            Assert.Equal(["parkeren"], await wall.Page.Locator("#topics .tile-name").AllTextContentsAsync());
            Assert.Equal(["X"], await wall.Page.Locator("#sources .tile-name").AllTextContentsAsync());
            Assert.True(await wall.IsVisibleAsync("#profile-badge"), "a filtered wall says so");
            Assert.Empty(wall.Errors);
        }
    }
}
