using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Analysis.Evaluation;
using Webcare.Realtime.Core.Privacy;

namespace Webcare.Realtime.Core.Tests.Analysis.Evaluation;

/// <summary>
/// The complaint categories and the PII detector against the hand-labeled set (Data/README.md). The dev half
/// was read while the term lists were built, so its floors are the product's targets; the held-out half was
/// only measured, and its floors guard the figures in BENCHMARKS.md against regressions.
/// </summary>
public sealed class EnrichmentScorecardTests
{
    private static readonly Lazy<List<LabeledMention>> Rows = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "labeled-mentions.jsonl");
        Assert.True(File.Exists(path), $"the labeled set is missing: {path}");
        return [.. File.ReadLines(path).Where(l => l.Length > 0).Select(LabeledMention.Parse)];
    });

    private static EnrichmentScorecard Score(string split) =>
        EnrichmentScorecard.Score(Rows.Value.Where(r => r.Split == split), RuleSentimentScorer.Instance);

    [Fact]
    public void TheSet_HasAtLeast300Rows_InTwoHalves_AndEveryCategoryInEach()
    {
        Assert.True(Rows.Value.Count >= 300, $"{Rows.Value.Count} rows");
        Assert.Equal(Rows.Value.Count, Rows.Value.Select(r => r.Id).Distinct().Count());
        foreach (var split in new[] { "dev", "heldout" })
        {
            var half = Rows.Value.Where(r => r.Split == split).ToList();
            Assert.True(half.Count >= 150, $"{split}: {half.Count} rows");
            foreach (var category in Enum.GetValues<ComplaintCategory>())
                Assert.True(half.Count(r => r.Categories.Contains(category)) >= 8, $"{split}: too few {category}");
        }
    }

    [Fact]
    public void Categories_OnTheDevHalf_MeetTheProductTargets()
    {
        var card = Score("dev");
        Assert.True(card.AllCategories.Precision >= 0.90 && card.AllCategories.Recall >= 0.85, card.Table("dev"));
        foreach (var (category, counts) in card.Categories)
            Assert.True(counts.Precision >= 0.80 && counts.Recall >= 0.75, $"{category}: " + card.Table("dev"));
    }

    [Fact]
    public void Categories_OnTheHeldOutHalf_StayAtTheirMeasuredLevel()
    {
        // Measured 0.78 / 0.70 (BENCHMARKS.md): below the dev targets, the gap a rule list fitted on one half shows.
        var card = Score("heldout");
        Assert.True(card.AllCategories.Precision >= 0.75 && card.AllCategories.Recall >= 0.65, card.Table("heldout"));
        foreach (var (category, counts) in card.Categories)
            Assert.True(counts.Precision >= 0.55 && counts.Recall >= 0.40, $"{category}: " + card.Table("heldout"));
    }

    [Fact]
    public void Pii_OnTheWholeSet_FindsTheCheckedKindsExactly_AndMostOfTheRest()
    {
        // The PII detector was not changed while building the set, so both halves are unseen for it.
        var card = EnrichmentScorecard.Score(Rows.Value, RuleSentimentScorer.Instance);
        var table = card.Table("all");
        // A BSN passes the 11-test and an IBAN mod-97: never a false one, none missed.
        Assert.True(card.Pii[PiiKind.Bsn] is { Precision: 1, Recall: 1 }, table);
        Assert.True(card.Pii[PiiKind.Iban].Recall == 1 && card.Pii[PiiKind.Email] is { Precision: 1, Recall: 1 }, table);
        Assert.True(card.AllPii.Precision >= 0.75 && card.AllPii.Recall >= 0.80, table);
        Assert.True(card.Pii[PiiKind.Phone].Recall >= 0.70 && card.Pii[PiiKind.DateOfBirth].Recall >= 0.70, table);
    }

    [Fact]
    public void Score_CountsOverlapsAsHits_AndListsEveryMistake()
    {
        LabeledMention[] rows =
        [
            LabeledMention.Parse("""{"id":"a","split":"x","text":"Al 3 uur wachten, bel 06-12345678","categories":["waitingTime","costs"],"pii":[{"type":"phone","text":"bel 06-12345678"}]}"""),
            LabeledMention.Parse("""{"id":"b","split":"x","text":"Datalek!","categories":[],"pii":[]}"""),
        ];

        var card = EnrichmentScorecard.Score(rows, RuleSentimentScorer.Instance);

        Assert.Equal(new Counts(1, 0, 0), card.Categories[ComplaintCategory.WaitingTime]);
        Assert.Equal(new Counts(0, 0, 1), card.Categories[ComplaintCategory.Costs]);
        Assert.Equal(new Counts(0, 1, 0), card.Categories[ComplaintCategory.Privacy]);
        Assert.Equal(new Counts(1, 0, 0), card.Pii[PiiKind.Phone]);
        Assert.Equal(new Counts(0, 1, 1), card.PiiExact[PiiKind.Phone]);
        Assert.Equal(2, card.Mistakes.Length);
        Assert.Contains(card.Mistakes, m => m.StartsWith("b extra privacy (datalek)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"id":"a","split":"x","text":"t","categories":["bogus"],"pii":[]}""", "unknown category")]
    [InlineData("""{"id":"a","split":"x","text":"t","categories":[],"pii":[{"type":"phone","text":"06"}]}""", "not in the text")]
    [InlineData("""{"id":"a"}""", "not a labeled mention")]
    public void Parse_BadRows_SayWhatIsWrong(string line, string message)
    {
        var error = Assert.Throws<FormatException>(() => LabeledMention.Parse(line));
        Assert.Contains(message, error.Message);
    }
}
