using Webcare.Realtime.Benchmarks;

// dotnet run -c Release --project tests/Webcare.Realtime.Benchmarks -- <benchmark> [options]; see BENCHMARKS.md.
return args.FirstOrDefault() switch
{
    "ingest" => await IngestBenchmark.RunAsync(args[1..]),
    "wall-fanout" => await WallFanoutBenchmark.RunAsync(args[1..]),
    "demo-detection" => DemoDetectionBenchmark.Run(args[1..]),
    "nab" => NabBenchmark.Run(args[1..]),
    "sentiment" => SentimentEvaluation.Run(args[1..]),
    "sentiment-speed" => SentimentSpeed.Run(args[1..]),
    "sentiment-learn" => SentimentEvaluation.Learn(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Webcare.Realtime.Benchmarks ingest [--seconds 20] [--rate 20000] [--batch 1000] [--posters 4]");
    Console.Error.WriteLine("       Webcare.Realtime.Benchmarks wall-fanout [--clients 200] [--rate 10000] [--seconds 30] [--batch 1000]");
    Console.Error.WriteLine("       Webcare.Realtime.Benchmarks demo-detection [--warmup-days 3] [--days 2] [--incident-period-minutes 30] [--seed 2026]");
    Console.Error.WriteLine("       Webcare.Realtime.Benchmarks nab [--data ../shared/data/nab] [--results <dir written by webcare nab>]");
    Console.Error.WriteLine("       Webcare.Realtime.Benchmarks sentiment --data ../shared/data/sentiment [--split test|train] [--out artifacts/sentiment] [--band 0.05]");
    Console.Error.WriteLine("       Webcare.Realtime.Benchmarks sentiment-speed [--seconds 5]");
    Console.Error.WriteLine("       Webcare.Realtime.Benchmarks sentiment-learn --data ../shared/data/sentiment [--out src/Webcare.Realtime.Core/Analysis/Lexicons/nl-learned.tsv]");
    return 2;
}
