using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Persistence;
using Webcare.Realtime.Core.Privacy;
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

    private WallFeedState _state = new();
    private readonly ObserverManager<IWallObserver> _observers;
    private readonly TimeProvider _clock;
    private long _incarnation;
    private readonly IMentionHistory? _history;
    // Durable mode: the log transactions the rebuild counted; a delta of one of them adds no accepted count.
    private MentionLogSnapshot? _rebuiltFrom;
    private long _sequence;

    public WallFeedGrain(TimeProvider clock, ILogger<WallFeedGrain> logger, IMentionHistory? history = null)
    {
        _clock = clock;
        _history = history;
        _observers = new ObserverManager<IWallObserver>(SubscriptionExpiry, logger);
        // Sequences go on rising across activations (hosts keep the newest totals by sequence), and the
        // first one names this activation.
        _incarnation = _sequence = clock.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await RebuildAsync();
        await base.OnActivateAsync(cancellationToken);
    }

    /// <summary>
    /// Durable mode: the totals and the source and topic aggregates from the mention log (the source and
    /// topic grains rebuild themselves from it), so a restarted service shows what is stored.
    /// </summary>
    public async Task RebuildAsync()
    {
        if (_history is null) return;
        var tenant = this.GetPrimaryKeyString();
        var stored = await _history.ReadTenantAsync(tenant);
        var sources = await Task.WhenAll(stored.Sources.Select(s => GrainFactory.GetGrain<ISourceGrain>(TenantKey.Of(tenant, s)).GetSummaryAsync()));
        var topics = await Task.WhenAll(stored.Topics.Select(t => GrainFactory.GetGrain<ITopicGrain>(TenantKey.Of(tenant, t)).GetSummaryAsync()));
        _state.Rebase(sources, topics, new IngestTotals(stored.Stored, 0, 0));
        _rebuiltFrom = stored.Snapshot;
        _incarnation = ++_sequence; // walls showing the state before the rebuild (erased mentions) get the new snapshot
    }

    public Task EraseAsync(AuthorErasure erasure, ImmutableArray<ConversationSummary> rebuilt)
    {
        _state.Erase(erasure, rebuilt);
        return RebuildAsync();
    }

    public Task PublishAsync(WallDelta delta)
    {
        if (_rebuiltFrom is { } rebuilt && delta.LogTransaction is { } transaction && rebuilt.Saw(transaction))
            delta = delta with { Counts = delta.Counts with { Accepted = 0 } };
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
