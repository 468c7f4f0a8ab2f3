using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Webcare.Realtime.Core.Wall;

namespace Webcare.Realtime.Host.Tests;

/// <summary>Collects what a real SignalR client receives on the wall hub.</summary>
public sealed class WallFeedRecorder
{
    public readonly ConcurrentQueue<WallSnapshot> Snapshots = new();
    public readonly ConcurrentQueue<WallFrame> Frames = new();

    public WallFeedRecorder(HubConnection connection)
    {
        connection.On<WallSnapshot>("snapshot", s => Snapshots.Enqueue(s));
        connection.On<WallFrame>("frame", f => Frames.Enqueue(f));
    }

    public bool FramesContain(string source, string id) =>
        Frames.Any(f => f.Mentions.Any(m => m.Source == source && m.Id == id));

    /// <summary>On the wall by either path: a frame, or a snapshot (which replaces the wall's state).</summary>
    public bool Shows(string source, string id) =>
        FramesContain(source, id) || Snapshots.Any(s => s.Mentions.Any(m => m.Source == source && m.Id == id));

    /// <summary>Polls until the condition holds or the time is up; bounded, never hangs a test run.</summary>
    public static async Task<bool> WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (condition()) return true;
            await Task.Delay(25);
        }
        return condition();
    }
}
