using Webcare.Realtime.Testing;
using static Webcare.Realtime.Benchmarks.IngestBenchmark;

namespace Webcare.Realtime.Benchmarks;

/// <summary>
/// Durable ingest over HTTP against a throwaway PostgreSQL on this machine (sharing its cores), with the
/// in-memory mode measured beside it in the same run. Each durable phase gets a new, empty server, with
/// fsync on (every acknowledged batch is on disk).
/// </summary>
internal static class DurableIngestBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Options(
            Arg(args, "--seconds", 20), Arg(args, "--rate", 30_000), Arg(args, "--batch", 1000), Arg(args, "--posters", 4),
            Arg(args, "--warmup", 3))
        { Allocations = args.Contains("--allocations") };
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
        // The server as deployed (deploy/postgresql.conf and the compose file's environment), or with
        // --postgres-stock PostgreSQL's defaults; --postgres-setting name=value (repeatable) adds to either.
        var stock = args.Contains("--postgres-stock");
        var settings = (stock ? [] : PostgresTuning.Settings())
            .Concat(args.Select((a, i) => (a, i)).Where(x => x.a == "--postgres-setting" && x.i + 1 < args.Length).Select(x => args[x.i + 1])).ToList();
        var environment = stock ? new Dictionary<string, string>() : PostgresTuning.Environment;
        Console.WriteLine($"options: {options}; each phase on a fresh host (and a fresh PostgreSQL{(settings.Count == 0 ? "" : " with " + string.Join(", ", settings))}{(environment.Count == 0 ? "" : ", environment " + string.Join(", ", environment.Select(e => $"{e.Key}={e.Value}")))}) after a {options.WarmupSeconds} s warm-up at 5,000/s");

        // --offered-only: just the durable phase at the offered rate, for repeated A/B runs of one change (the full
        // run's ratio against in-memory needs all three). Being the process's first phase, it pays for the JIT
        // unless --warmup is longer than the default 3 s.
        var offeredOnly = args.Contains("--offered-only");
        var results = new List<(PhaseResult Result, long Stored)>();
        if (!offeredOnly)
        {
            results.Add((await RunPhaseAsync(options, "in-memory: HTTP, full speed", rate: null, http: true), -1));
            results.Add(await DurablePhaseAsync(options, "durable: HTTP, full speed", rate: null, settings, environment));
        }
        results.Add(await DurablePhaseAsync(options, $"durable: HTTP, offered {options.Rate:N0}/s", options.Rate, settings, environment));

        Console.WriteLine();
        Console.WriteLine("| phase | mentions/s | ack p50 ms | ack p99 ms | POST→wall p99 ms | CPU µs/mention: process | CPU µs/mention: PostgreSQL | rows stored (incl. warm-up) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (r, stored) in results)
            Console.WriteLine($"| {r.Name} | {r.PerSecond:N0} | {P(r.AckMs, 50):F1} | {P(r.AckMs, 99):F1} | {P(r.WallMs, 99):F1} | {r.ProcessCpuMicrosPerMention:F1} | {r.DatabaseCpuMicrosPerMention:F1} | {(stored < 0 ? "—" : stored.ToString("N0"))} |");
        if (!offeredOnly)
            Console.WriteLine($"durable / in-memory at full speed: {results[1].Result.PerSecond / results[0].Result.PerSecond:P0}");
        return 0;
    }

    private static async Task<(PhaseResult, long)> DurablePhaseAsync(
        Options options, string name, int? rate, IReadOnlyList<string> settings, IReadOnlyDictionary<string, string> environment)
    {
        await using var postgres = await ThrowawayPostgres.StartNewAsync(fsync: true, settings, environment);
        var result = await RunPhaseAsync(options, name, rate, http: true, postgres);
        if (settings.Any(s => s.Contains("pg_stat_statements"))) await PrintTopStatementsAsync(postgres);
        return (result, await postgres.ScalarAsync<long>("SELECT count(*) FROM mention_log"));
    }

    /// <summary>
    /// Where PostgreSQL's time went (run with --postgres-setting shared_preload_libraries=pg_stat_statements):
    /// the statements with the most execution time over the phase and its warm-up.
    /// </summary>
    private static async Task PrintTopStatementsAsync(ThrowawayPostgres postgres)
    {
        await postgres.ScalarAsync<int>("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT 1");
        var top = await postgres.ScalarAsync<string>("""
            SELECT string_agg(format('%8s ms %8s calls  %s', round(total_exec_time), calls, left(regexp_replace(query, '\s+', ' ', 'g'), 110)), E'\n')
            FROM (SELECT * FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 10) t
            """);
        Console.WriteLine("PostgreSQL statements by execution time:");
        Console.WriteLine(top);
    }
}
