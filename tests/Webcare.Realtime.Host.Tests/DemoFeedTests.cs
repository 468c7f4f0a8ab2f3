using System.Text.Json;

namespace Webcare.Realtime.Host.Tests;

/// <summary>The embedded default: with no configuration the demo feed fills the wall and brings its topics.</summary>
public sealed class DemoFeedTests
{
    [Fact]
    public async Task The_demo_feed_backfills_an_hour_and_keeps_streaming()
    {
        // The demo follows a daily rhythm: at 03:00 its default 30 a minute falls to a few, and ten quiet
        // seconds are likely. The highest rate keeps even the night busy; a short backfill keeps it quick.
        await using var host = new TestHost(new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:MentionsPerMinute"] = "6000",
            ["Demo:Backfill"] = "00:02:00",
        }, withTopics: false);
        await host.StartAsync();
        using var http = host.CreateClient();

        long Ingested(JsonElement stats) => stats.GetProperty("ingested").GetInt64();
        JsonElement stats = default;
        for (var i = 0; i < 100; i++)
        {
            stats = JsonDocument.Parse(await http.GetStringAsync("api/stats")).RootElement;
            if (Ingested(stats) > 100) break;
            await Task.Delay(200);
        }
        Assert.True(Ingested(stats) > 100, $"only {Ingested(stats)} demo mentions after the backfill");
        Assert.True(stats.GetProperty("sources").GetArrayLength() >= 4);

        var topics = JsonDocument.Parse(await http.GetStringAsync("api/topics")).RootElement.GetProperty("topics");
        Assert.Contains(topics.EnumerateArray(), t => t.GetProperty("name").GetString() == "Datalek");

        var before = Ingested(stats);
        var grew = false;
        for (var i = 0; i < 50 && !grew; i++)
        {
            await Task.Delay(200);
            grew = Ingested(JsonDocument.Parse(await http.GetStringAsync("api/stats")).RootElement) > before;
        }
        Assert.True(grew, "the demo feed stopped after its backfill");
    }
}
