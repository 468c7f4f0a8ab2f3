using System.Net.Http.Json;
using System.Net;
using Webcare.Realtime.Testing;
using static Webcare.Realtime.Host.Tests.Durable.DurableMentions;

namespace Webcare.Realtime.Host.Tests.Durable;

/// <summary>Durable mode in one process against a real throwaway PostgreSQL: what is stored, duplicates, restart.</summary>
public sealed class DurableIngestTests
{
    [Fact]
    public async Task A_batch_is_stored_with_its_enrichment_and_a_repeat_is_stored_once()
    {
        await using var postgres = await ThrowawayPostgres.StartNewAsync();
        await using var host = new TestHost(DurableSettings(postgres));
        await host.StartAsync();
        using var http = host.CreateClient();
        var now = DateTimeOffset.UtcNow;

        var first = await AcceptedAsync(http, Batch(0, 300, now) + Batch(0, 10, now));
        var again = await AcceptedAsync(http, Batch(250, 100, now));

        Assert.Equal(300, first.GetProperty("accepted").GetInt32());
        Assert.Equal(10, first.GetProperty("duplicates").GetInt32());
        Assert.Equal(50, again.GetProperty("accepted").GetInt32());
        Assert.Equal(50, again.GetProperty("duplicates").GetInt32());
        Assert.Equal(350, await postgres.ScalarAsync<long>("SELECT count(*) FROM mention_log"));
        Assert.Equal(350, await postgres.ScalarAsync<long>("SELECT count(DISTINCT (tenant, source, id)) FROM mention_log"));
        // Enrichment is stored: language, a sentiment label that matches the score's sign, topics from the configured queries.
        Assert.Equal(350, await postgres.ScalarAsync<long>("SELECT count(*) FROM mention_log WHERE language = 'nl'"));
        Assert.True(await postgres.ScalarAsync<long>("SELECT count(*) FROM mention_log WHERE sentiment_label = -1") > 0);
        Assert.True(await postgres.ScalarAsync<long>("SELECT count(*) FROM mention_log WHERE 'wachttijd' = ANY(topics)") > 0);
        Assert.Equal((350L, 350L), await StatsAsync(http));
    }

    [Fact]
    public async Task Personal_data_is_flagged_and_redacted_in_the_log()
    {
        await using var postgres = await ThrowawayPostgres.StartNewAsync();
        await using var host = new TestHost(DurableSettings(postgres));
        await host.StartAsync();
        using var http = host.CreateClient();

        await AcceptedAsync(http, $$"""{"source":"twitter","id":"p1","createdAt":"{{DateTimeOffset.UtcNow:O}}","text":"Bel me op 06-12345678, mijn BSN is 111222333"}""");

        Assert.Equal("t", await postgres.ScalarAsync<string>("SELECT privacy_sensitive::text::char FROM mention_log WHERE id = 'p1'"));
        var redacted = await postgres.ScalarAsync<string>("SELECT redacted_text FROM mention_log WHERE id = 'p1'");
        Assert.DoesNotContain("06-12345678", redacted);
        Assert.Contains("Phone", await postgres.ScalarAsync<string>("SELECT array_to_string(pii, ',') FROM mention_log WHERE id = 'p1'"));
    }

    [Fact]
    public async Task After_a_restart_the_counts_are_rebuilt_from_the_log_and_a_retried_batch_is_not_counted_again()
    {
        await using var postgres = await ThrowawayPostgres.StartNewAsync();
        var settings = DurableSettings(postgres);
        var now = DateTimeOffset.UtcNow;
        await using (var before = new TestHost(settings))
        {
            await before.StartAsync();
            using var http = before.CreateClient();
            await AcceptedAsync(http, Batch(0, 500, now));
        }

        await using var after = new TestHost(settings);
        await after.StartAsync();
        using var client = after.CreateClient();
        Assert.Equal((500L, 500L), await StatsAsync(client));
        var summary = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/topics/wachttijd");
        Assert.Equal(await postgres.ScalarAsync<long>("SELECT count(*) FROM mention_log WHERE 'wachttijd' = ANY(topics)"),
            summary.GetProperty("summary").GetProperty("total").GetInt64());

        var retried = await AcceptedAsync(client, Batch(400, 200, now));

        Assert.Equal(100, retried.GetProperty("accepted").GetInt32());
        Assert.Equal((600L, 600L), await StatsAsync(client));
        Assert.Equal(600, await postgres.ScalarAsync<long>("SELECT count(*) FROM mention_log"));
    }

    [Fact]
    public async Task With_the_database_down_ingest_answers_503_with_retry_after_and_ready_turns_unhealthy_until_it_is_back()
    {
        await using var postgres = await ThrowawayPostgres.StartNewAsync();
        await using var host = new TestHost(DurableSettings(postgres));
        await host.StartAsync();
        using var http = host.CreateClient();
        var now = DateTimeOffset.UtcNow;
        await AcceptedAsync(http, Batch(0, 100, now));

        await postgres.StopAsync();
        using (var refused = await PostAsync(http, Batch(100, 100, now)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
        }
        using (var ready = await http.GetAsync("/health/ready")) Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);

        await postgres.StartAsync();
        await EventuallyAsync(async () => (await http.GetAsync("/health/ready")).StatusCode, s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(20));
        var retried = await AcceptedAsync(http, Batch(100, 100, now));

        Assert.Equal(100, retried.GetProperty("accepted").GetInt32());
        Assert.Equal(200, await postgres.ScalarAsync<long>("SELECT count(*) FROM mention_log"));
        Assert.Equal((200L, 200L), await StatsAsync(http));
    }
}
