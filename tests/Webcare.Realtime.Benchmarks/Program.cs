using Webcare.Realtime.Benchmarks;

// dotnet run -c Release --project tests/Webcare.Realtime.Benchmarks -- <benchmark> [options]; see BENCHMARKS.md.
return args.FirstOrDefault() switch
{
    "ingest" => await IngestBenchmark.RunAsync(args[1..]),
    "nab" => NabBenchmark.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Webcare.Realtime.Benchmarks ingest [--seconds 20] [--rate 20000] [--batch 1000] [--posters 4]");
    Console.Error.WriteLine("       Webcare.Realtime.Benchmarks nab [--data ../shared/data/nab] [--results <dir written by webcare nab>]");
    return 2;
}
