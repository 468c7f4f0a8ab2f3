using Webcare.Realtime.Core.Model;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Host.Health;

/// <summary>Ready when a grain answers within two seconds: the silo is up and the cluster reachable.</summary>
public sealed class SiloHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await grains.GetGrain<ITopicCatalogGrain>(TenantKey.DefaultTenant).GetAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("the Orleans cluster does not answer", ex);
        }
    }
}
