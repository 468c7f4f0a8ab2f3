using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Webcare.Realtime.Host.Tests;

/// <summary>Alerts leave the service by webhook: retried while the receiver fails, and never in the way of ingest.</summary>
public sealed class WebhookTests
{
    [Fact]
    public async Task An_alert_reaches_a_slack_webhook_after_retries_and_a_dead_webhook_does_not_slow_ingest()
    {
        var received = new ConcurrentQueue<string>();
        var attempts = 0;
        var receiverPort = TestHost.FreePort();
        var receiver = WebApplication.CreateSlimBuilder();
        receiver.WebHost.UseUrls($"http://127.0.0.1:{receiverPort}");
        await using var app = receiver.Build();
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            // The first two deliveries fail: the sender must retry.
            if (Interlocked.Increment(ref attempts) <= 2) return Results.StatusCode(503);
            using var reader = new StreamReader(request.Body);
            received.Enqueue(await reader.ReadToEndAsync());
            return Results.Ok();
        });
        await app.StartAsync();

        await using var host = new TestHost(SpikeScenario.Topics(1, new Dictionary<string, string?>
        {
            ["Alerts:Webhooks:0:Url"] = $"http://127.0.0.1:{receiverPort}/hook",
            ["Alerts:Webhooks:0:Format"] = "Slack",
            ["Alerts:Webhooks:1:Url"] = $"http://127.0.0.1:{TestHost.FreePort()}/nobody-listens",
            ["Alerts:FirstRetryDelay"] = "00:00:00.200",
        }), withTopics: false);
        await host.StartAsync();
        using var http = host.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await SpikeScenario.PostHistoryAsync(http, 1)).StatusCode);

        var started = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.Accepted, (await SpikeScenario.PostSpikeAsync(http, 0)).StatusCode);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"ingest took {started.Elapsed.TotalMilliseconds:F0} ms while webhooks fail");

        // The source carrying the topic spikes too; its alert may be delivered first.
        Assert.True(await WallFeedRecorder.WaitUntil(() => received.Any(r => r.Contains("spike0")), TimeSpan.FromSeconds(15)),
            $"no webhook delivery for the topic after {attempts} attempts");
        Assert.True(attempts >= 3);
        var body = JsonDocument.Parse(received.First(r => r.Contains("spike0"))).RootElement;
        Assert.Contains("spike0", body.GetProperty("text").GetString());
        Assert.Contains("piek", body.GetProperty("text").GetString());
        Assert.Equal("section", body.GetProperty("blocks")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_webhook_url_that_is_not_http_stops_the_service_with_a_clear_message()
    {
        var host = new TestHost(new Dictionary<string, string?> { ["Alerts:Webhooks:0:Url"] = "file:///etc/passwd" });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(host.StartAsync);
        Assert.Contains("Alerts:Webhooks:0:Url", error.Message);
    }

}
