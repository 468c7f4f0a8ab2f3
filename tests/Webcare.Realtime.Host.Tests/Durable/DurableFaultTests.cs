using System.Net;
using Webcare.Realtime.Testing;
using static Webcare.Realtime.Host.Tests.Durable.DurableMentions;

namespace Webcare.Realtime.Host.Tests.Durable;

/// <summary>
/// Faults with real processes: the host as its own OS process (so kill -9 is a real crash) against a real
/// throwaway PostgreSQL. The client retries every batch that was not acknowledged.
/// </summary>
public sealed class DurableFaultTests
{
    private const int Mentions = 50_000;
    private const int BatchSize = 500;

    private static IReadOnlyList<string> Batches(int mentions, DateTimeOffset now) =>
        [.. Enumerable.Range(0, mentions / BatchSize).Select(b => Batch(b * BatchSize, BatchSize, now))];

    private static HostProcess DurableHost(ThrowawayPostgres postgres) => new(DurableSettings(postgres, new Dictionary<string, string?>
    {
        ["Limits:RequestsPerSecond"] = "10000",
        ["Limits:Burst"] = "10000",
    }), "durable");

    [Fact]
    public async Task Kill_9_of_the_host_mid_ingest_loses_nothing_acknowledged_and_counts_every_mention_once()
    {
        await using var postgres = await ThrowawayPostgres.StartNewAsync();
        await using var host = DurableHost(postgres);
        await host.StartAsync();
        var client = new RetryingIngestClient(host.BaseAddress, Batches(Mentions, DateTimeOffset.UtcNow));

        var sending = client.RunAsync(TimeSpan.FromMinutes(4));
        await EventuallyAsync(() => Task.FromResult(client.Acknowledged), n => n >= 20, TimeSpan.FromMinutes(2));
        host.Kill();
        var acknowledgedAtKill = client.Acknowledged;
        await host.StartAsync();
        await sending;

        Assert.True(acknowledgedAtKill < Mentions / BatchSize, $"the kill came after the last batch ({acknowledgedAtKill} acknowledged)");
        Assert.True(client.Outcomes.ContainsKey("no answer"), $"no batch was cut by the kill: {client.Describe()}");
        Assert.Equal(Mentions, await postgres.ScalarAsync<long>("SELECT count(*) FROM mention_log"));
        Assert.Equal(Mentions, await postgres.ScalarAsync<long>("SELECT count(DISTINCT id) FROM mention_log"));
        using var http = host.CreateClient();
        Assert.Equal(((long)Mentions, (long)Mentions), await StatsAsync(http));
    }

    [Fact]
    public async Task PostgreSQL_stopped_mid_ingest_gives_503_with_retry_after_and_every_retried_batch_is_stored_once_it_is_back()
    {
        await using var postgres = await ThrowawayPostgres.StartNewAsync();
        await using var host = DurableHost(postgres);
        await host.StartAsync();
        const int mentions = 20_000;
        var client = new RetryingIngestClient(host.BaseAddress, Batches(mentions, DateTimeOffset.UtcNow));
        using var http = host.CreateClient();

        var sending = client.RunAsync(TimeSpan.FromMinutes(4));
        await EventuallyAsync(() => Task.FromResult(client.Acknowledged), n => n >= 5, TimeSpan.FromMinutes(2));
        await postgres.StopAsync();
        var acknowledgedAtStop = client.Acknowledged;
        await EventuallyAsync(async () => (await http.GetAsync("/health/ready")).StatusCode,
            s => s == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(20));
        await EventuallyAsync(() => Task.FromResult(client.Outcomes.GetValueOrDefault("503")), n => n >= 4, TimeSpan.FromSeconds(30));
        await postgres.StartAsync();
        await sending;

        Assert.True(acknowledgedAtStop < mentions / BatchSize, $"the stop came after the last batch ({acknowledgedAtStop} acknowledged)");
        Assert.False(client.Outcomes.ContainsKey("500"), client.Describe());
        Assert.All(client.RetryAfterValues, v => Assert.True(int.Parse(v) > 0));
        Assert.NotEmpty(client.RetryAfterValues);
        Assert.Equal(mentions, await postgres.ScalarAsync<long>("SELECT count(*) FROM mention_log"));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(((long)mentions, (long)mentions), await StatsAsync(http));
    }
}
