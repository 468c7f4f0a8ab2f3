using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Detection;
using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Host.Tests;

/// <summary>Keys, scopes and tenants over real HTTP and a real SignalR client.</summary>
public sealed class SecurityTests : IAsyncLifetime
{
    private const string AllA = "tenant-a-all-scopes-key-0001";
    private const string AllB = "tenant-b-all-scopes-key-0002";
    private const string ReadA = "tenant-a-read-only-key-00003";
    private const string IngestA = "tenant-a-ingest-only-key-004";
    private const string WallB = "tenant-b-wall-only-key-00005";

    private readonly TestHost _host = new(new Dictionary<string, string?>
    {
        ["Auth:Keys:0:Key"] = AllA, ["Auth:Keys:0:Tenant"] = "ziekenhuis-a",
        ["Auth:Keys:0:Scopes:0"] = "ingest", ["Auth:Keys:0:Scopes:1"] = "read", ["Auth:Keys:0:Scopes:2"] = "wall",
        ["Auth:Keys:1:Key"] = AllB, ["Auth:Keys:1:Tenant"] = "ziekenhuis-b", ["Auth:Keys:1:Scopes:0"] = "admin",
        ["Auth:Keys:2:Key"] = ReadA, ["Auth:Keys:2:Tenant"] = "ziekenhuis-a", ["Auth:Keys:2:Scopes:0"] = "read",
        ["Auth:Keys:3:Key"] = IngestA, ["Auth:Keys:3:Tenant"] = "ziekenhuis-a", ["Auth:Keys:3:Scopes:0"] = "ingest",
        ["Auth:Keys:4:Key"] = WallB, ["Auth:Keys:4:Tenant"] = "ziekenhuis-b", ["Auth:Keys:4:Scopes:0"] = "wall",
    });

    public Task InitializeAsync() => _host.StartAsync();

    public Task DisposeAsync() => _host.StopAsync();

    private static object[] Mentions(string prefix, string source = "twitter") =>
    [
        new { source, id = prefix + "-1", createdAt = DateTimeOffset.UtcNow, text = $"{prefix}: al uren wachten op de SEH" },
        new { source, id = prefix + "-2", createdAt = DateTimeOffset.UtcNow, text = $"{prefix}: herkenbaar", conversationId = prefix + "-1" },
    ];

