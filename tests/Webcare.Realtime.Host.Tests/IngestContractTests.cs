using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Webcare.Realtime.Host.Tests;

/// <summary>The documented ingest contract over real HTTP: every bad input gets a clear, specific answer.</summary>
[Collection(HostCollection.Name)]
public sealed class IngestContractTests(HostFixture fixture)
{
    private readonly HttpClient _http = fixture.Host.CreateClient();

    private static string Line(string id, string text = "Lang wachten bij de SEH", string? createdAt = null, string source = "twitter") =>
        JsonSerializer.Serialize(new { source, id, text, createdAt = createdAt ?? DateTimeOffset.UtcNow.ToString("O") });

    private async Task<(HttpStatusCode Status, JsonElement Body, string? ContentType)> Post(string body, string contentType = "application/x-ndjson")
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await Send(content);
    }

    private async Task<(HttpStatusCode, JsonElement, string?)> Send(HttpContent content)
    {
        var response = await _http.PostAsync("api/mentions", content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement, response.Content.Headers.ContentType?.MediaType);
    }

    private static string Uid() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_malformed_line_rejects_that_line_only_with_its_number()
    {
        var (a, b) = (Uid(), Uid());
        var (status, body, _) = await Post($"{Line(a)}\n{{\"source\":\"twitter\",\"id\":\n\n{Line(b)}\n");

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        Assert.Equal(1, body.GetProperty("rejected").GetInt32());
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal(2, error.GetProperty("line").GetInt32());
        Assert.Contains("JSON", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_json_array_reports_the_line_of_each_bad_element()
    {
        var body = $"[\n{Line(Uid())},\n{{\"source\":\"twitter\",\"id\":\"{Uid()}\",\"text\":\"x\"}},\n42\n]";
        var (status, answer, _) = await Post(body, "application/json");

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(1, answer.GetProperty("accepted").GetInt32());
        var errors = answer.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([3, 4], errors.Select(e => e.GetProperty("line").GetInt32()));
        Assert.Contains("createdAt", errors[0].GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("[{not json", "application/json", "not valid JSON")]
    [InlineData("{\"source\":\"twitter\"}", "application/json", "array")]
    public async Task An_unreadable_body_is_a_400_problem(string body, string contentType, string expected)
    {
        var (status, problem, mediaType) = await Post(body, contentType);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Contains(expected, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Invalid_utf8_on_one_line_rejects_that_line_only()
    {
        var good = Encoding.UTF8.GetBytes(Line(Uid()) + "\n");
        byte[] bad = [.. Encoding.UTF8.GetBytes("{\"source\":\"twitter\",\"id\":\"x\",\"text\":\""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}\n")];
        using var content = new ByteArrayContent([.. good, .. bad, .. Encoding.UTF8.GetBytes(Line(Uid()))]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");

        var (status, body, _) = await Send(content);
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal(2, error.GetProperty("line").GetInt32());
        Assert.Contains("UTF-8", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        var big = string.Join('\n', Enumerable.Range(0, 300).Select(_ => Line(Uid(), new string('a', 4000))));
        var (status, problem, _) = await Post(big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("limit", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Text_over_the_length_limit_and_far_future_timestamps_are_rejected_per_line()
    {
        var body = string.Join('\n',
            Line(Uid(), new string('x', 5001)),
            Line(Uid(), createdAt: DateTimeOffset.UtcNow.AddHours(2).ToString("O")),
            Line(Uid(), createdAt: DateTimeOffset.UtcNow.AddMinutes(2).ToString("O")),
            Line(Uid(), createdAt: "2026-11-23T09:15:00"));
        var (status, answer, _) = await Post(body);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(1, answer.GetProperty("accepted").GetInt32()); // two minutes of clock skew is fine
        var errors = answer.GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("line").GetInt32(), e => e.GetProperty("message").GetString()!);
        Assert.Contains("5000", errors[1]);
        Assert.Contains("future", errors[2]);
        Assert.Contains("zone", errors[4]);
    }

    [Fact]
    public async Task A_batch_with_nothing_valid_is_a_400_listing_every_line()
    {
        var (status, problem, mediaType) = await Post("{\"id\":\"1\"}\n{\"source\":\"x\"}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal(2, problem.GetProperty("errors").GetArrayLength());
        Assert.Contains("'source' is required", problem.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Empty_body_and_wrong_media_type_are_refused()
    {
        var (emptyStatus, _, _) = await Post("  \n ");
        Assert.Equal(HttpStatusCode.BadRequest, emptyStatus);
        var (xmlStatus, problem, _) = await Post("<mentions/>", "application/xml");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, xmlStatus);
        Assert.Contains("application/x-ndjson", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unknown_fields_are_ignored_and_html_is_kept_as_data()
    {
        var id = Uid();
        var line = $"{{\"source\":\"forum\",\"id\":\"{id}\",\"createdAt\":\"{DateTimeOffset.UtcNow:O}\",\"text\":\"<script>alert(1)</script> wachten\",\"extra\":{{\"deep\":[1,2,{{\"x\":null}}]}},\"lang\":\"nl\"}}";
        var (status, answer, _) = await Post(line);
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(1, answer.GetProperty("accepted").GetInt32());

        var snapshot = JsonDocument.Parse(await _http.GetStringAsync("api/snapshot")).RootElement;
        var mention = snapshot.GetProperty("mentions").EnumerateArray().Single(m => m.GetProperty("id").GetString() == id);
        Assert.Equal("<script>alert(1)</script> wachten", mention.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Duplicates_within_and_across_batches_are_counted_once()
    {
        var id = Uid();
        var before = await Totals();
        var (_, first, _) = await Post($"{Line(id)}\n{Line(id)}");
        var (_, second, _) = await Post(Line(id));
        Assert.Equal((1, 1), (first.GetProperty("accepted").GetInt32(), first.GetProperty("duplicates").GetInt32()));
        Assert.Equal((0, 1), (second.GetProperty("accepted").GetInt32(), second.GetProperty("duplicates").GetInt32()));

        // GET /api/stats counts it once as ingested, and both repeats as duplicates (the host is this collection's alone).
        var after = await Totals();
        Assert.Equal((before.Ingested + 1, before.Duplicates + 2), after);
    }

    private async Task<(long Ingested, long Duplicates)> Totals()
    {
        var stats = JsonDocument.Parse(await _http.GetStringAsync("api/stats")).RootElement;
        return (stats.GetProperty("ingested").GetInt64(), stats.GetProperty("duplicates").GetInt64());
    }
}
