using Orleans.Dashboard;
using OpenTelemetry.Metrics;
using Webcare.Realtime.Host.Security;
using Webcare.Realtime.Ingestion;

namespace Webcare.Realtime.Host.Operations;

/// <summary>Section <c>Operations</c>: the engineers' views, not the TV's.</summary>
public sealed class OperationsOptions
{
    /// <summary>
    /// The Orleans dashboard at <c>/dashboard</c>. Off by default: it intercepts every grain call to count
    /// it, which costs ingest throughput (BENCHMARKS.md, "Operations").
    /// </summary>
    public bool Dashboard { get; set; }
}

/// <summary>
/// Prometheus metrics at <c>/metrics</c> (OpenTelemetry, the service's own meter plus Orleans') and,
/// when configured, the Orleans dashboard at <c>/dashboard</c>; both need a key with the admin scope.
/// </summary>
public static class OperationsRegistration
{
    /// <summary>Orleans' own meter: grain activations per type, messaging, catalog.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    public static OperationsOptions Read(IConfiguration configuration) =>
        configuration.GetSection("Operations").Get<OperationsOptions>() ?? new OperationsOptions();

    public static void ConfigureSilo(ISiloBuilder silo, OperationsOptions options)
    {
        if (options.Dashboard) silo.AddDashboard();
    }

    public static void AddWebcareOperations(this IServiceCollection services) =>
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(WebcareMetrics.MeterName, OrleansMeter)
            .AddPrometheusExporter());

    public static void MapWebcareOperations(this WebApplication app, OperationsOptions options)
    {
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(Scopes.Admin).RequireRateLimiting(RateLimits.PerKey);
        if (options.Dashboard) app.MapOrleansDashboard(routePrefix: "/dashboard").RequireAuthorization(Scopes.Admin).RequireRateLimiting(RateLimits.PerKey);
    }
}
