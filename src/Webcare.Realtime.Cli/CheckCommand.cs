using Webcare.Realtime.Core.Ingest;

namespace Webcare.Realtime.Cli;

/// <summary>Runs the service's own parser over a file, so a bad export is found before it is sent.</summary>
internal static class CheckCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        (Stream Stream, string Name) input;
        try
        {
            input = new Arguments(args).OpenInput();
        }
        catch (ArgumentException ex)
        {
            return Usage.Print(errors, 2, ex.Message);
        }
        using var stream = input.Stream;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var body = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var parser = new MentionBatchParser(IngestLimits.Default with { MaxItemsPerBatch = int.MaxValue });
        var result = parser.ParseNdjson(body, DateTimeOffset.UtcNow);
        foreach (var error in result.Errors) errors.WriteLine($"{input.Name}:{error.Line}: {error.Message}");
        output.WriteLine($"{result.Mentions.Count} valid, {result.Errors.Count} invalid");
        return result.Errors.Count == 0 ? 0 : 1;
    }
}
