using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Webcare.Realtime.Host;
using Webcare.Realtime.Testing;

namespace Webcare.Realtime.Host.Tests;

/// <summary>
/// The real service on its own loopback ports (HTTP, silo, gateway), started in this process with Kestrel,
/// so tests use real HTTP and a real SignalR client. Start again on the same ports to simulate a restart.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private WebApplication? _app;
    private readonly Dictionary<string, string?> _settings;

    public TestHost(IDictionary<string, string?>? settings = null, bool withTopics = true, bool captureLogs = false)
    {
        if (captureLogs) Logs = new CapturedLogs();
        HttpPort = FreePort();
        _settings = new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{HttpPort}",
            ["Orleans:SiloPort"] = FreePort().ToString(),
            ["Orleans:GatewayPort"] = FreePort().ToString(),
            ["Orleans:ClusterId"] = "test-" + Guid.NewGuid().ToString("N")[..8],
            ["Demo:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Orleans"] = "Error",
            ["Ingest:MaxBodyBytes"] = (1024 * 1024).ToString(),
            ["Ingest:MaxTextLength"] = "5000",
        };
        if (withTopics)
        {
            _settings["Topics:0:Name"] = "wachttijd";
            _settings["Topics:0:Query"] = "wacht*, wachtlijst, \"lang wachten\"";
            _settings["Topics:1:Name"] = "parkeren";
            _settings["Topics:1:Query"] = "parkeren, parkeergarage";
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    public int HttpPort { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}/");
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("not started");

    /// <summary>Every log line of this host, when started with <c>captureLogs</c>.</summary>
    public CapturedLogs? Logs { get; private set; }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async Task StartAsync()
    {
        _app = WebcareApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(_settings);
            if (Logs is not null) builder.Logging.AddProvider(Logs);
        });
        await _app.StartAsync();
    }

    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    public HttpClient CreateClient(string apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public HubConnection CreateWallConnection(bool reconnect = false, string? key = null) =>
        WallClient.Create(BaseAddress, reconnect, key);

    /// <summary>Connects a wall client that records what it receives, and waits for its first snapshot.</summary>
    public Task<(HubConnection Wall, WallFeedRecorder Recorder)> ConnectWallAsync(bool reconnect = false, string? key = null) =>
        WallClient.ConnectAsync(BaseAddress, reconnect, key);

    public async ValueTask DisposeAsync() => await StopAsync();

    internal static int FreePort() => LoopbackPorts.Free();
}

/// <summary>One host shared by the tests that only post and read.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    public TestHost Host { get; } = new();

    public Task InitializeAsync() => Host.StartAsync();

    public Task DisposeAsync() => Host.StopAsync();
}

[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "host";
}
