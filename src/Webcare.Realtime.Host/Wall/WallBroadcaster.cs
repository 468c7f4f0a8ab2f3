using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Webcare.Realtime.Core.Wall;
using Webcare.Realtime.Grains;
using Webcare.Realtime.Grains.Contracts;
using Webcare.Realtime.Ingestion;

namespace Webcare.Realtime.Host.Wall;

public sealed class WallOptions
{
    /// <summary>Time between two frames to the walls: 250 ms is four frames a second, whatever the ingest rate.</summary>
    public TimeSpan FrameInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}

/// <summary>
/// This host's end of the live feed: it subscribes to the tenant's <see cref="IWallFeedGrain"/> as an
/// observer, coalesces the deltas, and pushes one frame per interval to the SignalR group. One per host,
/// so walls on every node of a cluster see every node's mentions.
/// </summary>
public sealed class WallBroadcaster(
    IGrainFactory grains,
    IHubContext<WallHub> hub,
    IOptions<WallOptions> options,
    TimeProvider clock,
    ILogger<WallBroadcaster> logger) : BackgroundService, IWallObserver
{
    private static readonly TimeSpan ResubscribeInterval = WallFeedGrain.SubscriptionExpiry / 4;
    private readonly WallFrameCoalescer _coalescer = new();
    private readonly Lock _gate = new();

    public Task OnDeltaAsync(WallDelta delta)
    {
        lock (_gate) _coalescer.Add(delta);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var feed = grains.GetGrain<IWallFeedGrain>(Tenants.Default);
        var self = grains.CreateObjectReference<IWallObserver>(this);
        var subscribedAt = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(options.Value.FrameInterval, clock);
        try
        {
            do
            {
                if (clock.GetUtcNow() - subscribedAt >= ResubscribeInterval)
                {
                    try
                    {
                        await feed.SubscribeAsync(self);
                        subscribedAt = clock.GetUtcNow();
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        logger.LogWarning(ex, "Could not subscribe to the wall feed; retrying");
                    }
                }
                WallFrame? frame;
                lock (_gate) frame = _coalescer.TakeFrame(clock.GetUtcNow());
                if (frame is not null)
                    await hub.Clients.Group(WallHub.GroupOf(Tenants.Default)).SendAsync("frame", frame, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            try
            {
                await feed.UnsubscribeAsync(self).WaitAsync(TimeSpan.FromSeconds(2));
            }
            catch (Exception ex)
            {
                logger.LogDebug(ex, "Unsubscribe at shutdown failed; the subscription expires by itself");
            }
        }
    }
}
