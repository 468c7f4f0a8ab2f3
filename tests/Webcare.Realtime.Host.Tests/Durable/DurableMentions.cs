using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Webcare.Realtime.Testing;

namespace Webcare.Realtime.Host.Tests.Durable;

/// <summary>NDJSON batches and the reads the durable-mode tests compare against the database.</summary>
internal static class DurableMentions
{
    /// <summary>A host's settings for durable mode on <paramref name="postgres"/>, plus <paramref name="more"/>.</summary>
    public static Dictionary<string, string?> DurableSettings(ThrowawayPostgres postgres, IReadOnlyDictionary<string, string?>? more = null) =>
        new(more ?? new Dictionary<string, string?>()) { ["ConnectionStrings:Postgres"] = postgres.ConnectionString };

    private static readonly string[] Texts =
    [
        "Al uren wachten op de SEH, slecht geregeld",
        "Dank aan de verpleging, top zorg gehad",
        "Parkeren bij het ziekenhuis is een ramp",
        "Afspraak verzet, wachtlijst van drie maanden",
    ];

    /// <summary>Mentions number <paramref name="from"/> up to <paramref name="from"/> + <paramref name="count"/>, spread over sources and the last half hour.</summary>
    public static string Batch(int from, int count, DateTimeOffset now, string author = "@patient")
    {
        var body = new StringBuilder();
        for (var n = from; n < from + count; n++)
        {
            var createdAt = now.AddSeconds(-(n % 1800)).ToString("O");
            var source = (n % 3) switch { 0 => "twitter", 1 => "facebook", _ => "forum" };
            body.Append($$"""{"source":"{{source}}","id":"m{{n}}","createdAt":"{{createdAt}}","author":{"handle":"{{author}}{{n % 50}}","followers":{{n % 1000}}},"text":"{{Texts[n % Texts.Length]}} #{{n}}"}""").Append('\n');
        }
        return body.ToString();
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string ndjson)
    {
        using var content = new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson");
        return await http.PostAsync("/api/mentions", content);
    }

    public static async Task<JsonElement> AcceptedAsync(HttpClient http, string ndjson)
    {
        using var response = await PostAsync(http, ndjson);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary><c>/api/stats</c>: the wall's total and the sum of the sources' totals.</summary>
    public static async Task<(long Ingested, long SourceTotal)> StatsAsync(HttpClient http)
    {
        var stats = await http.GetFromJsonAsync<JsonElement>("/api/stats");
        var sources = stats.GetProperty("sources").EnumerateArray().Sum(s => s.GetProperty("total").GetInt64());
        return (stats.GetProperty("ingested").GetInt64(), sources);
    }

    /// <summary>Polls until <paramref name="condition"/> holds, for at most <paramref name="within"/>; then fails with the last value.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        T last;
        while (true)
        {
            last = await read();
            if (condition(last)) return last;
            if (DateTime.UtcNow > deadline) Assert.Fail($"condition not met within {within.TotalSeconds:0} s; last value: {last}");
            await Task.Delay(100);
        }
    }
}
