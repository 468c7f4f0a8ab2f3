using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Wall;

namespace Webcare.Realtime.Host.Tests;

/// <summary>
/// The explanation travels with the alert: a spike of "schandalig, mijn gegevens gelekt!" after an hour of
/// "gewone vraag over de poli" reaches a real SignalR client, and GET /api/alerts, with those words as
/// its top terms (not the topic's own query word, not stop words) and its most-shared mention.
/// </summary>
public sealed class AlertExplanationTests
{
    [Fact]
    public async Task The_alert_at_the_client_carries_the_words_of_the_incident()
    {
        await using var host = new TestHost(SpikeScenario.Topics(1), withTopics: false);
        await host.StartAsync();
        using var http = host.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await SpikeScenario.PostHistoryAsync(http, 1)).StatusCode);

        var (wall, _) = await host.ConnectWallAsync();
        await using var __ = wall;
        var arrived = new ConcurrentQueue<Alert>();
        wall.On<WallFrame>("frame", frame =>
        {
            foreach (var alert in frame.Alerts) arrived.Enqueue(alert);
        });

        Assert.Equal(HttpStatusCode.Accepted, (await SpikeScenario.PostSpikeAsync(http, 0)).StatusCode);
        Assert.True(await WallFeedRecorder.WaitUntil(() => arrived.Any(a => a.Subject == "spike0" && a.Kind == AlertKind.VolumeSpike), TimeSpan.FromSeconds(10)),
            "no alert for spike0");

        var atClient = arrived.First(a => a.Subject == "spike0" && a.Kind == AlertKind.VolumeSpike);
        var terms = atClient.TopTerms.Select(t => t.Term).ToArray();
        Assert.Equal(["gegevens", "gelekt", "schandalig"], terms.Order(StringComparer.Ordinal));
        Assert.All(atClient.TopTerms, t => Assert.True(t.Count >= 2 * t.Expected, $"{t}"));
        Assert.NotEmpty(atClient.MostShared);
        Assert.Contains("gelekt", atClient.MostShared[0].Text);

        var alerts = JsonDocument.Parse(await http.GetStringAsync("api/alerts")).RootElement;
        var json = alerts.EnumerateArray().First(a => a.GetProperty("subject").GetString() == "spike0" && a.GetProperty("kind").GetString() == "volume-spike");
        Assert.Contains("gelekt", json.GetProperty("topTerms").EnumerateArray().Select(t => t.GetProperty("term").GetString()));
        Assert.Equal(JsonValueKind.Array, json.GetProperty("mostShared").ValueKind);
        Assert.Equal(JsonValueKind.Number, json.GetProperty("mostShared")[0].GetProperty("shares").ValueKind);
    }
}
