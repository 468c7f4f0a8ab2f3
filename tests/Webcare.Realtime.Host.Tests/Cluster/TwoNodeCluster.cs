using System.Net;
using System.Net.Http.Json;
using Webcare.Realtime.Testing;

namespace Webcare.Realtime.Host.Tests.Cluster;

/// <summary>
/// The production topology on loopback: a throwaway PostgreSQL and two host processes forming one Orleans
/// cluster through it (same ClusterId, own HTTP, silo and gateway ports), as docker-compose.yml runs it.
/// </summary>
public sealed class TwoNodeCluster : IAsyncDisposable
{
    private TwoNodeCluster(ThrowawayPostgres postgres, HostProcess a, HostProcess b) => (Postgres, A, B) = (postgres, a, b);

    public ThrowawayPostgres Postgres { get; }
    public HostProcess A { get; }
    public HostProcess B { get; }

    public static async Task<TwoNodeCluster> StartAsync()
    {
        var postgres = await ThrowawayPostgres.StartNewAsync();
        var clusterId = "cluster-" + Guid.NewGuid().ToString("N")[..8];
        var cluster = new TwoNodeCluster(postgres, DurableNode(postgres, "node-a", clusterId), DurableNode(postgres, "node-b", clusterId));
        try
        {
            // Both at once, as after a full restart: the schema migration must serialise them.
            await Task.WhenAll(cluster.A.StartAsync(), cluster.B.StartAsync());
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A host process in durable mode on this database; small pools, so several fit in 100 connections.</summary>
    public static HostProcess DurableNode(ThrowawayPostgres postgres, string name, string? clusterId = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = postgres.ConnectionStringFor(maxPoolSize: 10),
            ["Orleans:MaxPoolSize"] = "8",
        };
        if (clusterId is not null) settings["Orleans:ClusterId"] = clusterId;
        return new HostProcess(settings, name);
    }

    public static object Mention(string id, string text = "Al uren wachten op de SEH, niemand vertelt iets", string source = "twitter") =>
        new { source, id, text, createdAt = DateTimeOffset.UtcNow, author = new { handle = "@" + id, followers = 10 } };

    /// <summary>
    /// Posts like a well-behaved client (the replay CLI): a batch that is not acknowledged is sent again.
    /// Returns the number of attempts it took; fails when it is still refused at the deadline.
    /// </summary>
    public static async Task<int> PostUntilAcceptedAsync(HttpClient http, object[] batch, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        var attempts = 0;
        string last = "";
        while (DateTime.UtcNow < deadline)
        {
            attempts++;
            try
            {
                using var response = await http.PostAsJsonAsync("api/mentions", batch);
                if (response.StatusCode == HttpStatusCode.Accepted) return attempts;
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"only 503 may refuse a batch during a failover: {last}");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                last = ex.Message;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"the batch was not accepted within {within.TotalSeconds:0} s after {attempts} attempts (last: {last})");
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
