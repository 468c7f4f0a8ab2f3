using System.Net;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Webcare.Realtime.Grains;

namespace Webcare.Realtime.Host.Cluster;

/// <summary>
/// The embedded silo's place in a cluster. Without <c>ConnectionStrings:Postgres</c>: a single silo with
/// in-memory state (the first run needs nothing installed). With it: membership, grain state and reminders
/// in PostgreSQL, so several hosts form one cluster and state survives a crash.
/// </summary>
public static class SiloSetup
{
    public const string ServiceId = "webcare";

    /// <summary>Connections the three Orleans providers of one node share (one Npgsql pool, same connection string).</summary>
    public const int DefaultOrleansPoolSize = 10;

    public static void Configure(ISiloBuilder silo, IConfiguration config)
    {
        var orleans = config.GetSection("Orleans");
        var address = IPAddress.Parse(orleans["Address"] ?? IPAddress.Loopback.ToString());
        var siloPort = orleans.GetValue("SiloPort", EndpointOptions.DEFAULT_SILO_PORT);
        var gatewayPort = orleans.GetValue("GatewayPort", EndpointOptions.DEFAULT_GATEWAY_PORT);
        var clusterId = orleans["ClusterId"] ?? "webcare-local";
        var postgres = config.GetConnectionString("Postgres");

        if (string.IsNullOrWhiteSpace(postgres))
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: ServiceId, clusterId: clusterId);
            silo.Services.AddGrainStorage(GrainStorage.Name, (services, _) => new ProcessMemoryGrainStorage(
                services.GetRequiredService<IGrainStorageSerializer>(), services.GetRequiredService<IActivatorProvider>()));
            silo.Services.AddSingleton(new GrainStorageLifetime(OutlivesProcess: false));
            silo.UseInMemoryReminderService();
        }
        else
        {
            var connection = OrleansConnectionString(postgres, orleans.GetValue("MaxPoolSize", DefaultOrleansPoolSize));
            silo.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (ServiceId, clusterId));
            silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", connection));
            silo.AddAdoNetGrainStorage(GrainStorage.Name, o => (o.Invariant, o.ConnectionString) = ("Npgsql", connection));
            silo.UseAdoNetReminderService(o => (o.Invariant, o.ConnectionString) = ("Npgsql", connection));
            silo.Configure<ClusterMembershipOptions>(o => ControlRoomTimeouts(o, orleans));
        }
        // The silo binds and advertises exactly this address: loopback unless configured (a container's own
        // address in docker-compose). Without it the silo advertises the machine's other addresses.
        silo.ConfigureEndpoints(address, siloPort, gatewayPort, listenOnAnyHostAddress: false);
        // Grain state as plain System.Text.Json documents, readable in SQL and safe across type renames.
        silo.UseSystemTextJsonGrainStorageSerializer();
    }

    /// <summary>
    /// Orleans' defaults take about a minute to declare a crashed silo dead; a control room cannot wait
    /// that long for its wall. Probes every 2 s, dead after 3 missed (≈ 6–10 s); see README, Cluster.
    /// </summary>
    private static void ControlRoomTimeouts(ClusterMembershipOptions o, IConfigurationSection orleans)
    {
        o.ProbeTimeout = orleans.GetValue("ProbeTimeout", TimeSpan.FromSeconds(2));
        o.NumMissedProbesLimit = orleans.GetValue("MissedProbesLimit", 3);
        o.TableRefreshTimeout = orleans.GetValue("TableRefreshTimeout", TimeSpan.FromSeconds(10));
        o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(30);
        o.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
    }

    private static string OrleansConnectionString(string postgres, int maxPoolSize)
    {
        var builder = new NpgsqlConnectionStringBuilder(postgres) { ApplicationName = "webcare-orleans", MaxPoolSize = maxPoolSize };
        return builder.ConnectionString;
    }
}
