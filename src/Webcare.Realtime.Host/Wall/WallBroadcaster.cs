using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Webcare.Realtime.Core.Wall;
using Webcare.Realtime.Grains;
using Webcare.Realtime.Grains.Contracts;
using Webcare.Realtime.Host.Security;
using Webcare.Realtime.Ingestion;

namespace Webcare.Realtime.Host.Wall;

public sealed class WallOptions
{
    /// <summary>Time between two frames to the walls: 250 ms is four frames a second, whatever the ingest rate.</summary>
    public TimeSpan FrameInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Saved wall profiles by name (<c>Wall:Profiles:&lt;name&gt;</c>); see <see cref="WallProfiles"/>.</summary>
    public Dictionary<string, WallProfileOptions> Profiles { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// This host's end of the live feed: for every tenant it subscribes to the tenant's
/// <see cref="IWallFeedGrain"/> as an observer, coalesces the deltas, and pushes one frame per interval to
/// that tenant's SignalR group. One per host, so walls on every node of a cluster see every node's mentions.
/// </summary>
public sealed class WallBroadcaster(
    IGrainFactory grains,
    IHubContext<WallHub> hub,
    ApiKeyStore keys,
    IOptions<WallOptions> options,
    TimeProvider clock,
    ILogger<WallBroadcaster> logger) : BackgroundService
{

    /// <summary>One tenant's observer; held here for the host's lifetime (Orleans keeps observers weakly).</summary>
    private sealed class TenantFeed(string tenant) : IWallObserver
    {
        private readonly WallFrameCoalescer _coalescer = new();
        private readonly Lock _gate = new();

        public string Tenant => tenant;
        public IWallObserver? Reference { get; set; }

        /// <summary>The feed activation this host is subscribed to; 0 before the first subscription.</summary>
        public long Incarnation { get; set; }

        public Task OnDeltaAsync(WallDelta delta)
        {
            lock (_gate) _coalescer.Add(delta);
            return Task.CompletedTask;
        }

        public WallFrame? TakeFrame(DateTimeOffset now)
        {
            lock (_gate) return _coalescer.TakeFrame(now);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var feeds = keys.Tenants.Select(tenant => new TenantFeed(tenant)).ToList();
        foreach (var feed in feeds) feed.Reference = grains.CreateObjectReference<IWallObserver>(feed);
        var renewedAt = DateTimeOffset.MinValue;
        var renewal = Task.CompletedTask;
        using var timer = new PeriodicTimer(options.Value.FrameInterval, clock);
        try
        {
            do
            {
                // Renewal runs beside the frames: a call to a silo that just died may hang until the cluster
                // declares it dead, and the walls must keep getting the frames already coalesced meanwhile.
                if (renewal.IsCompleted && clock.GetUtcNow() - renewedAt >= WallFeedGrain.RenewInterval)
                {
                    renewedAt = clock.GetUtcNow();
                    renewal = SubscribeAllAsync(feeds);
                }
                foreach (var feed in feeds)
                    if (feed.TakeFrame(clock.GetUtcNow()) is { } frame)
                    {
                        await hub.Clients.Group(WallHub.GroupOf(feed.Tenant)).SendAsync("frame", frame, stoppingToken);
                        RecordPush(frame);
                    }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var feed in feeds) await UnsubscribeAsync(feed);
        }
    }

    private void RecordPush(WallFrame frame)
    {
        WebcareMetrics.WallFrames.Add(1);
        if (frame.Mentions.IsDefaultOrEmpty) return;
        var oldest = frame.Mentions[0].ReceivedAt;
        foreach (var m in frame.Mentions) if (m.ReceivedAt < oldest) oldest = m.ReceivedAt;
        WebcareMetrics.WallPushLag.Record(Math.Max(0, (clock.GetUtcNow() - oldest).TotalSeconds));
    }

    private Task SubscribeAllAsync(List<TenantFeed> feeds) => Task.WhenAll(feeds.Select(RenewAsync));

    private async Task RenewAsync(TenantFeed feed)
    {
        try
        {
            var grain = grains.GetGrain<IWallFeedGrain>(feed.Tenant);
            var incarnation = await grain.SubscribeAsync(feed.Reference!);
            if (feed.Incarnation != 0 && incarnation != feed.Incarnation)
            {
                // The feed moved (its silo died): deltas sent before this renewal reached no host, so the
                // walls start again from the new feed's snapshot (which holds them).
                logger.LogWarning("The wall feed of tenant {Tenant} restarted; sending its walls a fresh snapshot", feed.Tenant);
                var snapshot = await grain.GetSnapshotAsync();
                await hub.Clients.Group(WallHub.GroupOf(feed.Tenant)).SendAsync("snapshot", snapshot);
            }
            feed.Incarnation = incarnation;
        }
        catch (Exception ex)
        {
            logger.LogWarning("Could not renew the wall feed subscription of tenant {Tenant} ({Message}); retrying in {Interval}",
                feed.Tenant, ex.Message, WallFeedGrain.RenewInterval);
        }
    }

    private async Task UnsubscribeAsync(TenantFeed feed)
    {
        try
        {
            await grains.GetGrain<IWallFeedGrain>(feed.Tenant).UnsubscribeAsync(feed.Reference!).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Unsubscribe at shutdown failed; the subscription expires by itself");
        }
    }
}
