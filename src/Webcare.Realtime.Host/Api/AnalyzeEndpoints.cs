using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Host.Security;

namespace Webcare.Realtime.Host.Api;

/// <summary>Limits of <c>POST /api/analyze</c> (configuration section <c>Analyze</c>).</summary>
public sealed class AnalyzeOptions
{
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
    public int MaxTexts { get; set; } = 100;
}

/// <summary>
/// <c>POST /api/analyze</c>: reads texts without ingesting them, and answers in the shape of
/// <c>webcare analyze</c> (<see cref="AnalysisJson"/>). The body is <c>{"text":"…"}</c> (one analysis back) or
/// <c>["…","…"]</c> (an array back, in the same order). Needs the ingest scope, like sending mentions.
/// </summary>
public static class AnalyzeEndpoints
{
    public static void MapAnalyzeEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/analyze", AnalyzeAsync).DisableAntiforgery()
            .RequireAuthorization(Scopes.Ingest).RequireRateLimiting(RateLimits.PerKey);

    private sealed class BadRequest(int status, string title, string detail) : Exception(detail)
    {
        public IResult Problem => Results.Problem(statusCode: status, title: title, detail: Message);
    }

    private static async Task<IResult> AnalyzeAsync(
        HttpContext http, ISentimentScorer sentiment, IOptions<AnalyzeOptions> options, IOptions<IngestOptions> ingest)
    {
        var limits = options.Value;
        var mediaType = http.Request.ContentType?.Split(';')[0].Trim();
        if (!string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
            return Results.Problem(statusCode: 415, title: "Unsupported media type",
                detail: "Send application/json: {\"text\":\"...\"} or an array of texts [\"...\", \"...\"].");
        using var body = await RequestBody.ReadAsync(http.Request, limits.MaxBodyBytes, http.RequestAborted);
        if (body is null)
            return Results.Problem(statusCode: 413, title: "Body too large", detail: $"The body is over the limit of {limits.MaxBodyBytes:N0} bytes (Analyze:MaxBodyBytes).");
        try
        {
            var (texts, single) = ReadTexts(body.Span, limits.MaxTexts, ingest.Value.MaxTextLength);
            var output = new ArrayBufferWriter<byte>(1024 * texts.Count);
            using (var json = new Utf8JsonWriter(output, AnalysisJson.WriterOptions))
            {
                if (!single) json.WriteStartArray();
                foreach (var text in texts) AnalysisJson.Write(json, TextAnalysis.Of(text, sentiment));
                if (!single) json.WriteEndArray();
            }
            return Results.Bytes(output.WrittenMemory.ToArray(), "application/json; charset=utf-8");
        }
        catch (BadRequest bad)
        {
            return bad.Problem;
        }
    }

    private static (List<string> Texts, bool Single) ReadTexts(ReadOnlySpan<byte> body, int maxTexts, int maxTextLength)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 4 });
        }
        catch (JsonException ex)
        {
            throw new BadRequest(400, "Unreadable body", $"not valid JSON: {ex.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (!root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
                    throw new BadRequest(400, "No text", "The object needs a string property 'text'.");
                return ([Checked(text, maxTextLength, "'text'")], true);
            }
            if (root.ValueKind != JsonValueKind.Array)
                throw new BadRequest(400, "Unreadable body", "Expected {\"text\":\"...\"} or an array of texts.");
            var count = root.GetArrayLength();
            if (count == 0) throw new BadRequest(400, "No texts", "The array is empty.");
            if (count > maxTexts)
                throw new BadRequest(413, "Too many texts", $"{count} texts; at most {maxTexts} per request (Analyze:MaxTexts).");
            var texts = new List<string>(count);
            var index = 0;
            foreach (var item in root.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                    throw new BadRequest(400, "Not a text", $"Item {index} is {item.ValueKind.ToString().ToLowerInvariant()}, not a string.");
                texts.Add(Checked(item, maxTextLength, $"item {index}"));
                index++;
            }
            return (texts, false);
        }
    }

    private static string Checked(JsonElement element, int maxTextLength, string what)
    {
        string text;
        try
        {
            text = element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // The reader checks a string's UTF-8 only when it is decoded.
            throw new BadRequest(400, "Unreadable body", $"{what} is not valid UTF-8.");
        }
        return text.Length <= maxTextLength ? text
            : throw new BadRequest(413, "Text too long", $"{what} has {text.Length:N0} characters; at most {maxTextLength:N0} (Ingest:MaxTextLength).");
    }
}
