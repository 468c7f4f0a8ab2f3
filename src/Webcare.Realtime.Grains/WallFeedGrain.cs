using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using Webcare.Realtime.Core.Wall;
using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Grains;

[KeepAlive]
public sealed class WallFeedGrain : Grain, IWallFeedGrain
{
    /// <summary>
    /// How often each host renews its subscription. Short on purpose: when the silo holding this grain
    /// dies, the grain comes back empty on another silo, and the hosts' walls get frames again at their
    /// next renewal, so this bounds the gap a node crash leaves on the walls of the surviving nodes.
    /// </summary>
    public static readonly TimeSpan RenewInterval = TimeSpan.FromSeconds(2);

    /// <summary>A host that has not renewed its subscription for this long is dropped (it probably died).</summary>
    public static readonly TimeSpan SubscriptionExpiry = TimeSpan.FromSeconds(30);

    private readonly WallFeedState _state = new();
    private readonly ObserverManager<IWallObserver> _observers;
    private readonly TimeProvider _clock;
    private readonly long _incarnation;
    private long _sequence;

    public WallFeedGrain(TimeProvider clock, ILogger<WallFeedGrain> logger)
    {
        _clock = clock;
        _observers = new ObserverManager<IWallObserver>(SubscriptionExpiry, logger);
        // Sequences go on rising across activations (hosts keep the newest totals by sequence), and the
        // first one names this activation.
        _incarnation = _sequence = clock.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
    }

    public Task PublishAsync(WallDelta delta)
    {
        var stamped = delta with { Totals = _state.Apply(delta), Sequence = ++_sequence };
        _observers.Notify(observer => observer.OnDeltaAsync(stamped));
        return Task.CompletedTask;
    }

    public Task<WallSnapshot> GetSnapshotAsync() => Task.FromResult(_state.Snapshot(_clock.GetUtcNow()));

    public Task<long> SubscribeAsync(IWallObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.FromResult(_incarnation);
    }

    public Task UnsubscribeAsync(IWallObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }
}
