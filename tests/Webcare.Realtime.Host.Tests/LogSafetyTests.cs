using System.Net;
using System.Net.Http.Json;

namespace Webcare.Realtime.Host.Tests;

/// <summary>Patients' posts and keys never reach the logs, even with the most detailed logging switched on.</summary>
public sealed class LogSafetyTests
{
    [Fact]
    public async Task No_log_line_holds_mention_text_or_a_key()
    {
        const string key = "log-safety-key-do-not-log-000";
        const string text = "MIJN-GEHEIME-DIAGNOSE-7f3a ligt op afdeling 5";
        await using var host = new TestHost(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Orleans"] = "Debug",
            ["Logging:LogLevel:Microsoft"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
            ["Auth:Keys:0:Key"] = key, ["Auth:Keys:0:Tenant"] = "t", ["Auth:Keys:0:Scopes:0"] = "admin",
        }, captureLogs: true);
        await host.StartAsync();
        var (wall, recorder) = await host.ConnectWallAsync(key: key);
        await using var _ = wall;
        using var http = host.CreateClient(key);

        var response = await http.PostAsJsonAsync("api/mentions", new[]
        {
            new { source = "forum", id = "log-1", createdAt = DateTimeOffset.UtcNow, text },
            new { source = "forum", id = "log-1", createdAt = DateTimeOffset.UtcNow, text }, // a duplicate too
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(await WallFeedRecorder.WaitUntil(() => recorder.FramesContain("forum", "log-1"), TimeSpan.FromSeconds(10)));
        await http.GetStringAsync("api/snapshot");
        // A browser cannot set headers on a WebSocket: the wall buys a ticket with its key in a header and
        // puts only the ticket in the URL (SecurityTests checks that a key in a URL is refused).
        var ticket = (await (await http.PostAsync("api/wall/ticket", null)).Content.ReadFromJsonAsync<TicketAnswer>())!.Ticket;
        using var browserLike = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await browserLike.PostAsync($"hubs/wall/negotiate?negotiateVersion=1&access_token={ticket}", null)).StatusCode);
        await host.StopAsync();

        var lines = host.Logs!.Lines.ToList();
        Assert.True(lines.Count > 50, $"only {lines.Count} log lines: is debug logging on?");
        Assert.DoesNotContain(lines, l => l.Contains("GEHEIME-DIAGNOSE"));
        var leaks = lines.Where(l => l.Contains(key)).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
        Assert.Contains(lines, l => l.Contains("Request starting") && l.Contains("negotiate")); // request logging was on
        Assert.DoesNotContain(lines, l => l.Contains("running open")); // keys are configured
    }

    [Fact]
    public async Task Without_keys_the_service_says_at_start_up_that_it_runs_open_on_loopback()
    {
        await using var host = new TestHost(captureLogs: true);
        await host.StartAsync();
        await host.StopAsync();

        Assert.Contains(host.Logs!.Lines, l => l.Contains("No keys configured (Auth:Keys): running open, on loopback only"));
    }
}

public sealed record TicketAnswer(string Ticket, DateTimeOffset ExpiresAt);
