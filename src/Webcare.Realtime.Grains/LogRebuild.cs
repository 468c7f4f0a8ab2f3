using System.Collections.Immutable;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Persistence;
using Webcare.Realtime.Core.Privacy;
using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Grains;

/// <summary>After mentions left the log (retention, erasure): the aggregates they fed are rebuilt from it, then each tenant's wall feed.</summary>
public static class LogRebuild
{
    public static async Task RebuildAsync(IGrainFactory grains, IReadOnlyList<FedAggregate> fed)
    {
        await Task.WhenAll(fed.Select(f => Activity(grains, f).RebuildAsync()));
        await Task.WhenAll(fed.Select(f => f.Tenant).Distinct().Select(t => grains.GetGrain<IWallFeedGrain>(t).RebuildAsync()));
    }

    /// <summary>
    /// GDPR erasure of one author of one tenant, in everything that holds what they wrote: the router shards'
    /// waiting first mentions, the conversations they were in (rebuilt from the log), the source and topic
    /// windows and alert evidence, the alert book, the webcare queue, and last the wall feed, which then
    /// sends every wall a fresh snapshot.
    /// </summary>
    public static async Task EraseAsync(IGrainFactory grains, string tenant, Deletion deletion, ConversationOptions conversations)
    {
        var erasure = deletion.Erasure ?? throw new ArgumentException("not an erasure", nameof(deletion));
        await Task.WhenAll(Enumerable.Range(0, conversations.Shards)
            .Select(shard => grains.GetGrain<IConversationShardGrain>(TenantKey.Of(tenant, shard.ToString())).EraseAsync(erasure)));
        var rebuilt = await Task.WhenAll(erasure.ConversationKeys
            .Select(key => grains.GetGrain<IConversationGrain>(TenantKey.Of(tenant, key)).RebuildAsync()));
        await Task.WhenAll(deletion.Fed.Select(f => Activity(grains, f).EraseAsync(erasure)));
        await grains.GetGrain<IAlertBookGrain>(tenant).EraseAsync(erasure);
        await grains.GetGrain<IWebcareQueueGrain>(tenant).EraseAsync(erasure);
        await grains.GetGrain<IWallFeedGrain>(tenant).EraseAsync(erasure, [.. rebuilt.OfType<Core.Aggregation.ConversationSummary>()]);
    }

    private static IActivityGrain Activity(IGrainFactory grains, FedAggregate f) => f.Scope == ActivityScope.Source
        ? grains.GetGrain<ISourceGrain>(TenantKey.Of(f.Tenant, f.Name))
        : grains.GetGrain<ITopicGrain>(TenantKey.Of(f.Tenant, f.Name));
}
