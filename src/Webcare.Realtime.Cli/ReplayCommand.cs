using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Webcare.Realtime.Cli;

/// <summary>
/// Posts an NDJSON file to a running service in batches. A batch that is not acknowledged (network error,
/// 429, 5xx) is sent again with back-off; posting twice is safe because the service drops duplicates.
/// Per-line errors come back as 'file:line: message' with the line number in the file, not the batch.
/// </summary>
internal static class ReplayCommand
{
    private const int MaxAttempts = 8;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        Arguments parsed;
        Uri url;
        int batchSize, rate;
        (Stream Stream, string Name) input;
        try
        {
            parsed = new Arguments(args, "--url", "--batch", "--rate");
            url = new Uri(new Uri(parsed.Get("--url") ?? "http://127.0.0.1:5080/"), "api/mentions");
            batchSize = parsed.GetInt("--batch", 500);
            rate = parsed.GetInt("--rate", 0, min: 0);
            input = parsed.OpenInput();
        }
        catch (Exception ex) when (ex is ArgumentException or UriFormatException)
        {
            return Usage.Print(errors, 2, ex.Message);
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        long accepted = 0, duplicates = 0, rejected = 0, sent = 0;
        var clock = Stopwatch.StartNew();
        using var stream = input.Stream;
        foreach (var batch in NdjsonLines.Read(stream).Chunk(batchSize))
        {
            if (rate > 0)
            {
                var due = TimeSpan.FromSeconds((double)sent / rate);
                if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            }
            var answer = await PostWithRetryAsync(http, url, batch, errors);
            if (answer is null) return 1;
            accepted += Count(answer.Value, "accepted");
            duplicates += Count(answer.Value, "duplicates");
            rejected += Count(answer.Value, "rejected");
            if (answer.Value.TryGetProperty("errors", out var lineErrors))
                foreach (var error in lineErrors.EnumerateArray())
                {
                    var inBatch = error.GetProperty("line").GetInt32();
                    var fileLine = inBatch >= 1 && inBatch <= batch.Length ? batch[inBatch - 1].Line : inBatch;
                    errors.WriteLine($"{input.Name}:{fileLine}: {error.GetProperty("message").GetString()}");
                }
            sent += batch.Length;
        }
        output.WriteLine($"{accepted} accepted, {duplicates} duplicates, {rejected} rejected in {clock.Elapsed.TotalSeconds:F1} s");
        return rejected == 0 ? 0 : 1;
    }

    private static long Count(JsonElement answer, string name) =>
        answer.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;

    /// <summary>The service's answer (202, or a 400 listing every line), or null after a final failure.</summary>
    private static async Task<JsonElement?> PostWithRetryAsync(HttpClient http, Uri url, InputLine[] batch, TextWriter errors)
    {
        var body = new MemoryStream();
        foreach (var (_, bytes, _) in batch)
        {
            body.Write(bytes);
            body.WriteByte((byte)'\n');
        }
        var delay = TimeSpan.FromSeconds(1);
        for (var attempt = 1; ; attempt++)
        {
            string problem;
            TimeSpan? retryAfter = null;
            try
            {
                using var content = new ByteArrayContent(body.GetBuffer(), 0, (int)body.Length);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
                using var response = await http.PostAsync(url, content);
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.Accepted
                    || (response.StatusCode == HttpStatusCode.BadRequest && text.Contains("\"errors\"", StringComparison.Ordinal)))
                    return JsonDocument.Parse(text).RootElement.Clone();
                if ((int)response.StatusCode is >= 400 and < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    errors.WriteLine($"webcare: lines {batch[0].Line}-{batch[^1].Line}: {(int)response.StatusCode} {Detail(text)}");
                    return null;
                }
                problem = $"{(int)response.StatusCode} {Detail(text)}";
                retryAfter = response.Headers.RetryAfter?.Delta;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                problem = ex.Message;
            }
            if (attempt == MaxAttempts)
            {
                errors.WriteLine($"webcare: lines {batch[0].Line}-{batch[^1].Line} not acknowledged after {MaxAttempts} attempts: {problem}");
                return null;
            }
            var wait = retryAfter ?? delay;
            errors.WriteLine($"webcare: lines {batch[0].Line}-{batch[^1].Line}: {problem}; retrying in {wait.TotalSeconds:F0} s");
            await Task.Delay(wait);
            delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
        }
    }

    private static string Detail(string problemJson)
    {
        try
        {
            var root = JsonDocument.Parse(problemJson).RootElement;
            return root.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : problemJson;
        }
        catch (JsonException)
        {
            return problemJson.Length > 200 ? problemJson[..200] : problemJson;
        }
    }
}
