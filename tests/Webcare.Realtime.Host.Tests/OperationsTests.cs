using System.Globalization;
using System.Net;

namespace Webcare.Realtime.Host.Tests;

/// <summary>The engineers' views: Prometheus metrics at /metrics and the Orleans dashboard, both for admin keys only.</summary>
public sealed class OperationsTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const string Admin = "operations-admin-key-000001";
    private const string Everything = "operations-all-but-admin-02";

    private readonly TestHost _host = new(new Dictionary<string, string?>
    {
        ["Auth:Keys:0:Key"] = Admin, ["Auth:Keys:0:Tenant"] = "default", ["Auth:Keys:0:Scopes:0"] = "admin",
        ["Auth:Keys:1:Key"] = Everything, ["Auth:Keys:1:Tenant"] = "default",
        ["Auth:Keys:1:Scopes:0"] = "ingest", ["Auth:Keys:1:Scopes:1"] = "read", ["Auth:Keys:1:Scopes:2"] = "wall",
        ["Operations:Dashboard"] = "true",
    });

    public Task InitializeAsync() => _host.StartAsync();

    public Task DisposeAsync() => _host.StopAsync();

    [Fact]
    public async Task Metrics_name_ingest_enrichment_grains_connections_and_push_lag_after_an_ingest()
    {
        var (wall, recorder) = await _host.ConnectWallAsync(key: Everything);
        await using var _ = wall;
        using var ingest = _host.CreateClient(Everything);
        await Browser.LiveWallTests.PostAsync(ingest,
            Browser.LiveWallTests.Mention("op1", "Lang wachten op de SEH"), Browser.LiveWallTests.Mention("op2", "Parkeren is duur"));
        Assert.True(await WallFeedRecorder.WaitUntil(() => recorder.FramesContain("twitter", "op2"), TimeSpan.FromSeconds(10)));

        using var admin = _host.CreateClient(Admin);
        string metrics = "";
        // The exporter caches a scrape for a moment: poll until the push after the ingest is in.
        Assert.True(await WallFeedRecorder.WaitUntil(() =>
        {
            metrics = admin.GetStringAsync("metrics").GetAwaiter().GetResult();
            return Value(metrics, "webcare_wall_push_lag_seconds_count") > 0;
        }, TimeSpan.FromSeconds(10)), "no push lag recorded");
        output.WriteLine(string.Join('\n', metrics.Split('\n').Where(l => l.StartsWith("webcare_") || l.StartsWith("orleans_catalog") || l.StartsWith("orleans_grain"))));

        Assert.True(Value(metrics, "webcare_mentions_total", "outcome=\"accepted\"") >= 2, "ingest counter");
        Assert.True(Value(metrics, "webcare_enrichment_duration_seconds_count") >= 1, "enrichment histogram");
        Assert.True(Value(metrics, "webcare_enrichment_duration_seconds_sum") > 0, "enrichment time");
        Assert.True(Value(metrics, "webcare_wall_connections") >= 1, "hub connections");
        Assert.True(Value(metrics, "webcare_wall_frames_total") >= 1, "frames");
        // Orleans' meters are per process, shared by every test host in it: the live-grain gauge also goes down
        // as other hosts stop (it summed to −7 once), while activations created only ever grow.
        Assert.Contains("\norleans_grains{", metrics);
        Assert.True(Value(metrics, "orleans_catalog_activation_created_total", "grain_type=\"wallfeed\"") >= 1, "grain activations");

        // The Grafana panels read p50/p99 from these: OpenTelemetry's default boundaries (0, 5, 10, 25 … 10,000)
        // are meant for milliseconds, and in seconds put every batch and frame into the first bucket.
        foreach (var histogram in new[] { "webcare_enrichment_duration_seconds", "webcare_wall_push_lag_seconds" })
            Assert.True(UpperBounds(metrics, histogram).Count(b => b < 1) >= 6, $"{histogram}: too few buckets below a second");

        // Every series the Grafana dashboard queries is in the exposition.
        var grafana = File.ReadAllText(Path.Combine(Browser.RepositoryPaths.Root, "dashboards", "grafana", "webcare-realtime.json"));
        var used = System.Text.RegularExpressions.Regex.Matches(grafana, @"\b(webcare|orleans)_[a-z_]+").Select(m => m.Value).Distinct().ToList();
        Assert.NotEmpty(used);
        Assert.All(used, name => Assert.Contains("\n" + name, metrics));
    }

    [Fact]
    public async Task Metrics_and_the_dashboard_need_the_admin_key()
    {
        using var anonymous = _host.CreateClient();
        using var other = _host.CreateClient(Everything);
        using var admin = _host.CreateClient(Admin);
        foreach (var path in new[] { "metrics", "dashboard" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(path)).StatusCode);
        }
        var dashboard = await admin.GetAsync("dashboard");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Orleans", await dashboard.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("metrics")).StatusCode);
    }

    /// <summary>The sum of the samples of one metric (every label set, or those carrying <paramref name="label"/>).</summary>
    private static IEnumerable<double> UpperBounds(string exposition, string histogram) =>
        System.Text.RegularExpressions.Regex.Matches(exposition, "\n" + histogram + "_bucket\\{[^}]*le=\"([0-9.eE+-]+)\"")
            .Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    internal static double Value(string exposition, string name, string? label = null) =>
        exposition.Split('\n')
            .Where(line => line.StartsWith(name, StringComparison.Ordinal) && line.Length > name.Length && line[name.Length] is '{' or ' ')
            .Where(line => label is null || line.Contains(label, StringComparison.Ordinal))
            .Select(line => line.Contains('}') ? line[(line.LastIndexOf('}') + 1)..] : line[name.Length..])
            .Select(sample => double.Parse(sample.Trim().Split(' ')[0], CultureInfo.InvariantCulture))
            .Sum();
}