    [Fact]
    public async Task Without_a_key_the_api_and_the_hub_answer_401_but_health_and_the_page_are_open()
    {
        using var anonymous = _host.CreateClient();
        var post = await anonymous.PostAsJsonAsync("api/mentions", Mentions("anon"));
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal("application/problem+json", post.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/stats")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/")).StatusCode);

        await using var wall = _host.CreateWallConnection();
        var error = await Assert.ThrowsAnyAsync<HttpRequestException>(() => wall.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task A_wrong_key_is_401_and_a_missing_scope_is_403()
    {
        using var wrong = _host.CreateClient("not-a-key-of-this-service");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("api/stats")).StatusCode);

        using var readOnly = _host.CreateClient(ReadA);
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsJsonAsync("api/mentions", Mentions("ro"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PutAsJsonAsync("api/topics", Array.Empty<object>())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await readOnly.GetAsync("api/stats")).StatusCode);

        using var ingestOnly = _host.CreateClient(IngestA);
        Assert.Equal(HttpStatusCode.Accepted, (await ingestOnly.PostAsJsonAsync("api/mentions", Mentions("io"))).StatusCode);
        // Analysing texts is a use of the ingest scope: a read-only key may not, an ingest key may.
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsJsonAsync("api/analyze", new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ingestOnly.PostAsJsonAsync("api/analyze", new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.PostAsJsonAsync("api/analyze", new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ingestOnly.GetAsync("api/stats")).StatusCode);

        await using var wallWithReadKey = _host.CreateWallConnection(key: ReadA);
        var error = await Assert.ThrowsAnyAsync<HttpRequestException>(() => wallWithReadKey.StartAsync());
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task A_tenant_never_sees_another_tenants_mentions_in_the_api_or_on_its_wall()
    {
        var (wallA, recorderA) = await _host.ConnectWallAsync(key: AllA);
        var (wallB, recorderB) = await _host.ConnectWallAsync(key: WallB);
        await using var _ = wallA;
        await using var __ = wallB;
        using var a = _host.CreateClient(AllA);
        using var b = _host.CreateClient(AllB);
        var prefix = "iso" + Guid.NewGuid().ToString("N")[..6];

        Assert.Equal(HttpStatusCode.Accepted, (await a.PostAsJsonAsync("api/mentions", Mentions(prefix + "a", "forum"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await b.PostAsJsonAsync("api/mentions", Mentions(prefix + "b", "news"))).StatusCode);

        Assert.True(await WallFeedRecorder.WaitUntil(() => recorderA.FramesContain("forum", prefix + "a-1") && recorderB.FramesContain("news", prefix + "b-1"),
            TimeSpan.FromSeconds(10)), "each wall should receive its own tenant's mentions");
        await Task.Delay(600); // a few more frames, in case a leak were only slower
        Assert.DoesNotContain(recorderA.Frames.SelectMany(f => f.Mentions), m => m.Id.StartsWith(prefix + "b"));
        Assert.DoesNotContain(recorderB.Frames.SelectMany(f => f.Mentions), m => m.Id.StartsWith(prefix + "a"));
        Assert.DoesNotContain(recorderB.Snapshots.SelectMany(s => s.Mentions), m => m.Id.StartsWith(prefix + "a"));

        var statsB = JsonDocument.Parse(await b.GetStringAsync("api/stats")).RootElement;
        Assert.DoesNotContain(statsB.GetProperty("sources").EnumerateArray(), s => s.GetProperty("source").GetString() == "forum");
        var snapshotB = await b.GetStringAsync("api/snapshot");
        Assert.DoesNotContain(prefix + "a", snapshotB);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"api/conversations/forum:{prefix}a-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"api/conversations/forum:{prefix}a-1")).StatusCode);
    }

    [Fact]
    public async Task A_tenant_never_sees_or_touches_another_tenants_alerts_or_webcare_cases_in_the_api_or_on_its_wall()
    {
        var (wallB, recorderB) = await _host.ConnectWallAsync(key: WallB);
        await using var _ = wallB;
        using var a = _host.CreateClient(AllA);
        using var b = _host.CreateClient(AllB);
        var prefix = "isw" + Guid.NewGuid().ToString("N")[..6];

        // Tenant A: a question on X (a webcare case under the default SLA) and an open alert.
        var question = new[] { new { source = "twitter", id = prefix, createdAt = DateTimeOffset.UtcNow, text = "Hoe kan ik mijn afspraak verzetten?" } };
        Assert.Equal(HttpStatusCode.Accepted, (await a.PostAsJsonAsync("api/mentions", question)).StatusCode);
        var now = DateTimeOffset.UtcNow;
        await _host.Services.GetRequiredService<IGrainFactory>().GetGrain<IAlertBookGrain>("ziekenhuis-a").RecordAsync(
            [new AlertSignal("topic", prefix, AlertKind.VolumeSpike, new AlertEvent(AlertEventKind.Raised, 1, now, now, 5, 40, 3, 0.99, 40, 0.99), [], [])]);
        Assert.True(await WallFeedRecorder.WaitUntil(() => a.GetAsync($"api/webcare/cases/twitter:{prefix}").Result.StatusCode == HttpStatusCode.OK
            && a.GetStringAsync("api/alerts").Result.Contains(prefix), TimeSpan.FromSeconds(10)), "tenant A should see its own case and alert");
        var alertId = JsonDocument.Parse(await a.GetStringAsync("api/alerts")).RootElement.EnumerateArray()
            .Select(x => x.GetProperty("id").GetString()!).Single(id => id.Contains(prefix));

        // Tenant B (an admin key, so every scope): not in its reads, not found for its actions.
        Assert.DoesNotContain(prefix, await b.GetStringAsync("api/alerts"));
        Assert.DoesNotContain(prefix, await b.GetStringAsync("api/webcare/queue"));
        Assert.DoesNotContain(prefix, await b.GetStringAsync("api/snapshot"));
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"api/webcare/cases/twitter:{prefix}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostAsJsonAsync($"api/conversations/twitter:{prefix}/resolve", new { by = "b" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostAsync($"api/alerts/{Uri.EscapeDataString(alertId)}/ack", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.PostAsync($"api/alerts/{Uri.EscapeDataString(alertId)}/ack", null)).StatusCode);

        // Nor on tenant B's wall, in its snapshot or its frames.
        await Task.Delay(1_500); // a webcare board goes out at most once a second: give a leak the time to show
        var seenByB = string.Join("\n", recorderB.Snapshots.Select(x => JsonSerializer.Serialize(x)).Concat(recorderB.Frames.Select(x => JsonSerializer.Serialize(x))));
        Assert.DoesNotContain(prefix, seenByB);
    }

    [Fact]
    public async Task A_browser_wall_uses_a_ticket_and_a_key_in_a_url_is_refused()
    {
        using var wallKey = _host.CreateClient(WallB);
        var answer = await (await wallKey.PostAsync("api/wall/ticket", null)).Content.ReadFromJsonAsync<TicketAnswer>();
        using var browser = _host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsync($"hubs/wall/negotiate?negotiateVersion=1&access_token={answer!.Ticket}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.PostAsync($"hubs/wall/negotiate?negotiateVersion=1&access_token={WallB}", null)).StatusCode);
        // A ticket opens the wall only, never the API.
        using var withTicket = _host.CreateClient(answer.Ticket);
        Assert.Equal(HttpStatusCode.Unauthorized, (await withTicket.GetAsync("api/stats")).StatusCode);
        // A key without the wall scope buys no ticket.
        using var readOnly = _host.CreateClient(ReadA);
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsync("api/wall/ticket", null)).StatusCode);
    }

    [Fact]
    public async Task Topics_are_per_tenant_and_only_an_admin_key_changes_them()
    {
        using var a = _host.CreateClient(AllA);
        using var b = _host.CreateClient(AllB);
        var put = await b.PutAsJsonAsync("api/topics", new[] { new { name = "alleen-b", query = "spoed" } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var topicsA = await a.GetStringAsync("api/topics");
        Assert.DoesNotContain("alleen-b", topicsA);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync("api/topics/alleen-b")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.PutAsJsonAsync("api/topics", new[] { new { name = "x", query = "y" } })).StatusCode);
    }
}

/// <summary>Start-up rules and limits that need a host of their own.</summary>
public sealed class SecurityStartupTests
{
    [Fact]
    public async Task Without_keys_the_service_refuses_to_listen_beyond_loopback()
    {
        var host = new TestHost(new Dictionary<string, string?> { ["urls"] = "http://0.0.0.0:0" });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(host.StartAsync);
        Assert.Contains("loopback", error.Message);
        Assert.Contains("Auth:Keys", error.Message);
    }

    [Theory]
    [InlineData("short", "ziekenhuis", "ingest", "at least 16")]
    [InlineData("a-long-enough-key-000", "Ziekenhuis A", "ingest", "Tenant")]
    [InlineData("a-long-enough-key-000", "ziekenhuis", "everything", "unknown: everything")]
    public async Task A_bad_key_entry_stops_the_service_with_a_message_naming_it(string key, string tenant, string scope, string expected)
    {
        var host = new TestHost(new Dictionary<string, string?>
        {
            ["Auth:Keys:0:Key"] = key, ["Auth:Keys:0:Tenant"] = tenant, ["Auth:Keys:0:Scopes:0"] = scope,
        });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(host.StartAsync);
        Assert.Contains("Auth:Keys:0", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task A_key_over_its_rate_limit_gets_429_with_retry_after()
    {
        const string key = "rate-limited-key-000000001";
        await using var host = new TestHost(new Dictionary<string, string?>
        {
            ["Auth:Keys:0:Key"] = key, ["Auth:Keys:0:Tenant"] = "t", ["Auth:Keys:0:Scopes:0"] = "read",
            ["Limits:RequestsPerSecond"] = "1", ["Limits:Burst"] = "3",
        });
        await host.StartAsync();
        using var http = host.CreateClient(key);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6; i++)
        {
            var response = await http.GetAsync("api/stats");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited ??= response;
        }
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.NotNull(limited);
        Assert.True(limited!.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "429 must say when to retry");
        Assert.Contains("limit", await limited.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("GET", "metrics")]
    [InlineData("POST", "hubs/wall/negotiate?negotiateVersion=1")]
    public async Task The_metrics_and_the_hubs_negotiation_count_against_the_keys_limit_too(string method, string path)
    {
        const string key = "rate-limited-key-000000002";
        await using var host = new TestHost(new Dictionary<string, string?>
        {
            ["Auth:Keys:0:Key"] = key, ["Auth:Keys:0:Tenant"] = "t",
            ["Auth:Keys:0:Scopes:0"] = "admin", ["Auth:Keys:0:Scopes:1"] = "wall",
            ["Limits:RequestsPerSecond"] = "1", ["Limits:Burst"] = "3",
        });
        await host.StartAsync();
        using var http = host.CreateClient(key);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6; i++)
        {
            var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited ??= response;
        }
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.NotNull(limited);
        Assert.True(limited!.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "429 must say when to retry");
    }
}
