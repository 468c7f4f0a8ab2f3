using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Detection;
using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Host.Tests;

/// <summary>
/// Alert kinds travel in kebab-case (the names issue #6 and the README use: an SLA breach is <c>sla-breach</c>)
/// in the HTTP API and on the hub, whose JSON protocol uses the same options.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class AlertKindWireTests(HostFixture fixture)
{
    public static readonly TheoryData<AlertKind, string> WireNames = new()
    {
        { AlertKind.VolumeSpike, "volume-spike" },
        { AlertKind.NegativeSpike, "negative-spike" },
        { AlertKind.SpreadingConversation, "spreading-conversation" },
        { AlertKind.SlaBreach, "sla-breach" },
        { AlertKind.SentimentShift, "sentiment-shift" },
    };

    [Theory]
    [MemberData(nameof(WireNames))]
    public void Every_kind_has_a_kebab_case_wire_name_that_reads_back(AlertKind kind, string wire)
    {
        var options = new JsonSerializerOptions();
        WebcareApp.ConfigureJson(options);
        Assert.Equal($"\"{wire}\"", JsonSerializer.Serialize(kind, options));
        Assert.Equal(kind, JsonSerializer.Deserialize<AlertKind>($"\"{wire}\"", options));
    }

    [Fact]
    public void The_test_covers_every_kind() =>
        Assert.Equal(Enum.GetValues<AlertKind>().Order(), WireNames.Select(row => (AlertKind)row[0]).Order());

    [Fact]
    public async Task An_sla_breach_is_sla_breach_in_the_api_and_in_the_hubs_raw_json()
    {
        var host = fixture.Host;
        var source = "wire" + Guid.NewGuid().ToString("N")[..6];
        var snapshots = new ConcurrentQueue<string>();
        await using var wall = host.CreateWallConnection();
        wall.On<JsonElement>("snapshot", s => snapshots.Enqueue(s.GetRawText()));
        await wall.StartAsync();

        var now = DateTimeOffset.UtcNow;
        await host.Services.GetRequiredService<IGrainFactory>().GetGrain<IAlertBookGrain>("default").RecordAsync(
            [new AlertSignal("source", source, AlertKind.SlaBreach, new AlertEvent(AlertEventKind.Raised, 1, now, now, 3, 2, 0, 1, 2, 1), [], [])]);

        using var http = host.CreateClient();
        var alert = JsonDocument.Parse(await http.GetStringAsync("api/alerts")).RootElement.EnumerateArray()
            .Single(a => a.GetProperty("subject").GetString() == source);
        Assert.Equal("sla-breach", alert.GetProperty("kind").GetString());
        Assert.Equal($"source:{source}:SlaBreach:1", alert.GetProperty("id").GetString()); // ids are opaque and keep the C# name

        await wall.InvokeAsync("RequestSnapshot");
        Assert.True(await WallFeedRecorder.WaitUntil(() => snapshots.Any(s => s.Contains(source)), TimeSpan.FromSeconds(10)), "no snapshot with the alert");
        var onHub = JsonDocument.Parse(snapshots.Last(s => s.Contains(source))).RootElement.GetProperty("alerts").EnumerateArray()
            .Single(a => a.GetProperty("subject").GetString() == source);
        Assert.Equal("sla-breach", onHub.GetProperty("kind").GetString());
    }
}
