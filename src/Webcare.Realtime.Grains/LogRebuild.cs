using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Persistence;
using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Grains;

/// <summary>After mentions left the log (retention, erasure): the aggregates they fed are rebuilt from it, then each tenant's wall feed.</summary>
public static class LogRebuild
{
    public static async Task RebuildAsync(IGrainFactory grains, IReadOnlyList<FedAggregate> fed)
    {
        await Task.WhenAll(fed.Select(f => f.Scope == ActivityScope.Source
            ? grains.GetGrain<ISourceGrain>(TenantKey.Of(f.Tenant, f.Name)).RebuildAsync()
            : grains.GetGrain<ITopicGrain>(TenantKey.Of(f.Tenant, f.Name)).RebuildAsync()));
        await Task.WhenAll(fed.Select(f => f.Tenant).Distinct().Select(t => grains.GetGrain<IWallFeedGrain>(t).RebuildAsync()));
    }
}
