using System.Text;
using Webcare.Realtime.Core.Demo;
using Webcare.Realtime.Core.Ingest;

namespace Webcare.Realtime.Cli;

internal static class DemoCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        try
        {
            var parsed = new Arguments(args, "--minutes", "--from", "--seed");
            var minutes = parsed.GetInt("--minutes", 60);
            var from = parsed.Get("--from") is { } f
                ? MentionBatchParser.TryParseTimestamp(f, out var at) ? at : throw new ArgumentException($"--from '{f}' is not an ISO 8601 time with a zone")
                : DateTimeOffset.UtcNow.AddMinutes(-minutes);
            var feed = new DemoFeed(DemoFeedOptions.Default with { Seed = parsed.GetInt("--seed", (int)DemoFeedOptions.Default.Seed, 0) });
            foreach (var mention in feed.Generate(from, from.AddMinutes(minutes)))
                output.WriteLine(Encoding.UTF8.GetString(MentionJsonWriter.ToLine(mention)));
            return 0;
        }
        catch (ArgumentException ex)
        {
            return Usage.Print(Console.Error, 2, ex.Message);
        }
    }
}
