using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Webcare.Realtime.Core.Privacy;

namespace Webcare.Realtime.Core.Analysis.Evaluation;

/// <summary>True and false positives and false negatives of one label, and what they give.</summary>
public sealed record Counts(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public int Expected => TruePositives + FalseNegatives;
    /// <summary>1 when nothing was predicted: no claim, no false claim.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    /// <summary>1 when nothing was expected.</summary>
    public double Recall => Expected == 0 ? 1 : (double)TruePositives / Expected;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public Counts Add(Counts other) => new(TruePositives + other.TruePositives, FalsePositives + other.FalsePositives, FalseNegatives + other.FalseNegatives);
}

/// <summary>
/// Precision and recall of the complaint categories and of the PII detector against a labeled set. A found
/// piece of personal data counts when its kind matches a labeled one and their spans overlap (exact spans are
/// counted apart). Every miss and false alarm is listed by row id, to read, not to fit the held-out half on.
/// </summary>
public sealed class EnrichmentScorecard
{
    public required int Rows { get; init; }
    public required ImmutableDictionary<ComplaintCategory, Counts> Categories { get; init; }
    public required ImmutableDictionary<PiiKind, Counts> Pii { get; init; }
    public required ImmutableDictionary<PiiKind, Counts> PiiExact { get; init; }
    public required ImmutableArray<string> Mistakes { get; init; }

    public Counts AllCategories => Categories.Values.Aggregate(new Counts(0, 0, 0), (a, b) => a.Add(b));
    public Counts AllPii => Pii.Values.Aggregate(new Counts(0, 0, 0), (a, b) => a.Add(b));

    public static EnrichmentScorecard Score(IEnumerable<LabeledMention> rows, ISentimentScorer sentiment)
    {
        var categories = Enum.GetValues<ComplaintCategory>().ToDictionary(c => c, _ => new int[3]);
        var pii = Enum.GetValues<PiiKind>().ToDictionary(k => k, _ => new int[3]);
        var piiExact = Enum.GetValues<PiiKind>().ToDictionary(k => k, _ => new int[3]);
        var mistakes = ImmutableArray.CreateBuilder<string>();
        var count = 0;
        foreach (var row in rows)
        {
            count++;
            var analysis = TextAnalysis.Of(row.Text, sentiment);
            var found = analysis.Categories.Select(c => c.Category).ToHashSet();
            foreach (var category in Enum.GetValues<ComplaintCategory>())
            {
                var expected = row.Categories.Contains(category);
                var predicted = found.Contains(category);
                if (expected && predicted) categories[category][0]++;
                else if (predicted)
                {
                    categories[category][1]++;
                    var terms = analysis.Categories.First(c => c.Category == category).Terms;
                    mistakes.Add($"{row.Id} extra {category.WireName()} ({string.Join(", ", terms)}): {row.Text}");
                }
                else if (expected)
                {
                    categories[category][2]++;
                    mistakes.Add($"{row.Id} missed {category.WireName()}: {row.Text}");
                }
            }
            ScorePii(row, analysis.Privacy.Matches, pii, piiExact, mistakes);
        }
        return new EnrichmentScorecard
        {
            Rows = count,
            Categories = categories.ToImmutableDictionary(p => p.Key, p => new Counts(p.Value[0], p.Value[1], p.Value[2])),
            Pii = pii.ToImmutableDictionary(p => p.Key, p => new Counts(p.Value[0], p.Value[1], p.Value[2])),
            PiiExact = piiExact.ToImmutableDictionary(p => p.Key, p => new Counts(p.Value[0], p.Value[1], p.Value[2])),
            Mistakes = mistakes.ToImmutable(),
        };
    }

    private static void ScorePii(LabeledMention row, ImmutableArray<PiiMatch> found, Dictionary<PiiKind, int[]> overlap,
        Dictionary<PiiKind, int[]> exact, ImmutableArray<string>.Builder mistakes)
    {
        var expected = row.Pii.Select(p => (p.Kind, Start: row.Text.IndexOf(p.Text, StringComparison.Ordinal), p.Text.Length)).ToList();
        var used = new bool[found.Length];
        foreach (var (kind, start, length) in expected)
        {
            var hit = -1;
            for (var k = 0; k < found.Length && hit < 0; k++)
                if (!used[k] && found[k].Kind == kind && found[k].Start < start + length && start < found[k].Start + found[k].Length) hit = k;
            if (hit < 0)
            {
                overlap[kind][2]++;
                exact[kind][2]++;
                mistakes.Add($"{row.Id} missed {kind.WireName()} '{row.Text.Substring(start, length)}': {row.Text}");
                continue;
            }
            used[hit] = true;
            overlap[kind][0]++;
            if (found[hit].Start == start && found[hit].Length == length) exact[kind][0]++;
            else
            {
                exact[kind][1]++;
                exact[kind][2]++;
            }
        }
        for (var k = 0; k < found.Length; k++)
        {
            if (used[k]) continue;
            overlap[found[k].Kind][1]++;
            exact[found[k].Kind][1]++;
            mistakes.Add($"{row.Id} extra {found[k].Kind.WireName()} '{row.Text.Substring(found[k].Start, found[k].Length)}': {row.Text}");
        }
    }

    /// <summary>The table BENCHMARKS.md shows: per label, expected count, precision, recall and F1.</summary>
    public string Table(string title)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{title}: {Rows} rows");
        text.AppendLine("| label | expected | TP | FP | FN | precision | recall | F1 |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (category, counts) in Categories.OrderBy(p => p.Key)) Row(text, category.WireName(), counts);
        Row(text, "**all categories (micro)**", AllCategories);
        foreach (var (kind, counts) in Pii.OrderBy(p => p.Key)) Row(text, "pii " + kind.WireName(), counts);
        Row(text, "**all PII (micro, overlap)**", AllPii);
        Row(text, "all PII (micro, exact span)", PiiExact.Values.Aggregate(new Counts(0, 0, 0), (a, b) => a.Add(b)));
        return text.ToString();
    }

    private static void Row(StringBuilder text, string label, Counts c) =>
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {label} | {c.Expected} | {c.TruePositives} | {c.FalsePositives} | {c.FalseNegatives} | {c.Precision:0.00} | {c.Recall:0.00} | {c.F1:0.00} |");
}
