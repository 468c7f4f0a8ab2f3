using System.Diagnostics;
using Npgsql;

namespace Webcare.Realtime.Testing;

/// <summary>
/// A real PostgreSQL server of its own for a test: <c>initdb</c> into a temporary directory, listening on
/// loopback on a free port, stopped and deleted on dispose. Fault tests stop and start the same server
/// (same data, same port). PostgreSQL refuses to run as root, so as root it runs as the <c>postgres</c> user.
/// Missing binaries fail the test with what to install: a skipped database test would hide a broken build.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _root;
    private readonly string _data;
    private readonly string _log;

    private readonly bool _fsync;
    private readonly string _settings;
    private readonly IReadOnlyDictionary<string, string> _environment;

    private ThrowawayPostgres(string bin, bool fsync, IEnumerable<string> settings, IReadOnlyDictionary<string, string> environment)
    {
        _environment = environment;
        _settings = string.Concat(settings.Select(s => $" -c {s}"));
        _bin = bin;
        _fsync = fsync;
        _root = Directory.CreateTempSubdirectory("webcare-pg-").FullName;
        _data = Path.Combine(_root, "data");
        _log = Path.Combine(_root, "server.log");
        Port = LoopbackPorts.Free();
    }

    public int Port { get; }

    /// <summary>The cluster's data directory (its <c>postmaster.pid</c> names the server process).</summary>
    public string DataDirectory => _data;

    /// <summary>Superuser <c>postgres</c>, trust authentication, a small pool: many tests share 100 connections.</summary>
    public string ConnectionString => ConnectionStringFor(maxPoolSize: 20);

    public string ConnectionStringFor(int maxPoolSize) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = "postgres",
        MaxPoolSize = maxPoolSize,
        Timeout = 5,
    }.ConnectionString;

    public bool IsRunning { get; private set; }

    /// <summary>Creates and starts a new server; about a second.</summary>
    /// <param name="fsync">
    /// Off by default: tests lose nothing when the machine stays up, and run faster. A benchmark turns it on,
    /// so commits cost what they cost in production.
    /// </param>
    /// <param name="settings">Server settings as <c>name=value</c> (a benchmark compares tunings).</param>
    /// <param name="environment">The server's environment beyond this process's (<see cref="PostgresTuning.Environment"/>).</param>
    public static async Task<ThrowawayPostgres> StartNewAsync(
        bool fsync = false, IEnumerable<string>? settings = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var server = new ThrowawayPostgres(FindBinaries(), fsync, settings ?? [], environment ?? new Dictionary<string, string>());
        try
        {
            if (RunsAsRoot) await RunAsync("chown", "postgres", server._root);
            await server.RunPostgresToolAsync("initdb", "-D", server._data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
            await server.StartAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async Task StartAsync()
    {
        await RunPostgresToolAsync(_environment, "pg_ctl", "-D", _data, "-l", _log,
            "-o", $"-k {_root} -p {Port} -c listen_addresses=127.0.0.1 -c fsync={(_fsync ? "on" : "off")}{_settings}", "-w", "-t", "30", "start");
        IsRunning = true;
    }

    /// <summary>Stops the server the fast way (open connections are cut), as a crash or a restart would.</summary>
    public async Task StopAsync()
    {
        if (!IsRunning) return;
        await RunPostgresToolAsync("pg_ctl", "-D", _data, "-m", "fast", "-w", "-t", "30", "stop");
        IsRunning = false;
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>One scalar, on a connection of its own (not from any pool a test measures).</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor(2) + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (IsRunning) await RunPostgresToolAsync("pg_ctl", "-D", _data, "-m", "immediate", "-w", "stop");
        }
        catch (Exception)
        {
            // Deleting the directory below still removes everything; a server left running dies with its files.
        }
        IsRunning = false;
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>The server's own log, for a failure message.</summary>
    public string ReadLog() => File.Exists(_log) ? File.ReadAllText(_log) : "(no server log)";

    private static bool RunsAsRoot => Environment.UserName == "root";

    private static string FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        var versions = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Dir, "bin", "initdb")) && File.Exists(Path.Combine(d.Dir, "bin", "pg_ctl")))
                .OrderByDescending(d => d.Version == 15).ThenByDescending(d => d.Version)
                .ToList()
            : [];
        if (versions.Count == 0)
            throw new InvalidOperationException(
                "PostgreSQL server binaries not found under /usr/lib/postgresql/<version>/bin (initdb, pg_ctl). " +
                "The durable-mode tests start their own throwaway server: install it with `apt-get install postgresql-15`.");
        return Path.Combine(versions[0].Dir, "bin");
    }

    private Task RunPostgresToolAsync(string tool, params string[] args) => RunPostgresToolAsync(null, tool, args);

    // runuser keeps the environment (but for HOME, SHELL, USER and LOGNAME), and pg_ctl passes it to the server.
    private Task RunPostgresToolAsync(IReadOnlyDictionary<string, string>? environment, string tool, params string[] args)
    {
        var path = Path.Combine(_bin, tool);
        return RunsAsRoot ? RunAsync(environment, "runuser", ["-u", "postgres", "--", path, .. args]) : RunAsync(environment, path, args);
    }

    private static Task RunAsync(string file, params string[] args) => RunAsync(null, file, args);

    private static async Task RunAsync(IReadOnlyDictionary<string, string>? environment, string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"`{file} {string.Join(' ', args)}` failed with exit code {process.ExitCode}:\n{await stderr}\n{await stdout}");
    }
}
