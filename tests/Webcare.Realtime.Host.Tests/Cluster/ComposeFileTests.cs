using System.Text.RegularExpressions;
using Webcare.Realtime.Testing;

namespace Webcare.Realtime.Host.Tests.Cluster;

/// <summary>
/// docker-compose.yml cannot run here (no Docker engine), so it is checked against what the hosts need and
/// against the topology the cluster tests run: the settings a node reads, one silo address per node, the
/// front end pointing at the hosts, and connection pools that fit PostgreSQL's 100 connections.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly string Root = RepositoryRoot.Path;
    private static readonly string Compose = File.ReadAllText(Path.Combine(Root, "docker-compose.yml"));

    [Fact]
    public void Every_host_node_joins_the_postgres_cluster_on_its_own_advertised_address()
    {
        var nodes = NodeNames().ToList();
        Assert.Equal(["webcare-1", "webcare-2"], nodes);
        foreach (var node in nodes)
        {
            var block = ServiceBlock(node);
            var advertised = Regex.Match(block, @"Orleans__Address:\s*(\S+)").Groups[1].Value;
            var networkAddress = Regex.Match(block, @"ipv4_address:\s*(\S+)").Groups[1].Value;
            Assert.False(string.IsNullOrEmpty(advertised), $"{node} has no Orleans__Address");
            Assert.Equal(networkAddress, advertised);
        }
        // The settings every node shares (the anchor), with the keys SiloSetup and DurableStorage read.
        foreach (var key in new[] { "ConnectionStrings__Postgres", "Orleans__ClusterId", "Orleans__SiloPort", "Orleans__GatewayPort", "Auth__Keys__0__Key" })
            Assert.Contains(key + ":", Compose);
        Assert.Matches(@"depends_on:\s*\n\s*postgres:\s*\n\s*condition: service_healthy", Compose); // hosts wait for the database
        Assert.Contains("pgdata:/var/lib/postgresql/data", Compose);
    }

    [Fact]
    public void The_database_runs_with_the_settings_the_durable_benchmark_measured()
    {
        var postgres = ServiceBlock("postgres");
        Assert.Contains("./deploy/postgresql.conf:/etc/postgresql/postgresql.conf:ro", postgres);
        Assert.Contains("\"config_file=/etc/postgresql/postgresql.conf\"", postgres);
        foreach (var (name, value) in PostgresTuning.Environment)
            Assert.Matches($"\\n\\s+{name}:\\s*\"?{value}\"?\\n", postgres);
        var settings = PostgresTuning.Settings();
        Assert.Contains("shared_buffers=1GB", settings);
        // Durability is never tuned away: the ingest acknowledges only what is committed.
        Assert.DoesNotContain(settings, s => s.StartsWith("fsync=", StringComparison.Ordinal) || s.StartsWith("synchronous_commit=", StringComparison.Ordinal));
        Assert.Matches(@"(?m)^listen_addresses = '\*'", File.ReadAllText(Path.Combine(Root, "deploy", "postgresql.conf")));
    }

    [Fact]
    public void The_front_end_balances_over_exactly_the_host_nodes_on_their_http_port()
    {
        var nginx = File.ReadAllText(Path.Combine(Root, "deploy", "nginx.conf"));
        var upstream = UpstreamServer().Matches(nginx).Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value))).ToList();
        var port = int.Parse(Regex.Match(Compose, @"urls:\s*http://0\.0\.0\.0:(\d+)").Groups[1].Value);
        Assert.Equal(NodeNames().Select(n => (n, port)), upstream);
    }

    [Fact]
    public void The_connection_pools_of_all_nodes_fit_in_postgres_max_connections()
    {
        var storagePool = int.Parse(Regex.Match(Compose, @"Maximum Pool Size=(\d+)").Groups[1].Value);
        var orleansPool = int.Parse(Regex.Match(Compose, @"Orleans__MaxPoolSize:\s*""?(\d+)").Groups[1].Value);
        var total = NodeNames().Count() * (storagePool + orleansPool);
        Assert.True(total <= 80, $"{total} connections for the nodes leave too little of PostgreSQL's 100 for operators and a third node");
    }

    private static IEnumerable<string> NodeNames() =>
        Regex.Matches(Compose, @"^  (webcare-\d+):", RegexOptions.Multiline).Select(m => m.Groups[1].Value);

    private static string ServiceBlock(string service)
    {
        var match = Regex.Match(Compose, $@"^  {Regex.Escape(service)}:\n((?:    .*\n|\n)*)", RegexOptions.Multiline);
        Assert.True(match.Success, $"no service {service} in docker-compose.yml");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"^\s*server\s+([\w-]+):(\d+)", RegexOptions.Multiline)]
    private static partial Regex UpstreamServer();
}
