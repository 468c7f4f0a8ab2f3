using System.Diagnostics;
using System.Globalization;

namespace Webcare.Realtime.Benchmarks.Enrichment;

/// <summary>
/// The same operations as <see cref="EnrichmentBenchmarks"/>, timed by the process's CPU time as well as the
/// clock: <c>enrichment-cpu [--seconds 5]</c>. On a shared machine the clock counts the time other processes
/// hold the core; CPU time counts only this process (the benchmark thread, plus JIT and GC threads), so
/// 1 / (CPU time per mention) is the rate one core sustains.
/// </summary>
public static class EnrichmentCpuTime
{
    public static int Run(string[] args)
    {
        var seconds = args.Length > 1 && args[0] == "--seconds" ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var bench = new EnrichmentBenchmarks();
        bench.Setup();
        (string Name, Func<object> Call)[] operations =
        [
            ("whole enrichment, 200 boolean topics", bench.Enrich),
            ("tokenisation (shared by all analyses)", () => bench.Tokens()),
            ("language", () => bench.Language()),
            ("language + sentiment", bench.Sentiment),
            ("complaint categories", () => bench.Categories()),
            ("PII scan + redaction", bench.Pii),
            ("text analysis: language, sentiment, categories, PII", bench.Text),
            ("200 boolean topics", () => bench.Topics()),
            ("200 OR-list topics, query-language matcher", () => bench.FirstSyntaxAfter()),
            ("200 OR-list topics, matcher before (e389fd8)", () => bench.FirstSyntaxBefore()),
            ("whole enrichment again, measured last", bench.Enrich),
        ];
        Console.WriteLine($"| operation | CPU µs/mention | mentions per CPU-second | clock µs/mention | bytes allocated/mention |");
        Console.WriteLine($"|---|---:|---:|---:|---:|");
        foreach (var (name, call) in operations)
        {
            // Past JIT tiering first.
            for (var i = 0; i < 50_000; i++) call();
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            var calls = 0L;
            while (watch.Elapsed.TotalSeconds < seconds)
            {
                for (var i = 0; i < 1_000; i++) call();
                calls += 1_000;
            }
            var clock = watch.Elapsed;
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {cpu.TotalMicroseconds / calls:0.00} | {calls / cpu.TotalSeconds:N0} | {clock.TotalMicroseconds / calls:0.00} | {allocated / calls:N0} |"));
        }
        return 0;
    }
}
