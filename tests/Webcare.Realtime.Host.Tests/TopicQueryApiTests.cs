using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Webcare.Realtime.Host.Tests;

/// <summary>The boolean topic query language through the real host: PUT, matching on ingest, and its errors.</summary>
public sealed class TopicQueryApiTests
{
    [Fact]
    public async Task A_boolean_query_put_over_http_selects_the_mentions_it_describes()
    {
        await using var host = new TestHost();
        await host.StartAsync();
        using var http = host.CreateClient();

        var put = await http.PutAsJsonAsync("api/topics", new[]
        {
            new { name = "SEH dicht", query = "(seh OR \"spoedeisende hulp\") NEAR/3 dicht* NOT source:news" },
            new { name = "Van Jan", query = "author:@JdeVries" },
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var now = DateTimeOffset.UtcNow;
        var posted = await http.PostAsJsonAsync("api/mentions", new object[]
        {
            new { source = "twitter", id = "1", createdAt = now, text = "De Spoedeisende Hulp is vandaag DICHT!", author = new { handle = "@jdevries" } },
            new { source = "news", id = "2", createdAt = now, text = "SEH dicht in het weekend" },
            new { source = "twitter", id = "3", createdAt = now, text = "SEH is gewoon open, dicht is alleen de poli" },
            new { source = "facebook", id = "4", createdAt = now, text = "De seh gaat dicht #zorg" },
        });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);

        Assert.Equal(2, await TotalOf(http, "SEH dicht"));
        Assert.Equal(1, await TotalOf(http, "Van Jan"));
    }

    [Fact]
    public async Task A_query_that_does_not_parse_gets_a_problem_with_the_topic_and_the_position()
    {
        await using var host = new TestHost();
        await host.StartAsync();
        using var http = host.CreateClient();

        var bad = await http.PutAsJsonAsync("api/topics", new[]
        {
            new { name = "goed", query = "wacht*" },
            new { name = "kapot", query = "seh AND (dicht" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("kapot", problem.GetProperty("topic").GetString());
        Assert.Equal(15, problem.GetProperty("position").GetInt32());
        Assert.Equal("')' to close the '(' at position 9", problem.GetProperty("expected").GetString());
        Assert.Equal("the end of the query", problem.GetProperty("found").GetString());
        Assert.Equal("topic 'kapot': at position 15: expected ')' to close the '(' at position 9, found the end of the query",
            problem.GetProperty("detail").GetString());

        var topics = JsonDocument.Parse(await http.GetStringAsync("api/topics")).RootElement.GetProperty("topics");
        Assert.Equal(["wachttijd", "parkeren"], topics.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task A_configured_query_that_does_not_parse_stops_the_service_naming_the_entry_and_position()
    {
        var host = new TestHost(new Dictionary<string, string?> { ["Topics:1:Query"] = "parkeren OR" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(host.StartAsync);

        Assert.Equal("Topics:1:Query: topic 'parkeren': at position 12: expected a word, a \"phrase\", a field (source:, lang:, author:), NOT or '(', found the end of the query",
            error.Message);
    }

    private static async Task<long> TotalOf(HttpClient http, string topic)
    {
        var body = JsonDocument.Parse(await http.GetStringAsync($"api/topics/{Uri.EscapeDataString(topic)}")).RootElement;
        return body.GetProperty("summary").GetProperty("total").GetInt64();
    }
}
