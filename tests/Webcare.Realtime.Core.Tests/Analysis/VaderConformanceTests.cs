using System.Globalization;
using Webcare.Realtime.Core.Analysis;
using Xunit.Abstractions;

namespace Webcare.Realtime.Core.Tests.Analysis;

/// <summary>
/// English is read by VADER's rules: on 500-odd English texts that are in no evaluation set (VADER's own examples,
/// the English mentions and demo templates here, sentences written for each rule), the score agrees with the
/// authors' implementation (cjhutto/vaderSentiment) to ±0.001, except where <c>Data/vader-conformance.tsv</c> names
/// one of the project's deliberate differences for the text. A named difference must still be a difference, so the
/// list cannot go stale. The reference scores are in the file (written by tests/baselines/vader-conformance.sh), so
/// this test needs neither node nor Python.
/// </summary>
public sealed class VaderConformanceTests(ITestOutputHelper output)
{
    private const double Tolerance = 0.001;

    /// <summary>The deliberate differences (BENCHMARKS.md, "English conformance with VADER", says why each is kept).</summary>
    private static readonly HashSet<string> Differences =
    [
        "emoji",           // emoji weights from emoji.tsv; the authors' VADER scores an emoji's description, npm ignores emoji
        "emoticon",        // an emoticon is the writer's mood: no negation, booster or capitals shape it (VADER: ":D" is capitals)
        "language",        // not detected as English: read with the mixed lexicon
        "elongation",      // "loooove" is read (×1.25); VADER does not know the word
        "tokens",          // words joined by punctuation or a typographic apostrophe ("good.bad", "don’t") are read
        "short-token",     // the authors' VADER keeps "no." or "ok," (two letters and punctuation) as an unknown token
        "domain",          // healthcare terms VADER's raters did not rate (en-lexicon.tsv)
        "idiom",           // VADER's idiom special cases are phrases wherever they stand
        "no-no",           // "no" after "no" is emphasis, not a double negation
        "lexicon-version", // npm 1.1.3's lexicon; the authors' current one adds heart/hearts for emoji descriptions
    ];

    private sealed record Row(int Line, string Source, string Text, double Npm, double Vader, string Difference);

    private static readonly Lazy<List<Row>> Rows = new(Read);

    [Fact]
    public void The_file_covers_the_rules_and_VADERs_own_examples()
    {
        var rows = Rows.Value;
        Assert.True(rows.Count >= 500, $"{rows.Count} texts");
        Assert.Contains(rows, r => r.Source == "vader-readme");
        Assert.Contains(rows, r => r.Source.StartsWith("labeled-", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Source == "demo");
        Assert.All(rows, r => Assert.True(r.Difference.Length == 0 || Differences.Contains(r.Difference), $"line {r.Line}: unknown difference \"{r.Difference}\""));
    }

    [Fact]
    public void Every_text_scores_as_VADER_does_or_names_a_deliberate_difference()
    {
        var wrong = new List<string>();
        int agreeVader = 0, agreeNpm = 0;
        foreach (var row in Rows.Value)
        {
            var result = RuleSentimentScorer.Instance.Score(row.Text);
            var agrees = Math.Abs(result.Score - row.Vader) <= Tolerance;
            if (agrees) agreeVader++;
            if (Math.Abs(result.Score - row.Npm) <= Tolerance) agreeNpm++;
            if (agrees == (row.Difference.Length == 0)) continue;
            var evidence = string.Join(" ", result.Evidence.Select(e => $"{e.Term}={e.Weight}"));
            wrong.Add(agrees
                ? $"line {row.Line}: agrees with VADER ({row.Vader}) but names the difference \"{row.Difference}\": {row.Text}"
                : $"line {row.Line}: {result.Score} ({result.Language}; {evidence}) against VADER's {row.Vader}: {row.Text}");
        }
        output.WriteLine($"{Rows.Value.Count} texts; agree to ±{Tolerance} with cjhutto/vaderSentiment: {agreeVader}, with npm vader-sentiment: {agreeNpm}");

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static List<Row> Read()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "vader-conformance.tsv");
        var rows = new List<Row>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("source\t", StringComparison.Ordinal)) continue;
            var cells = line.Split('\t');
            if (cells.Length != 5) throw new InvalidDataException($"{path}, line {i + 1}: expected 5 tab-separated cells, got {cells.Length}");
            rows.Add(new Row(i + 1, cells[0], cells[1], Number(cells[2], path, i), Number(cells[3], path, i), cells[4]));
        }
        return rows;
    }

    private static double Number(string cell, string path, int i) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"{path}, line {i + 1}: \"{cell}\" is not a number");
}
