using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Xunit.Abstractions;
using static Webcare.Realtime.Host.Tests.Cluster.TwoNodeCluster;

namespace Webcare.Realtime.Host.Tests.Cluster;

/// <summary>Two host processes on one PostgreSQL: the cross-node wall, and a node killed with kill -9.</summary>
public sealed class ClusterFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_mention_posted_to_one_node_reaches_a_wall_connected_to_the_other()
    {
        await using var cluster = await TwoNodeCluster.StartAsync();
        var (wall, recorder) = await WallClient.ConnectAsync(cluster.B.BaseAddress);
        await using var _ = wall;

        using var http = cluster.A.CreateClient();
        await PostUntilAcceptedAsync(http, [Mention("cross-1")], TimeSpan.FromSeconds(20));

        Assert.True(await WallFeedRecorder.WaitUntil(() => recorder.FramesContain("twitter", "cross-1"), TimeSpan.FromSeconds(15)),
            $"the wall on node B never showed the mention posted to node A\n{cluster.A.Output}\n{cluster.B.Output}");
    }

    [Fact]
    public async Task After_kill_9_of_one_node_the_survivor_takes_its_grains_ingest_goes_on_and_its_wall_keeps_updating()
    {
        await using var cluster = await TwoNodeCluster.StartAsync();
        using var toA = cluster.A.CreateClient();
        using var toB = cluster.B.CreateClient();

        // State that lives in grains spread over both nodes: a persisted topic catalog, and activity per
        // source, topic, conversation shard and dedup partition, created through both nodes.
        var topics = await toA.PutAsync("api/topics", JsonContent("""[{"name":"wachttijd","query":"wacht*"}]"""));
        Assert.Equal(HttpStatusCode.OK, topics.StatusCode);
        for (var i = 0; i < 10; i++)
        {
            await PostUntilAcceptedAsync(i % 2 == 0 ? toA : toB, [Mention($"before-{i}", source: $"src{i}")], TimeSpan.FromSeconds(20));
        }
        var (wall, recorder) = await WallClient.ConnectAsync(cluster.B.BaseAddress);
        await using var _ = wall;

        cluster.A.Kill();
        var sinceKill = Stopwatch.StartNew();

        // Ingest through the survivor: refused (503) at most while the cluster notices the death, then accepted.
        var attempts = await PostUntilAcceptedAsync(toB, [Mention("after-kill-1")], TimeSpan.FromSeconds(45));
        var acceptedAfter = sinceKill.Elapsed;
        // In a frame, or in the fresh snapshot the host sends when the feed restarted on the survivor.
        Assert.True(await WallFeedRecorder.WaitUntil(() => recorder.Shows("twitter", "after-kill-1"), TimeSpan.FromSeconds(30)),
            $"the wall on the survivor stopped updating after node A was killed\n{cluster.B.Output}");
        var onWallAfter = sinceKill.Elapsed;
        output.WriteLine($"after kill -9 of node A: first batch accepted by node B after {acceptedAfter.TotalSeconds:F1} s ({attempts} attempts), on node B's wall after {onWallAfter.TotalSeconds:F1} s");

        // Every grain answers from the survivor, including those that lived on the dead node.
        for (var i = 0; i < 10; i++)
            await PostUntilAcceptedAsync(toB, [Mention($"after-{i}", source: $"src{i}")], TimeSpan.FromSeconds(10));
        using var catalog = JsonDocument.Parse(await toB.GetStringAsync("api/topics"));
        Assert.Equal(1, catalog.RootElement.GetProperty("version").GetInt32());
        Assert.Equal("wachttijd", catalog.RootElement.GetProperty("topics")[0].GetProperty("name").GetString());
        Assert.True(await WallFeedRecorder.WaitUntil(() => recorder.Shows("src9", "after-9"), TimeSpan.FromSeconds(10)),
            "later mentions did not reach the survivor's wall");
        Assert.True(wall.State == Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected);
        // Within the membership timeout (README, Cluster): probes every 2 s, dead after 3 missed, plus the vote.
        Assert.True(acceptedAfter < TimeSpan.FromSeconds(30), $"failover took {acceptedAfter.TotalSeconds:F1} s");
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
