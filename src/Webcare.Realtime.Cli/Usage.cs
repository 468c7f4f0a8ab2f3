namespace Webcare.Realtime.Cli;

internal static class Usage
{
    public const string Text = """
        webcare: tools for Webcare Realtime

          webcare demo [--minutes 60] [--from <ISO time>] [--seed 2026]
              Writes the built-in Dutch demo stream as NDJSON (the ingest contract) to stdout.
          webcare check [<file.ndjson> | -]
              Validates NDJSON mentions locally; prints 'file:line: message' for each bad line.
          webcare analyze [<file.txt> | -]
              One text per line in, one JSON analysis per line out: language, sentiment with evidence,
              complaint categories with their terms, personal data and the redacted text.
          webcare replay [--url http://127.0.0.1:5080] [--batch 500] [--rate <mentions/s>] [<file.ndjson> | -]
              Posts NDJSON mentions to a running service in batches; retries what was not acknowledged.
          webcare nab --data <NAB data dir> --out <results dir> [--detector webcare|webcareRaise|webcareRaw|windowedGaussian]
              Runs a detector over NAB's realTweets series in stream order and writes NAB result files.
        """;

    public static int Print(TextWriter to, int exitCode, string? error = null)
    {
        if (error is not null) to.WriteLine("webcare: " + error);
        to.WriteLine(Text);
        return exitCode;
    }
}
