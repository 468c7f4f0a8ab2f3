using System.Collections.Concurrent;
using Webcare.Realtime.Core.Wall;
using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class WallFeedGrainTests(ClusterFixture fixture)
{
    private sealed class RecordingObserver : IWallObserver
    {
        public readonly ConcurrentQueue<WallDelta> Deltas = new();

        public Task OnDeltaAsync(WallDelta delta)
        {
            Deltas.Enqueue(delta);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Subscribed_hosts_receive_every_delta_stamped_with_running_totals()
    {
        var feed = fixture.Grains.GetGrain<IWallFeedGrain>("t-" + Guid.NewGuid());
        var observer = new RecordingObserver();
        var reference = fixture.Grains.CreateObjectReference<IWallObserver>(observer);
        var incarnation = await feed.SubscribeAsync(reference);
        Assert.Equal(incarnation, await feed.SubscribeAsync(reference)); // renewing does not change it

        await feed.PublishAsync(new WallDelta([], 0, [], [], [], new IngestTotals(5, 1, 0)));
        await feed.PublishAsync(new WallDelta([], 3, [], [], [], new IngestTotals(2, 0, 4)));

        for (var i = 0; i < 100 && observer.Deltas.Count < 2; i++) await Task.Delay(50);
        Assert.Equal(2, observer.Deltas.Count);
        // One-way observer calls may arrive in any order; the sequence says which is newest. It starts past
        // the incarnation (the activation time in µs), so a restarted feed's deltas are the newest.
        Assert.Equal([incarnation + 1, incarnation + 2], observer.Deltas.Select(d => d.Sequence).Order());
        Assert.Equal(new IngestTotals(7, 1, 4), observer.Deltas.MaxBy(d => d.Sequence)!.Totals);
        Assert.Equal(new IngestTotals(7, 1, 4), (await feed.GetSnapshotAsync()).Totals);

        await feed.UnsubscribeAsync(reference);
        await feed.PublishAsync(new WallDelta([], 0, [], [], [], new IngestTotals(1, 0, 0)));
        await Task.Delay(200);
        Assert.Equal(2, observer.Deltas.Count);
        fixture.Grains.DeleteObjectReference<IWallObserver>(reference);
    }
}
