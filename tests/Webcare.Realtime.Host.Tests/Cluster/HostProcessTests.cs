using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Webcare.Realtime.Testing;

namespace Webcare.Realtime.Host.Tests.Cluster;

/// <summary>The separate-process host the fault tests rely on: ready when it says so, gone after kill -9, back on the same port.</summary>
public sealed class HostProcessTests
{
    [Fact]
    public async Task Kill_stops_the_process_at_once_and_a_restart_serves_on_the_same_port()
    {
        await using var host = new HostProcess(name: "solo");
        await host.StartAsync();
        Assert.Contains("Webcare Realtime is running", host.Output);

        using var http = host.CreateClient();
        var posted = await http.PostAsJsonAsync("api/mentions", new[]
        {
            new { source = "twitter", id = "hp-1", text = "Lang wachten bij de SEH", createdAt = DateTimeOffset.UtcNow },
        });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.Equal(1, await IngestedAsync(http));

        var pid = host.ProcessId!.Value;
        host.Kill();
        Assert.False(host.IsRunning);
        Assert.Throws<ArgumentException>(() => System.Diagnostics.Process.GetProcessById(pid));
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("health/live"));

        await host.StartAsync();
        Assert.NotEqual(pid, host.ProcessId);
        // In-memory mode: a new process starts from nothing, which shows it really is a new process.
        Assert.Equal(0, await IngestedAsync(http));
    }

    [Fact]
    public async Task A_host_that_cannot_start_fails_with_its_own_output()
    {
        // Keys on a non-loopback address without keys are refused at start-up (see README, Security).
        await using var host = new HostProcess(new Dictionary<string, string?> { ["urls"] = $"http://0.0.0.0:{LoopbackPorts.Free()}" }, "refused");
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("refused exited", failure.Message);
        Assert.Contains("--urls=http://0.0.0.0", failure.Message);
    }

    private static async Task<long> IngestedAsync(HttpClient http)
    {
        using var stats = JsonDocument.Parse(await http.GetStringAsync("api/stats"));
        return stats.RootElement.GetProperty("ingested").GetInt64();
    }
}
