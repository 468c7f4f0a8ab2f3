using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Webcare.Realtime.Host.Tests;

/// <summary><c>POST /api/analyze</c> over real HTTP: the analysis shape, and a clear problem for every bad body.</summary>
[Collection(HostCollection.Name)]
public sealed class AnalyzeApiTests(HostFixture fixture)
{
    private readonly HttpClient _http = fixture.Host.CreateClient();

    private async Task<(HttpStatusCode Status, JsonElement Body, string? ContentType)> Post(byte[] body, string contentType = "application/json")
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var response = await _http.PostAsync("api/analyze", content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    private Task<(HttpStatusCode Status, JsonElement Body, string? ContentType)> Post(string body, string contentType = "application/json") =>
        Post(Encoding.UTF8.GetBytes(body), contentType);

    [Fact]
    public async Task One_text_gets_one_analysis_with_language_sentiment_categories_and_redaction()
    {
        var (status, body, type) = await Post("""{"text":"Al 3 uur wachten op de SEH en niemand neemt op. Bel me op 06-12345678"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", type);
        Assert.Equal("nl", body.GetProperty("language").GetString());
        var sentiment = body.GetProperty("sentiment");
        Assert.Equal("negative", sentiment.GetProperty("label").GetString());
        Assert.True(sentiment.GetProperty("score").GetDouble() < 0);
        Assert.Contains(sentiment.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("term").GetString() == "niemand neemt op");
        Assert.Equal(["waitingTime", "reachability"], body.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("category").GetString()));
        var pii = Assert.Single(body.GetProperty("pii").EnumerateArray());
        Assert.Equal("phone", pii.GetProperty("type").GetString());
        Assert.Equal(58, pii.GetProperty("start").GetInt32());
        Assert.Equal(11, pii.GetProperty("length").GetInt32());
        Assert.True(body.GetProperty("privacySensitive").GetBoolean());
        Assert.Equal("Al 3 uur wachten op de SEH en niemand neemt op. Bel me op [telefoon]", body.GetProperty("redacted").GetString());
        Assert.DoesNotContain("06-12345678", body.GetRawText());
    }

    [Fact]
    public async Task An_array_of_texts_gets_an_array_of_analyses_in_order()
    {
        var (status, body, _) = await Post("""["Bedankt lieve verpleging!", "The parking is way too expensive", ""]""");

        Assert.Equal(HttpStatusCode.OK, status);
        var results = body.EnumerateArray().ToList();
        Assert.Equal(3, results.Count);
        Assert.Equal("positive", results[0].GetProperty("sentiment").GetProperty("label").GetString());
        Assert.Equal("en", results[1].GetProperty("language").GetString());
        Assert.Equal(["costs", "facilities"], results[1].GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("category").GetString()));
        Assert.Equal("neutral", results[2].GetProperty("sentiment").GetProperty("label").GetString());
    }

    [Theory]
    [InlineData("{\"text\":", 400, "Unreadable body")]
    [InlineData("{\"txt\":\"x\"}", 400, "No text")]
    [InlineData("{\"text\":42}", 400, "No text")]
    [InlineData("[]", 400, "No texts")]
    [InlineData("[\"a\", 7]", 400, "Not a text")]
    [InlineData("\"just a string\"", 400, "Unreadable body")]
    [InlineData("[[[[[\"deep\"]]]]]", 400, "Unreadable body")]
    public async Task A_bad_body_gets_a_problem_naming_what_is_wrong(string body, int status, string title)
    {
        var (code, problem, type) = await Post(body);

        Assert.Equal(status, (int)code);
        Assert.Equal("application/problem+json", type);
        Assert.Equal(title, problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Invalid_utf8_is_400_and_other_media_types_are_415()
    {
        var (status, problem, _) = await Post([.. "{\"text\":\""u8.ToArray(), 0xFF, 0xFE, .. "\"}"u8.ToArray()]);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Unreadable body", problem.GetProperty("title").GetString());

        var (media, _, _) = await Post("text", "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, media);
    }

    [Fact]
    public async Task Too_many_texts_a_too_long_text_and_a_too_large_body_are_413()
    {
        var many = JsonSerializer.Serialize(Enumerable.Repeat("x", 101));
        var (tooMany, problem, _) = await Post(many);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooMany);
        Assert.Contains("101 texts", problem.GetProperty("detail").GetString());

        var (tooLong, longProblem, _) = await Post(JsonSerializer.Serialize(new[] { "ok", new string('a', 20_001) }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLong);
        Assert.Contains("item 1", longProblem.GetProperty("detail").GetString());

        var (tooLarge, _, _) = await Post(JsonSerializer.Serialize(new { text = new string('a', 1024 * 1024) }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge);
    }
}
