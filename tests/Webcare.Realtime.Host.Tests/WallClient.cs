using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Webcare.Realtime.Host.Tests;

/// <summary>The .NET SignalR client set up as the wall page sets up its own: JSON, camelCase, enums as strings.</summary>
public static class WallClient
{
    /// <summary>Retries for a minute: long enough for a host to be restarted under it.</summary>
    private static readonly TimeSpan[] ReconnectDelays =
        [TimeSpan.Zero, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), .. Enumerable.Repeat(TimeSpan.FromSeconds(1), 60)];

    public static HubConnection Create(Uri baseAddress, bool reconnect = false, string? key = null)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "hubs/wall"), o => { if (key is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(key); })
            .AddJsonProtocol(o => WebcareApp.ConfigureJson(o.PayloadSerializerOptions));
        if (reconnect) builder.WithAutomaticReconnect(ReconnectDelays);
        return builder.Build();
    }

    /// <summary>Connects a wall client that records what it receives, and waits for its first snapshot.</summary>
    public static async Task<(HubConnection Wall, WallFeedRecorder Recorder)> ConnectAsync(Uri baseAddress, bool reconnect = false, string? key = null)
    {
        var wall = Create(baseAddress, reconnect, key);
        var recorder = new WallFeedRecorder(wall);
        await wall.StartAsync();
        if (!await WallFeedRecorder.WaitUntil(() => !recorder.Snapshots.IsEmpty, TimeSpan.FromSeconds(10)))
            throw new TimeoutException("the wall received no snapshot on connect");
        return (wall, recorder);
    }
}
