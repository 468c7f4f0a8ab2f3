using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Webcare.Realtime.Host.Tests;

/// <summary>Ingest over HTTP → grains → SignalR, with a real client, and the snapshot after reconnecting.</summary>
public sealed class EndToEndTests
{
    private static object Mention(string source, string id, string text, DateTimeOffset at, string? conversationId = null) => new
    {
        source, id, text, createdAt = at, conversationId,
        author = new { handle = "@e2e", name = "E2E", followers = 1234 },
        metrics = new { likes = 1, shares = 2 },
    };

    [Fact]
    public async Task A_posted_mention_reaches_a_connected_wall_and_is_in_the_snapshot_after_reconnecting()
    {
        await using var host = new TestHost();
        await host.StartAsync();
        var (wall, recorder) = await host.ConnectWallAsync();
        await using var _ = wall;

        using var http = host.CreateClient();
        var now = DateTimeOffset.UtcNow;
        var response = await http.PostAsJsonAsync("api/mentions", new[]
        {
            Mention("twitter", "e2e-1", "Al 3 uur wachten op de SEH van het @ziekenhuis, niemand vertelt iets #wachttijd", now, "e2e-1"),
            Mention("facebook", "e2e-2", "Dank aan de lieve verpleging van afdeling 4!", now),
            Mention("twitter", "e2e-1-reply", "Bij ons precies hetzelfde", now, "e2e-1"),
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        Assert.True(await WallFeedRecorder.WaitUntil(() => recorder.FramesContain("twitter", "e2e-1") && recorder.FramesContain("facebook", "e2e-2"),
            TimeSpan.FromSeconds(10)), "the posted mentions did not arrive on the wall");
        var frame = recorder.Frames.First(f => f.Mentions.Any(m => m.Id == "e2e-1"));
        var shown = frame.Mentions.Single(m => m.Id == "e2e-1");
        Assert.Equal("@e2e", shown.AuthorHandle);
        Assert.Contains("wachttijd", shown.Topics);
        Assert.Equal(Core.Analysis.SentimentLabel.Negative, shown.Label);
        Assert.Contains(frame.Sources, s => s.Key == "twitter" && s.LastHour.Volume >= 1);
        Assert.Contains(frame.Topics, t => t.Key == "wachttijd");
        Assert.Contains(frame.Conversations, c => c.Key == "twitter:e2e-1" && c.Mentions == 2 && c.Reach == 1234);
        Assert.True(frame.Totals.Accepted >= 3);

        await wall.StopAsync();
        await wall.StartAsync();
        Assert.True(await WallFeedRecorder.WaitUntil(() => recorder.Snapshots.Count >= 2, TimeSpan.FromSeconds(10)), "no snapshot after reconnecting");
        var snapshot = recorder.Snapshots.Last();
        Assert.Contains(snapshot.Mentions, m => m.Source == "twitter" && m.Id == "e2e-1");
        Assert.Contains(snapshot.Mentions, m => m.Source == "facebook" && m.Id == "e2e-2");
        Assert.Equal(3, snapshot.Totals.Accepted);
        Assert.Contains(snapshot.Sources, s => s.Key == "facebook" && s.Total == 1);
    }

    [Fact]
    public async Task A_duplicate_posted_again_is_counted_once_on_the_wall()
    {
        await using var host = new TestHost();
        await host.StartAsync();
        var (wall, recorder) = await host.ConnectWallAsync();
        await using var _ = wall;
        using var http = host.CreateClient();
        var body = new[] { Mention("forum", "dup-1", "Parkeren bij de poli kost een fortuin", DateTimeOffset.UtcNow) };

        await http.PostAsJsonAsync("api/mentions", body);
        var second = await (await http.PostAsJsonAsync("api/mentions", body)).Content.ReadFromJsonAsync<IngestAnswer>();

        Assert.Equal(new IngestAnswer(0, 1, 0), second);
        Assert.True(await WallFeedRecorder.WaitUntil(() => recorder.Frames.Any(f => f.Totals.Duplicates == 1), TimeSpan.FromSeconds(10)));
        Assert.Equal(1, recorder.Frames.Last().Totals.Accepted);
        Assert.Single(recorder.Frames.SelectMany(f => f.Mentions), m => m.Id == "dup-1");
    }

    [Fact]
    public async Task Frames_are_coalesced_under_a_burst()
    {
        await using var host = new TestHost();
        await host.StartAsync();
        var (wall, recorder) = await host.ConnectWallAsync();
        await using var _ = wall;
        using var http = host.CreateClient();
        var now = DateTimeOffset.UtcNow;

        var started = DateTime.UtcNow;
        for (var batch = 0; batch < 20; batch++)
        {
            var mentions = Enumerable.Range(0, 500).Select(i => Mention("twitter", $"burst-{batch}-{i}", "Weer lang wachten", now)).ToArray();
            Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsJsonAsync("api/mentions", mentions)).StatusCode);
        }
        Assert.True(await WallFeedRecorder.WaitUntil(() => recorder.Frames.LastOrDefault()?.Totals.Accepted == 10_000, TimeSpan.FromSeconds(15)));
        var elapsed = DateTime.UtcNow - started;

        // 10,000 mentions, yet each frame carries at most 50 and the rest is counted as omitted.
        Assert.All(recorder.Frames, f => Assert.True(f.Mentions.Length <= 50));
        Assert.Equal(10_000, recorder.Frames.Sum(f => f.Mentions.Length + f.OmittedMentions));
        // At most one frame per 250 ms interval (plus one for the partial interval at each end).
        Assert.True(recorder.Frames.Count <= elapsed.TotalMilliseconds / 250 + 2, $"{recorder.Frames.Count} frames in {elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(recorder.Frames.Select(f => f.Sequence).Order(), recorder.Frames.Select(f => f.Sequence));
    }

    [Fact]
    public async Task A_wall_reconnects_by_itself_after_the_host_restarts_and_resyncs()
    {
        var host = new TestHost();
        await host.StartAsync();
        var (wall, recorder) = await host.ConnectWallAsync(reconnect: true);
        await using var _ = wall;
        Assert.Single(recorder.Snapshots);

        await host.StopAsync();
        Assert.True(await WallFeedRecorder.WaitUntil(() => wall.State != HubConnectionState.Connected, TimeSpan.FromSeconds(10)));
        await host.StartAsync();
        Assert.True(await WallFeedRecorder.WaitUntil(() => wall.State == HubConnectionState.Connected && recorder.Snapshots.Count >= 2,
            TimeSpan.FromSeconds(20)), $"state {wall.State}, {recorder.Snapshots.Count} snapshots");

        using var http = host.CreateClient();
        await http.PostAsJsonAsync("api/mentions", new[] { Mention("news", "after-restart", "Nieuw bericht", DateTimeOffset.UtcNow) });
        Assert.True(await WallFeedRecorder.WaitUntil(() => recorder.FramesContain("news", "after-restart"), TimeSpan.FromSeconds(10)));
        await host.StopAsync();
    }
}

public sealed record IngestAnswer(int Accepted, int Duplicates, int Rejected);
