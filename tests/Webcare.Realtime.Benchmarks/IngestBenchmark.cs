using Webcare.Realtime.Core.Model;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Webcare.Realtime.Core.Ingest;
using Webcare.Realtime.Core.Wall;
using Webcare.Realtime.Host;
using Webcare.Realtime.Ingestion;
using Webcare.Realtime.Testing;

namespace Webcare.Realtime.Benchmarks;

/// <summary>
/// The foundation benchmark: the embedded default host (in-memory Orleans, demo feed off) with one real
/// SignalR wall client connected. Three phases in one process and one run, so they compare directly:
/// HTTP at full speed, HTTP at a fixed offered rate (latency at the target load), and the same pipeline
/// without HTTP (parse + ingest called in-process: the ceiling).
/// </summary>
internal static class IngestBenchmark
{
    internal sealed record Options(int Seconds, int Rate, int BatchSize, int Posters, int WarmupSeconds = 3)
    {
        /// <summary>--allocations: print the measured phase's allocations by type (<see cref="AllocationSampler"/>).</summary>
        public bool Allocations { get; init; }
    }

    /// <param name="ProcessCpu">CPU time of this process (host, HTTP client and wall client) during the phase.</param>
    /// <param name="DatabaseCpu">CPU time of the PostgreSQL server during the phase (zero in memory).</param>
    internal sealed record PhaseResult(string Name, long Accepted, double Seconds, double[] AckMs, double[] WallMs, long FramesSeen,
        TimeSpan ProcessCpu = default, TimeSpan DatabaseCpu = default, long AllocatedBytes = 0, TimeSpan GcPause = default, int Gen2 = 0,
        long Commits = 0)
    {
        /// <summary>Transactions committed by PostgreSQL per second (batches, grain state, reminders, clustering).</summary>
        public double CommitsPerSecond => Commits / Seconds;

        public double AllocatedBytesPerMention => (double)AllocatedBytes / Math.Max(1, Accepted);

        public double PerSecond => Accepted / Seconds;

        public double ProcessCpuMicrosPerMention => ProcessCpu.TotalMicroseconds / Math.Max(1, Accepted);

        public double DatabaseCpuMicrosPerMention => DatabaseCpu.TotalMicroseconds / Math.Max(1, Accepted);
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Options(
            Arg(args, "--seconds", 15), Arg(args, "--rate", 20_000), Arg(args, "--batch", 1000), Arg(args, "--posters", 4))
        { Allocations = args.Contains("--allocations") };
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
        Console.WriteLine($"options: {options}; each phase on a fresh host after a 3 s warm-up at 5,000/s");
        var results = new List<PhaseResult>
        {
            await RunPhaseAsync(options, "in-process (parse + pipeline, no HTTP), full speed", rate: null, http: false),
            await RunPhaseAsync(options, "HTTP, full speed", rate: null, http: true),
            await RunPhaseAsync(options, $"HTTP, offered {options.Rate:N0}/s", options.Rate, http: true),
        };

        Console.WriteLine();
        Console.WriteLine("| phase | mentions/s | ack p50 ms | ack p99 ms | POST→wall p50 ms | POST→wall p99 ms | frames/s at the client |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
            Console.WriteLine($"| {r.Name} | {r.PerSecond:N0} | {P(r.AckMs, 50):F1} | {P(r.AckMs, 99):F1} | {P(r.WallMs, 50):F1} | {P(r.WallMs, 99):F1} | {r.FramesSeen / r.Seconds:F1} |");
        Console.WriteLine($"HTTP full speed / in-process ceiling: {results[1].PerSecond / results[0].PerSecond:P0}");
        return 0;
    }

    /// <summary>One phase on its own host: start, connect a wall client, warm up, measure, stop.</summary>
    /// <param name="postgres">Durable mode against this connection string; null for the in-memory default.</param>
    internal static async Task<PhaseResult> RunPhaseAsync(Options options, string name, int? rate, bool http, ThrowawayPostgres? postgres = null)
    {
        var port = FreePort();
        var app = BuildHost(port, postgres?.ConnectionString);
        await app.StartAsync();

        var sentAt = new ConcurrentDictionary<int, long>();
        var wallLatencies = new ConcurrentBag<double>();
        long framesSeen = 0;
        long lastTotal = 0;
        await using var wall = new HubConnectionBuilder()
            .WithUrl($"http://127.0.0.1:{port}/hubs/wall")
            .AddJsonProtocol(o => WebcareApp.ConfigureJson(o.PayloadSerializerOptions))
            .Build();
        wall.On<WallFrame>("frame", frame =>
        {
            var now = Stopwatch.GetTimestamp();
            Interlocked.Increment(ref framesSeen);
            Interlocked.Exchange(ref lastTotal, frame.Totals.Accepted);
            foreach (var mention in frame.Mentions)
                if (sentAt.TryGetValue(BenchmarkMentions.BatchOf(mention.Id), out var sent))
                    wallLatencies.Add(Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds);
        });
        await wall.StartAsync();

        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) };
        async Task<(int, double)> PostHttp(byte[] payload)
        {
            var started = Stopwatch.GetTimestamp();
            using var content = new ByteArrayContent(payload);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
            using var response = await client.PostAsync("api/mentions", content);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.Accepted) throw new InvalidOperationException($"ingest answered {response.StatusCode}");
            return (options.BatchSize, ms); // every line is valid and new
        }

        var pipeline = app.Services.GetRequiredService<MentionPipeline>();
        var parser = new MentionBatchParser(app.Services.GetRequiredService<IOptions<IngestOptions>>().Value.ToLimits());
        async Task<(int, double)> IngestInProcess(byte[] payload)
        {
            var started = Stopwatch.GetTimestamp();
            var parsed = parser.ParseNdjson(payload, DateTimeOffset.UtcNow);
            var outcome = await pipeline.IngestAsync(TenantKey.DefaultTenant, parsed.Mentions, parsed.Errors);
            return (outcome.Accepted, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        Func<byte[], Task<(int, double)>> send = http ? PostHttp : IngestInProcess;

        var nextBatch = 0;
        async Task<PhaseResult> Drive(string label, int? offered, int seconds)
        {
            // Pre-generated so building payloads does not compete with the host for the two cores; 200k/s of headroom.
            var maxBatches = (int)((long)seconds * (offered ?? 200_000) / options.BatchSize) + options.Posters;
            var first = nextBatch;
            var payloads = Enumerable.Range(first, maxBatches)
                .Select(b => BenchmarkMentions.Batch(b, options.BatchSize, DateTimeOffset.UtcNow)).ToArray();
            nextBatch += maxBatches;
            wallLatencies.Clear();
            var framesBefore = Interlocked.Read(ref framesSeen);
            var totalBefore = Interlocked.Read(ref lastTotal);
            var acks = new ConcurrentBag<double>();
            long accepted = 0;
            var issued = -1;
            if (label != "warm-up") Console.WriteLine($"{label}: measuring for {seconds} s");
            var processCpu = CpuTime.OfThisProcess();
            var allocated = GC.GetTotalAllocatedBytes();
            var gcPause = GC.GetTotalPauseDuration();
            var gen2 = GC.CollectionCount(2);
            var databaseCpu = CpuTime.OfPostgres(postgres?.DataDirectory);
            var commits = await CommitsAsync(postgres);
            using var sampler = options.Allocations && label != "warm-up" ? new AllocationSampler() : null;
            sampler?.Start();
            var clock = Stopwatch.StartNew();
            var deadline = TimeSpan.FromSeconds(seconds);

            await Task.WhenAll(Enumerable.Range(0, options.Posters).Select(_ => Task.Run(async () =>
            {
                while (true)
                {
                    var i = Interlocked.Increment(ref issued);
                    if (i >= payloads.Length) return;
                    if (offered is { } r)
                    {
                        var due = TimeSpan.FromSeconds((double)i * options.BatchSize / r);
                        if (due >= deadline) return;
                        var wait = due - clock.Elapsed;
                        if (wait > TimeSpan.Zero) await Task.Delay(wait);
                    }
                    else if (clock.Elapsed >= deadline) return;
                    sentAt[first + i] = Stopwatch.GetTimestamp();
                    var (ok, ackMs) = await send(payloads[i]);
                    acks.Add(ackMs);
                    Interlocked.Add(ref accepted, ok);
                }
            })));
            var elapsed = clock.Elapsed.TotalSeconds;
            sampler?.Stop();
            sampler?.Print(accepted);
            processCpu = CpuTime.OfThisProcess() - processCpu;
            allocated = GC.GetTotalAllocatedBytes() - allocated;
            gcPause = GC.GetTotalPauseDuration() - gcPause;
            gen2 = GC.CollectionCount(2) - gen2;
            databaseCpu = CpuTime.OfPostgres(postgres?.DataDirectory) - databaseCpu;
            commits = await CommitsAsync(postgres) - commits;
            // Let the last frames reach the client before reading the latencies.
            for (var i = 0; i < 100 && Interlocked.Read(ref lastTotal) < totalBefore + accepted; i++) await Task.Delay(50);
            return new PhaseResult(label, accepted, elapsed, [.. acks], [.. wallLatencies], Interlocked.Read(ref framesSeen) - framesBefore, processCpu, databaseCpu, allocated, gcPause, gen2, commits);
        }

        await Drive("warm-up", 5_000, options.WarmupSeconds);
        var result = await Drive(name, rate, options.Seconds);
        Console.WriteLine(Describe(result));
        await wall.StopAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        return result;
    }

    /// <summary>The embedded default host (durable with <paramref name="postgres"/>) on its own loopback ports, demo feed off, three topics.</summary>
    internal static WebApplication BuildHost(int port, string? postgres = null) =>
        WebcareApp.Build([], builder =>
        {
            if (postgres is not null) builder.Configuration["ConnectionStrings:Postgres"] = postgres;
            builder.Configuration["urls"] = $"http://127.0.0.1:{port}";
            builder.Configuration["Orleans:SiloPort"] = FreePort().ToString();
            builder.Configuration["Orleans:GatewayPort"] = FreePort().ToString();
            builder.Configuration["Demo:Enabled"] = "false";
            builder.Configuration["Logging:LogLevel:Default"] = "Warning";
            builder.Configuration["Topics:0:Name"] = "wachttijd";
            builder.Configuration["Topics:0:Query"] = "wacht*, wachtlijst";
            builder.Configuration["Topics:1:Name"] = "parkeren";
            builder.Configuration["Topics:1:Query"] = "parkeren, parkeergarage";
            builder.Configuration["Topics:2:Name"] = "bereikbaarheid";
            builder.Configuration["Topics:2:Query"] = "onbereikbaar, \"in de wacht\", telefoon";
        });

    // pg_stat_database lags by up to a second (backends flush their counts at most once a second): fine over a phase.
    private static async Task<long> CommitsAsync(ThrowawayPostgres? postgres) => postgres is null
        ? 0
        : await postgres.ScalarAsync<long>("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");

    private static string Describe(PhaseResult r) =>
        $"{r.Name}: {r.Accepted:N0} mentions in {r.Seconds:F1} s = {r.PerSecond:N0}/s; ack p50 {P(r.AckMs, 50):F1} ms p99 {P(r.AckMs, 99):F1} ms; " +
        $"POST→wall p50 {P(r.WallMs, 50):F1} ms p99 {P(r.WallMs, 99):F1} ms over {r.WallMs.Length:N0} mentions shown; {r.FramesSeen} frames; " +
        $"CPU per mention: process {r.ProcessCpuMicrosPerMention:F1} µs, PostgreSQL {r.DatabaseCpuMicrosPerMention:F1} µs; " +
        $"allocated {r.AllocatedBytesPerMention:N0} B per mention (this process: host and clients); GC paused {r.GcPause.TotalMilliseconds / 10 / r.Seconds:F1} % of the time, {r.Gen2} gen-2 collections; " +
        $"PostgreSQL commits {r.CommitsPerSecond:N0}/s";

    internal static double P(double[] values, double percentile)
    {
        if (values.Length == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    internal static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;
    }

    internal static int FreePort() => LoopbackPorts.Free();
}
