using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Webcare.Realtime.Testing;
using static Webcare.Realtime.Host.Tests.Cluster.TwoNodeCluster;

namespace Webcare.Realtime.Host.Tests.Cluster;

/// <summary>A wall whose host is killed and restarted: it reconnects by itself and starts again from a fresh snapshot.</summary>
public sealed class WallReconnectTests
{
    [Fact]
    public async Task A_wall_reconnects_by_itself_after_its_host_is_killed_and_restarted_and_resyncs_from_a_new_snapshot()
    {
        await using var postgres = await ThrowawayPostgres.StartNewAsync();
        await using var host = DurableNode(postgres, "restarted");
        await host.StartAsync();
        using var http = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.PutAsync("api/topics",
            new StringContent("""[{"name":"wachttijd","query":"wacht*"}]""", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        await PostUntilAcceptedAsync(http, [Mention("before-restart")], TimeSpan.FromSeconds(20));

        var (wall, recorder) = await WallClient.ConnectAsync(host.BaseAddress, reconnect: true);
        await using var _ = wall;
        var reconnected = 0;
        wall.Reconnected += _ => { Interlocked.Increment(ref reconnected); return Task.CompletedTask; };
        Assert.True(await WallFeedRecorder.WaitUntil(() => recorder.Snapshots.Last().Mentions.Any(m => m.Id == "before-restart")
            || recorder.FramesContain("twitter", "before-restart"), TimeSpan.FromSeconds(10)));
        var snapshotsBefore = recorder.Snapshots.Count;

        var killedAt = DateTimeOffset.UtcNow;
        await host.RestartAsync();

        Assert.True(await WallFeedRecorder.WaitUntil(() => reconnected > 0 && recorder.Snapshots.Count > snapshotsBefore, TimeSpan.FromSeconds(60)),
            $"the wall did not reconnect with a new snapshot (state {wall.State}, reconnected {reconnected})\n{host.Output}");
        Assert.Equal(HubConnectionState.Connected, wall.State);
        var resync = recorder.Snapshots.Last();
        Assert.True(resync.AsOf > killedAt, "the snapshot after reconnecting must come from the restarted host");

        // And it goes on updating live from the new process.
        await PostUntilAcceptedAsync(http, [Mention("after-restart")], TimeSpan.FromSeconds(20));
        Assert.True(await WallFeedRecorder.WaitUntil(() => recorder.FramesContain("twitter", "after-restart"), TimeSpan.FromSeconds(15)),
            $"no frames after the restart\n{host.Output}");
        // Persisted grain state survived the kill: the topic catalog is the one set before it.
        using var topics = JsonDocument.Parse(await http.GetStringAsync("api/topics"));
        Assert.Equal(1, topics.RootElement.GetProperty("version").GetInt32());
    }
}
