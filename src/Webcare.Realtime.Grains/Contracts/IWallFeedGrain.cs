using System.Collections.Immutable;
using Orleans.Concurrency;
using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Privacy;
using Webcare.Realtime.Core.Wall;

namespace Webcare.Realtime.Grains.Contracts;

/// <summary>
/// The live feed of one tenant's walls: it folds every batch's delta into the snapshot a wall starts
/// from, and fans each delta out to every host that has walls connected. Hosts own the SignalR
/// connections and the frame rate; this grain only orders and forwards.
/// </summary>
[Alias("webcare.wall-feed")]
public interface IWallFeedGrain : IGrainWithStringKey
{
    Task PublishAsync(WallDelta delta);

    Task<WallSnapshot> GetSnapshotAsync();

    /// <summary>
    /// Durable mode: starts again from what the mention log holds (after an erasure), as a new incarnation so
    /// that the hosts send their walls the rebuilt snapshot; nothing in memory mode.
    /// </summary>
    Task RebuildAsync();

    /// <summary>GDPR erasure: forget the author's mentions and words (see <see cref="AuthorErasure"/>), with the conversations rebuilt without them.</summary>
    Task EraseAsync(AuthorErasure erasure, ImmutableArray<ConversationSummary> rebuilt);

    /// <summary>
    /// Registers a host; it must call again within the expiry to stay registered. Returns the feed's
    /// incarnation: a new value means the feed restarted (its silo died) and missed deltas may exist, so
    /// the host sends its walls a fresh snapshot.
    /// </summary>
    Task<long> SubscribeAsync(IWallObserver observer);

    Task UnsubscribeAsync(IWallObserver observer);
}

/// <summary>Implemented by each host to receive its tenants' deltas.</summary>
[Alias("webcare.wall-observer")]
public interface IWallObserver : IGrainObserver
{
    [OneWay]
    Task OnDeltaAsync(WallDelta delta);
}
