using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Grains.Serialization;
using Webcare.Realtime.Grains.Webcare;

namespace Webcare.Realtime.Grains.Tests;

/// <summary>A real two-silo Orleans cluster in this process, shared by the grain tests.</summary>
public class ClusterFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 30, TimeSpan.Zero);

    public ClusterFixture() : this(Start)
    {
    }

    /// <summary>A cluster whose clock starts elsewhere (and may be moved anywhere by its own tests).</summary>
    protected ClusterFixture(DateTimeOffset start) => Clock = new ManualClock(start);

    public ManualClock Clock { get; }

    /// <summary>Tenants whose own accounts are configured: "webcare-…" tenants answer as @ZiekenhuisX on X and Facebook.</summary>
    public static readonly string[] WebcareTenants = [.. Enumerable.Range(0, 10).Select(i => $"webcare-{i}")];
    public static readonly string[] OwnAccounts = ["twitter:@ZiekenhuisX", "facebook:ZiekenhuisX"];
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public IGrainFactory Grains => Cluster.Client;

    public static readonly TopicDefinition[] SeedTopics =
    [
        new("wachttijd", "wacht*, \"lang wachten\", wachtlijst"),
        new("parkeren", "parkeren OR parkeergarage OR parkeerplaats"),
    ];

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GrainStorage.Name);
            silo.UseSystemTextJsonGrainStorageSerializer(); // as the host: grain state must round-trip as plain JSON
            silo.AddIncomingGrainCallFilter<GrainCallCounter>();
            silo.AddIncomingGrainCallFilter<FaultInjection>();
            silo.Services.AddSerializer(s => s.AddWebcareCoreTypes());
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.Services.Configure<DedupOptions>(o => o.Partitions = 4);
            silo.Services.Configure<TopicOptions>(o => o.Topics = [.. SeedTopics]);
            silo.Services.Configure<WebcareOptions>(o =>
            {
                foreach (var tenant in WebcareTenants) o.OwnAccounts[tenant] = [.. OwnAccounts];
            });
            silo.Services.AddSingleton<WebcareSettings>();
        });
        builder.ConfigureClient(client => client.Services.AddSerializer(s => s.AddWebcareCoreTypes()));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
