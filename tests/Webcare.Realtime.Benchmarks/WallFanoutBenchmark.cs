using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Webcare.Realtime.Core.Wall;
using Webcare.Realtime.Host;

namespace Webcare.Realtime.Benchmarks;

/// <summary>
/// Many walls on one host under ingest: N real .NET SignalR clients (WebSockets) on the wall hub while
/// mentions are POSTed over HTTP at a fixed offered rate. Per frame a client receives, the delay of the
/// oldest mention in it (POST sent → frame received: the worst mention of the frame), and the frames per
/// second each client gets. The same measurement at 1 client runs first, in the same process, as the
/// comparison.
/// </summary>
internal static class WallFanoutBenchmark
{
    private sealed record Result(int Clients, long Accepted, double Seconds, double[] DelayMs, long[] FramesPerClient);

    public static async Task<int> RunAsync(string[] args)
    {
        int clients = IngestBenchmark.Arg(args, "--clients", 200), rate = IngestBenchmark.Arg(args, "--rate", 10_000);
        int seconds = IngestBenchmark.Arg(args, "--seconds", 30), batch = IngestBenchmark.Arg(args, "--batch", 1000);
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
        Console.WriteLine($"offered {rate:N0} mentions/s over HTTP in batches of {batch} for {seconds} s; walls: 1, then {clients}");
        var results = new List<Result>();
        foreach (var n in new[] { 1, clients }) results.Add(await RunPhaseAsync(n, rate, seconds, batch));

        Console.WriteLine();
        Console.WriteLine("| walls | mentions/s accepted | delay p50 ms | delay p99 ms | delay max ms | frames/s per wall (mean) | frames/s per wall (min) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
            Console.WriteLine($"| {r.Clients} | {r.Accepted / r.Seconds:N0} | {IngestBenchmark.P(r.DelayMs, 50):F0} | {IngestBenchmark.P(r.DelayMs, 99):F0} | " +
                $"{(r.DelayMs.Length == 0 ? double.NaN : r.DelayMs.Max()):F0} | {r.FramesPerClient.Average() / r.Seconds:F2} | {r.FramesPerClient.Min() / r.Seconds:F2} |");
        Console.WriteLine($"p99 ratio {clients} walls / 1 wall: {IngestBenchmark.P(results[1].DelayMs, 99) / IngestBenchmark.P(results[0].DelayMs, 99):F2}");
        return 0;
    }

    private static async Task<Result> RunPhaseAsync(int clientCount, int rate, int seconds, int batch)
    {
        var port = IngestBenchmark.FreePort();
        var app = IngestBenchmark.BuildHost(port);
        await app.StartAsync();
        var sentAt = new ConcurrentDictionary<int, long>();
        var delays = new ConcurrentQueue<double>();
        var frames = new long[clientCount];
        var measuring = 0;

        var walls = new List<HubConnection>();
        for (var c = 0; c < clientCount; c++)
        {
            var index = c;
            var wall = new HubConnectionBuilder()
                .WithUrl($"http://127.0.0.1:{port}/hubs/wall", HttpTransportType.WebSockets)
                .AddJsonProtocol(o => WebcareApp.ConfigureJson(o.PayloadSerializerOptions))
                .Build();
            wall.On<WallFrame>("frame", frame =>
            {
                var now = Stopwatch.GetTimestamp();
                if (Volatile.Read(ref measuring) == 0) return;
                Interlocked.Increment(ref frames[index]);
                var oldest = long.MaxValue;
                foreach (var m in frame.Mentions)
                    if (sentAt.TryGetValue(BenchmarkMentions.BatchOf(m.Id), out var sent) && sent < oldest) oldest = sent;
                if (oldest != long.MaxValue) delays.Enqueue(Stopwatch.GetElapsedTime(oldest, now).TotalMilliseconds);
            });
            walls.Add(wall);
        }
        foreach (var chunk in walls.Chunk(20)) await Task.WhenAll(chunk.Select(w => w.StartAsync()));

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) };
        var batches = (int)((long)(seconds + 3) * rate / batch);
        var payloads = Enumerable.Range(0, batches).Select(b => BenchmarkMentions.Batch(b, batch, DateTimeOffset.UtcNow)).ToArray();
        long accepted = 0;

        // 3 s of warm-up at the same rate, then the measured window.
        var warmup = 3 * rate / batch;
        var clock = Stopwatch.StartNew();
        double measuredFrom = 0;
        var posters = Enumerable.Range(0, 4).Select(p => Task.Run(async () =>
        {
            for (var i = p; i < batches; i += 4)
            {
                var due = TimeSpan.FromSeconds((double)i * batch / rate);
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
                if (i == warmup) { measuredFrom = clock.Elapsed.TotalSeconds; Volatile.Write(ref measuring, 1); }
                sentAt[i] = Stopwatch.GetTimestamp();
                using var content = new ByteArrayContent(payloads[i]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
                using var response = await http.PostAsync("api/mentions", content);
                if (response.StatusCode != HttpStatusCode.Accepted) throw new InvalidOperationException($"ingest answered {response.StatusCode}");
                if (i >= warmup) Interlocked.Add(ref accepted, batch);
            }
        })).ToArray();
        await Task.WhenAll(posters);
        await Task.Delay(1000); // the last frames
        Volatile.Write(ref measuring, 0);
        var elapsed = clock.Elapsed.TotalSeconds - measuredFrom;

        var result = new Result(clientCount, accepted, elapsed, [.. delays], frames);
        Console.WriteLine($"{clientCount} walls: {accepted:N0} mentions in {elapsed:F1} s, {result.DelayMs.Length:N0} frames with a traced mention, " +
            $"p50 {IngestBenchmark.P(result.DelayMs, 50):F0} ms p99 {IngestBenchmark.P(result.DelayMs, 99):F0} ms");
        foreach (var chunk in walls.Chunk(50)) await Task.WhenAll(chunk.Select(w => w.DisposeAsync().AsTask()));
        await app.StopAsync();
        await app.DisposeAsync();
        return result;
    }
}
