using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Webcare.Realtime.Grains.Contracts;
using Webcare.Realtime.Testing;
using static Webcare.Realtime.Host.Tests.Durable.DurableMentions;

namespace Webcare.Realtime.Host.Tests.Durable;

public sealed class RetentionAndErasureTests
{
    [Fact]
    public async Task Erasing_an_author_deletes_their_mentions_and_rebuilds_the_counts_and_top_authors_without_them()
    {
        await using var postgres = await ThrowawayPostgres.StartNewAsync();
        await using var host = new TestHost(DurableSettings(postgres));
        await host.StartAsync();
        using var http = host.CreateClient();
        var now = DateTimeOffset.UtcNow;
        await AcceptedAsync(http, Batch(0, 300, now));
        // A loud author on twitter: biggest reach, so first among the top authors.
        var loud = string.Concat(Enumerable.Range(0, 12).Select(i =>
            $$"""{"source":"twitter","id":"loud{{i}}","createdAt":"{{now.AddMinutes(-i):O}}","author":{"handle":"@Luid","followers":900000},"text":"Wachten wachten wachten #{{i}}"}""" + "\n"));
        await AcceptedAsync(http, loud);
        Assert.Equal("@Luid", (await TwitterAsync(http)).GetProperty("topAuthors")[0].GetProperty("handle").GetString());

        using var response = await http.DeleteAsync("/api/authors/twitter/@luid");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(12, body.GetProperty("erased").GetInt64());
        Assert.Equal(0, await postgres.ScalarAsync<long>("SELECT count(*) FROM mention_log WHERE lower(author_handle) = '@luid'"));
        Assert.Equal((300L, 300L), await StatsAsync(http));
        var twitter = await TwitterAsync(http);
        Assert.Equal(await postgres.ScalarAsync<long>("SELECT count(*) FROM mention_log WHERE source = 'twitter'"), twitter.GetProperty("total").GetInt64());
        Assert.DoesNotContain(twitter.GetProperty("topAuthors").EnumerateArray(), a => a.GetProperty("handle").GetString() == "@Luid");
        var wachttijd = await http.GetFromJsonAsync<JsonElement>("/api/topics/wachttijd");
        Assert.Equal(await postgres.ScalarAsync<long>("SELECT count(*) FROM mention_log WHERE 'wachttijd' = ANY(topics)"),
            wachttijd.GetProperty("summary").GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Erasure_without_a_mention_log_says_so()
    {
        await using var host = new TestHost();
        await host.StartAsync();
        using var http = host.CreateClient();

        using var response = await http.DeleteAsync("/api/authors/twitter/@iemand");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("durable mode", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_retention_purge_deletes_mentions_older_than_the_configured_days_and_the_counts_follow()
    {
        await using var postgres = await ThrowawayPostgres.StartNewAsync();
        await using var host = new TestHost(DurableSettings(postgres, new Dictionary<string, string?> { ["Retention:Days"] = "2" }));
        await host.StartAsync();
        using var http = host.CreateClient();
        var now = DateTimeOffset.UtcNow;
        await AcceptedAsync(http, Batch(0, 100, now.AddDays(-3)));
        await AcceptedAsync(http, Batch(100, 50, now));
        Assert.Equal((150L, 150L), await StatsAsync(http));

        var deletion = await host.Services.GetRequiredService<IGrainFactory>().GetGrain<IRetentionGrain>(0).PurgeNowAsync();

        Assert.Equal(100, deletion.Mentions);
        Assert.Equal(50, await postgres.ScalarAsync<long>("SELECT count(*) FROM mention_log"));
        Assert.Equal((50L, 50L), await StatsAsync(http));
        // The reminder that runs it on schedule is registered in PostgreSQL (it survives restarts, one per cluster).
        await EventuallyAsync(() => postgres.ScalarAsync<long>("SELECT count(*) FROM orleans_reminder WHERE reminder_name = 'purge'"),
            n => n == 1, TimeSpan.FromSeconds(10));
    }

    private static async Task<JsonElement> TwitterAsync(HttpClient http)
    {
        var snapshot = await http.GetFromJsonAsync<JsonElement>("/api/snapshot");
        return snapshot.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "twitter");
    }
}
