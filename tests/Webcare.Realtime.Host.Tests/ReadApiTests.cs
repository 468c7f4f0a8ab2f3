using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Webcare.Realtime.Host.Tests;

[Collection(HostCollection.Name)]
public sealed class ReadApiTests(HostFixture fixture)
{
    private readonly HttpClient _http = fixture.Host.CreateClient();

    [Fact]
    public async Task Stats_count_per_source_and_topic()
    {
        var source = "stats" + Guid.NewGuid().ToString("N")[..6];
        var now = DateTimeOffset.UtcNow;
        var response = await _http.PostAsJsonAsync("api/mentions", new[]
        {
            new { source, id = "1", createdAt = now, text = "Parkeren is veel te duur" },
            new { source, id = "2", createdAt = now, text = "Weer lang wachten op de poli" },
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var stats = JsonDocument.Parse(await _http.GetStringAsync("api/stats")).RootElement;
        var entry = stats.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == source);
        Assert.Equal(2, entry.GetProperty("total").GetInt64());
        Assert.Equal(2, entry.GetProperty("lastHour").GetProperty("volume").GetInt32());
        Assert.True(stats.GetProperty("ingested").GetInt64() >= 2);
        Assert.Contains(stats.GetProperty("topics").EnumerateArray(), t => t.GetProperty("topic").GetString() == "parkeren");
    }

    [Fact]
    public async Task Topics_can_be_read_replaced_and_a_bad_query_is_refused()
    {
        var topics = JsonDocument.Parse(await _http.GetStringAsync("api/topics")).RootElement;
        Assert.Contains(topics.GetProperty("topics").EnumerateArray(), t => t.GetProperty("name").GetString() == "wachttijd");

        var bad = await _http.PutAsJsonAsync("api/topics", new[] { new { name = "kapot", query = "\"open" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("kapot", (await bad.Content.ReadAsStringAsync()));

        var current = topics.GetProperty("topics").EnumerateArray()
            .Select(t => new { name = t.GetProperty("name").GetString(), query = t.GetProperty("query").GetString() })
            .Append(new { name = (string?)"datalek", query = (string?)"datalek, privacy" }).ToArray();
        var ok = await _http.PutAsJsonAsync("api/topics", current);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        var source = "topics" + Guid.NewGuid().ToString("N")[..6];
        await _http.PostAsJsonAsync("api/mentions", new[] { new { source, id = "1", createdAt = DateTimeOffset.UtcNow, text = "Groot DATALEK bij het ziekenhuis" } });
        var topic = JsonDocument.Parse(await _http.GetStringAsync("api/topics/datalek")).RootElement;
        Assert.Equal("datalek, privacy", topic.GetProperty("query").GetString());
        Assert.True(topic.GetProperty("summary").GetProperty("total").GetInt64() >= 1);

        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("api/topics/bestaat-niet")).StatusCode);
    }

    [Fact]
    public async Task Conversations_are_found_by_source_and_id()
    {
        var root = Guid.NewGuid().ToString("N");
        var now = DateTimeOffset.UtcNow;
        await _http.PostAsJsonAsync("api/mentions", new object[]
        {
            new { source = "twitter", id = root, createdAt = now.AddMinutes(-1), text = "Mijn moeder ligt al uren op de gang", author = new { handle = "@a", followers = 10 } },
            new { source = "twitter", id = root + "-r", createdAt = now, text = "Schandalig", inReplyTo = root, conversationId = root, author = new { handle = "@b", followers = 90 } },
        });

        var conversation = JsonDocument.Parse(await _http.GetStringAsync($"api/conversations/twitter:{root}")).RootElement;
        Assert.Equal(2, conversation.GetProperty("mentions").GetInt32());
        Assert.Equal(1, conversation.GetProperty("replies").GetInt32());
        Assert.Equal(100, conversation.GetProperty("reach").GetInt64());

        var single = Guid.NewGuid().ToString("N");
        await _http.PostAsJsonAsync("api/mentions", new[] { new { source = "forum", id = single, createdAt = now, text = "Niemand neemt op" } });
        var alone = JsonDocument.Parse(await _http.GetStringAsync($"api/conversations/forum:{single}")).RootElement;
        Assert.Equal(1, alone.GetProperty("mentions").GetInt32());

        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("api/conversations/twitter:onbekend")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.GetAsync("api/conversations/geen-bron")).StatusCode);
    }

    [Fact]
    public async Task Alerts_are_listed_and_an_unknown_alert_cannot_be_acknowledged()
    {
        var alerts = JsonDocument.Parse(await _http.GetStringAsync("api/alerts")).RootElement;
        Assert.Equal(JsonValueKind.Array, alerts.ValueKind);
        var ack = await _http.PostAsync("api/alerts/topic:Onbekend:VolumeSpike:1/ack", null);
        Assert.Equal(HttpStatusCode.NotFound, ack.StatusCode);
        Assert.Contains("topic:Onbekend:VolumeSpike:1", await ack.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_endpoints_answer_and_the_container_probe_agrees()
    {
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("health/ready")).StatusCode);
        Assert.Equal(0, await Health.HealthProbe.RunAsync(["--healthcheck", "--urls", fixture.Host.BaseAddress.ToString()]));
        Assert.Equal(1, await Health.HealthProbe.RunAsync(["--healthcheck", "--urls", "http://127.0.0.1:1"]));
    }
}
