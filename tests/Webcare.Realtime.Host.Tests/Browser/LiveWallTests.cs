using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Webcare.Realtime.Host.Tests.Browser;

/// <summary>The wall page in headless Chromium against the real host: live mentions, alerts, restarts.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class LiveWallTests(ChromiumFixture chromium, Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    internal static object Mention(string id, string text, string source = "twitter", string? handle = "@patient") =>
        new { source, id, createdAt = DateTimeOffset.UtcNow, text, author = new { handle, name = "Patiënt", followers = 1200 } };

    internal static async Task PostAsync(HttpClient http, params object[] mentions) =>
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsJsonAsync("api/mentions", mentions)).StatusCode);

    [Fact]
    public async Task A_posted_mention_is_on_the_page_within_a_second_over_a_websocket()
    {
        await using var host = new TestHost();
        await host.StartAsync();
        using var http = host.CreateClient();
        await using var wall = await chromium.OpenAsync();
        await wall.GotoAsync(host);
        await wall.WaitForConnectionAsync("connected", Patience);

        // The first mention activates the grains; the wall's promise is about the ones after it.
        await PostAsync(http, Mention("warm", "Eerste vermelding: wachten op de poli"));
        await wall.WaitForMentionAsync("Eerste vermelding: wachten op de poli", Patience);
        var (probe, recorder) = await host.ConnectWallAsync();
        await using var _ = probe;
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 6; i++)
        {
            var text = $"Al drie uur wachten op de SEH ({i}) " + Guid.NewGuid().ToString("N")[..8];
            var posted = Stopwatch.GetTimestamp();
            await PostAsync(http, Mention("m" + i, text));
            var acked = Stopwatch.GetElapsedTime(posted);
            await WallFeedRecorder.WaitUntil(() => recorder.FramesContain("twitter", "m" + i), Patience);
            var atClient = Stopwatch.GetElapsedTime(posted);
            await wall.WaitForMentionAsync(text, Patience);
            delays.Add(Stopwatch.GetElapsedTime(posted));
            output.WriteLine($"POST acknowledged {acked.TotalMilliseconds:F0} ms, at a .NET hub client {atClient.TotalMilliseconds:F0} ms, on the page {delays[^1].TotalMilliseconds:F0} ms");
        }
        Assert.Contains(wall.WebSockets, url => url.Contains("/hubs/wall"));
        output.WriteLine($"POST → on the page, ms: {string.Join(", ", delays.Select(d => d.TotalMilliseconds.ToString("F0")))}");

        // The promise is one second; on this shared two-core machine (load often above 20) a single
        // mention may be late, so the median must keep it and none may take twice as long.
        var sorted = delays.Order().ToList();
        Assert.True(sorted[sorted.Count / 2] <= TimeSpan.FromSeconds(1), $"median POST → on the page above 1 s: {string.Join(", ", sorted.Select(d => d.TotalMilliseconds.ToString("F0")))} ms");
        Assert.True(sorted[^1] <= TimeSpan.FromSeconds(2), $"slowest POST → on the page above 2 s: {sorted[^1].TotalMilliseconds:F0} ms");
        Assert.Contains("wachttijd", await wall.Page.Locator("#river .chip-topic").AllTextContentsAsync());
        Assert.Empty(wall.Errors);
    }

    [Fact]
    public async Task An_alert_card_appears_when_a_topic_spikes()
    {
        await using var host = new TestHost(SpikeScenario.Topics(1), withTopics: false);
        await host.StartAsync();
        using var http = host.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await SpikeScenario.PostHistoryAsync(http, 1)).StatusCode);
        await using var wall = await chromium.OpenAsync();
        await wall.GotoAsync(host);
        await wall.WaitForConnectionAsync("connected", Patience);
        Assert.Equal(0, await wall.Page.Locator("#alert-cards .alert-card").CountAsync());

        var posted = Stopwatch.GetTimestamp();
        Assert.Equal(HttpStatusCode.Accepted, (await SpikeScenario.PostSpikeAsync(http, 0)).StatusCode);
        var cards = wall.Page.Locator("#alert-cards .alert-card", new() { HasText = "spike0" });
        await cards.First.WaitForAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        output.WriteLine($"spike POST → alert card: {Stopwatch.GetElapsedTime(posted).TotalMilliseconds:F0} ms");

        Assert.Equal("open", await wall.Page.Locator("#alerts-panel").GetAttributeAsync("data-state"));
        // 40 angry mentions in a minute: a volume spike and a negative spike on the topic.
        await cards.Nth(1).WaitForAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        Assert.Equal(["Negatieve piek", "Volumepiek"], (await cards.Locator(".alert-kind").AllTextContentsAsync()).Order());
        Assert.True(await cards.First.Locator(".alert-mention").CountAsync() > 0, "the card lists the first mentions");
        Assert.Empty(wall.Errors);
    }

    [Fact]
    public async Task After_the_host_restarts_the_page_reconnects_and_resyncs_by_itself()
    {
        var host = new TestHost();
        await host.StartAsync();
        try
        {
            using var http = host.CreateClient();
            await using var wall = await chromium.OpenAsync();
            await wall.GotoAsync(host);
            await wall.WaitForConnectionAsync("connected", Patience);
            await PostAsync(http, Mention("before", "Voor de herstart: parkeren kost te veel"));
            await wall.WaitForMentionAsync("Voor de herstart: parkeren kost te veel", Patience);

            await host.StopAsync();
            await wall.Page.Locator("#banner").WaitForAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
            Assert.Contains("Verbinding verbroken", await wall.Page.Locator("#banner").TextContentAsync());
            Assert.NotEqual("connected", await wall.ConnectionStateAsync());
            await wall.ScreenshotAsync("wall-disconnected-1920x1080");

            // Same ports, fresh in-memory state: the page must come back by itself and show the new truth.
            await host.StartAsync();
            await wall.WaitForConnectionAsync("connected", TimeSpan.FromSeconds(30));
            await wall.Page.Locator("#banner").WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Hidden, Timeout = 5000 });
            await PostAsync(http, Mention("after", "Na de herstart: weer live"));
            await wall.WaitForMentionAsync("Na de herstart: weer live", Patience);

            // The snapshot after the reconnect replaced the old state: the mention the restarted host
            // does not know is gone.
            Assert.DoesNotContain("Voor de herstart: parkeren kost te veel", await wall.RiverTextsAsync());
            Assert.True(await wall.Page.EvaluateAsync<int>("() => window.webcareWall.state.snapshots") >= 2);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
