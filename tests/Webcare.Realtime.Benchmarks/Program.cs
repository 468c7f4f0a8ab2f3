using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Webcare.Realtime.Benchmarks;
using Webcare.Realtime.Benchmarks.Enrichment;

// dotnet run -c Release --project tests/Webcare.Realtime.Benchmarks -- <benchmark> [options]; see BENCHMARKS.md.
return args.FirstOrDefault() switch
{
    "ingest" => await IngestBenchmark.RunAsync(args[1..]),
    "ingest-durable" => await DurableIngestBenchmark.RunAsync(args[1..]),
    "wall-fanout" => await WallFanoutBenchmark.RunAsync(args[1..]),
    "demo-detection" => DemoDetectionBenchmark.Run(args[1..]),
    "nab" => NabBenchmark.Run(args[1..]),
    "sentiment" => SentimentEvaluation.Run(args[1..]),
    "sentiment-speed" => SentimentSpeed.Run(args[1..]),
    "sentiment-learn" => SentimentEvaluation.Learn(args[1..]),
    "enrichment" => RunEnrichment(args[1..]),
    "enrichment-cpu" => EnrichmentCpuTime.Run(args[1..]),
    "enrichment-quality" => EnrichmentQuality.Run(args[1..]),
    _ => Usage(),
};

// In-process: one mention per call is far above timer resolution, and it spares a second build of the host.
static int RunEnrichment(string[] args)
{
    var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(5).WithIterationCount(15);
    var summary = BenchmarkRunner.Run<EnrichmentBenchmarks>(DefaultConfig.Instance.AddJob(job), args);
    return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: Webcare.Realtime.Benchmarks ingest [--seconds 20] [--rate 20000] [--batch 1000] [--posters 4]");
    Console.Error.WriteLine("       Webcare.Realtime.Benchmarks ingest-durable [--seconds 20] [--rate 30000] [--batch 1000] [--posters 4] [--postgres-stock] [--postgres-setting name=value] [--allocations]");
    Console.Error.WriteLine("       Webcare.Realtime.Benchmarks wall-fanout [--clients 200] [--rate 10000] [--seconds 30] [--batch 1000]");
    Console.Error.WriteLine("       Webcare.Realtime.Benchmarks demo-detection [--warmup-days 3] [--days 2] [--incident-period-minutes 30] [--tone-period-minutes 360 (0: none)] [--seed 2026]");
    Console.Error.WriteLine("       Webcare.Realtime.Benchmarks nab [--data ../shared/data/nab] [--results <dir written by webcare nab>] [--held-out [--family <text>]]");
    Console.Error.WriteLine("       Webcare.Realtime.Benchmarks sentiment --data ../shared/data/sentiment [--split test|train] [--out artifacts/sentiment] [--band 0.05]");
    Console.Error.WriteLine("       Webcare.Realtime.Benchmarks sentiment-speed [--seconds 5]");
    Console.Error.WriteLine("       Webcare.Realtime.Benchmarks enrichment [BenchmarkDotNet options, e.g. --filter *Topics*]");
    Console.Error.WriteLine("       Webcare.Realtime.Benchmarks enrichment-cpu [--seconds 5]");
    Console.Error.WriteLine("       Webcare.Realtime.Benchmarks sentiment-learn --data ../shared/data/sentiment [--out src/Webcare.Realtime.Core/Analysis/Lexicons/nl-learned.tsv] [--skip-filler-words]");
    Console.Error.WriteLine("       Webcare.Realtime.Benchmarks enrichment-quality [--data tests/Webcare.Realtime.Core.Tests/Data/labeled-mentions.jsonl] [--mistakes dev]");
    return 2;
}
