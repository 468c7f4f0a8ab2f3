using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Analysis.Evaluation;
using static Webcare.Realtime.Benchmarks.BenchmarkOptions;

namespace Webcare.Realtime.Benchmarks;

/// <summary>
/// <c>enrichment-quality</c>: precision and recall of the complaint categories and the PII detector on the
/// labeled set, per half (dev: looked at while building the term lists; heldout: only measured), as the
/// tables in BENCHMARKS.md. <c>--mistakes dev</c> also lists every miss and false alarm of that half.
/// </summary>
internal static class EnrichmentQuality
{
    public const string DefaultData = "tests/Webcare.Realtime.Core.Tests/Data/labeled-mentions.jsonl";

    public static int Run(string[] args)
    {
        var path = Option(args, "--data") ?? DefaultData;
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"labeled set not found: {path} (run from the repository root or pass --data)");
            return 2;
        }
        var rows = new List<LabeledMention>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0) continue;
            try { rows.Add(LabeledMention.Parse(line)); }
            catch (FormatException ex)
            {
                Console.Error.WriteLine($"{path}:{number}: {ex.Message}");
                return 1;
            }
        }
        var showMistakes = Option(args, "--mistakes");
        foreach (var split in new[] { "dev", "heldout" })
        {
            var card = EnrichmentScorecard.Score(rows.Where(r => r.Split == split), RuleSentimentScorer.Instance);
            Console.WriteLine(card.Table(split));
            if (showMistakes == split)
                foreach (var mistake in card.Mistakes) Console.WriteLine("  " + mistake);
        }
        Console.WriteLine(EnrichmentScorecard.Score(rows, RuleSentimentScorer.Instance).Table("all"));
        return 0;
    }
}
