using System.Text;
using System.Text.Json;

namespace Webcare.Realtime.Host.Tests;

/// <summary>
/// Topics "spike0".."spikeN" with an hour of ordinary history (posted with past timestamps, so each
/// detector has a baseline), and the batch that tips one of them into an incident.
/// </summary>
public static class SpikeScenario
{
    public static Dictionary<string, string?> Topics(int count, Dictionary<string, string?>? more = null)
    {
        var settings = more ?? [];
        for (var i = 0; i < count; i++)
        {
            settings[$"Topics:{i}:Name"] = $"spike{i}";
            settings[$"Topics:{i}:Query"] = $"spikewoord{i}";
        }
        return settings;
    }

    public static Task<HttpResponseMessage> PostHistoryAsync(HttpClient http, int topics)
    {
        var now = DateTimeOffset.UtcNow;
        var history = new StringBuilder();
        for (var i = 0; i < topics; i++)
            for (var m = 60; m >= 1; m--)
                for (var k = 0; k < 2 + m % 3; k++)
                    history.AppendLine(Line($"h{i}-{m}-{k}", now.AddMinutes(-m).AddSeconds(k), $"spikewoord{i}: gewone vraag over de poli"));
        return Post(http, history.ToString());
    }

    public static Task<HttpResponseMessage> PostSpikeAsync(HttpClient http, int topic, int mentions = 40)
    {
        var spike = new StringBuilder();
        for (var k = 0; k < mentions; k++)
            spike.AppendLine(Line($"s{topic}-{k}", DateTimeOffset.UtcNow, $"spikewoord{topic}: schandalig, mijn gegevens gelekt!"));
        return Post(http, spike.ToString());
    }

    private static string Line(string id, DateTimeOffset at, string text) =>
        JsonSerializer.Serialize(new { source = "twitter", id, createdAt = at, text });

    private static Task<HttpResponseMessage> Post(HttpClient http, string ndjson) =>
        http.PostAsync("api/mentions", new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"));
}
