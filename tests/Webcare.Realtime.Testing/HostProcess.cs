using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Webcare.Realtime.Testing;

/// <summary>
/// The real host as a separate OS process (<c>dotnet Webcare.Realtime.Host.dll</c>) on its own loopback
/// ports, for what an in-process host cannot show: <c>kill -9</c>, a restart, several nodes of a cluster.
/// Settings are passed as command-line arguments (<c>--Orleans:SiloPort=…</c>); the ports stay the same
/// across restarts, so clients reconnect to the same address. Its output is kept for failure messages.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 400;

    private readonly Dictionary<string, string?> _settings;
    private readonly Queue<string> _output = new();
    private readonly Lock _outputGate = new();
    private Process? _process;

    /// <param name="settings">Configuration on top of the test defaults (demo off, quiet logs); null removes a default.</param>
    /// <param name="name">Shown in failure messages, e.g. "node-a".</param>
    public HostProcess(IDictionary<string, string?>? settings = null, string name = "host")
    {
        Name = name;
        HttpPort = LoopbackPorts.Free();
        SiloPort = LoopbackPorts.Free();
        GatewayPort = LoopbackPorts.Free();
        _settings = new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{HttpPort}",
            ["Orleans:SiloPort"] = SiloPort.ToString(),
            ["Orleans:GatewayPort"] = GatewayPort.ToString(),
            ["Orleans:ClusterId"] = "test-" + Guid.NewGuid().ToString("N")[..8],
            ["Demo:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Orleans"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    public string Name { get; }
    public int HttpPort { get; }
    public int SiloPort { get; }
    public int GatewayPort { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}/");
    public IReadOnlyDictionary<string, string?> Settings => _settings;
    public bool IsRunning => _process is { HasExited: false };
    public int? ProcessId => IsRunning ? _process!.Id : null;

    /// <summary>The build output this runs: the host project's, same configuration as the tests.</summary>
    public static string HostAssembly { get; } = typeof(HostProcess).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "HostAssembly").Value!;

    /// <summary>The last few hundred lines the process wrote (stdout and stderr), for failure messages.</summary>
    public string Output
    {
        get { lock (_outputGate) return string.Join('\n', _output); }
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Starts the process and waits until <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync(TimeSpan? readyWithin = null)
    {
        if (IsRunning) throw new InvalidOperationException($"{Name} is already running");
        if (!File.Exists(HostAssembly))
            throw new FileNotFoundException($"the host is not built at {HostAssembly}; build src/Webcare.Realtime.Host first", HostAssembly);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(HostAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HostAssembly);
        foreach (var (key, value) in _settings)
            if (value is not null) start.ArgumentList.Add($"--{key}={value}");
        // The test runner's own environment must not leak in (it sets a content root and URLs of its own).
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("DOTNET_URLS");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        Record($"--- {Name} starting: {string.Join(' ', start.ArgumentList)}");
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Record(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Record(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitUntilReadyAsync(readyWithin ?? TimeSpan.FromSeconds(60));
    }

    /// <summary><c>kill -9</c> of the process tree: no shutdown code runs, as in a crash or an OOM kill.</summary>
    public void Kill()
    {
        if (_process is null) return;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        Record($"--- {Name} killed");
        _process.Dispose();
        _process = null;
    }

    /// <summary>A graceful stop (SIGTERM, as systemd or docker send); killed if it does not exit in time.</summary>
    public async Task StopAsync(TimeSpan? within = null)
    {
        if (_process is null) return;
        if (!_process.HasExited)
        {
            if (OperatingSystem.IsWindows()) _process.Kill(entireProcessTree: true);
            else _ = SendSignal(_process.Id, Sigterm);
            using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(20));
            try { await _process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { Kill(); return; }
        }
        Record($"--- {Name} stopped");
        _process.Dispose();
        _process = null;
    }

    /// <summary>Kill -9, then start again on the same ports with the same settings.</summary>
    public async Task RestartAsync(TimeSpan? readyWithin = null)
    {
        Kill();
        await StartAsync(readyWithin);
    }

    /// <summary>Polls <c>/health/ready</c>; fails with the process output when it exits or stays unready.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan within)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + within;
        string last = "no answer yet";
        while (DateTime.UtcNow < deadline)
        {
            if (_process is not { HasExited: false })
                throw new InvalidOperationException($"{Name} exited with code {_process?.ExitCode} before it was ready.\n{Output}");
            try
            {
                using var response = await http.GetAsync("health/ready");
                if (response.IsSuccessStatusCode) return;
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                last = ex.Message;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} was not ready within {within.TotalSeconds:0} s (last: {last}).\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Task.CompletedTask;
    }

    private void Record(string line)
    {
        lock (_outputGate)
        {
            _output.Enqueue(line);
            while (_output.Count > KeptOutputLines) _output.Dequeue();
        }
    }

    private const int Sigterm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
