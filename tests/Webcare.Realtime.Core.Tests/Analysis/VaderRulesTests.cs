using Webcare.Realtime.Core.Analysis;

namespace Webcare.Realtime.Core.Tests.Analysis;

/// <summary>
/// English follows VADER's published rules: the compound scores VADER's README prints for its own example
/// sentences (vaderSentiment, README "Demo"), which are not rows of any evaluation set here. Left out: the
/// emoticon and emoji examples, because emoji weights are the project's own (emoji.tsv) and VADER counts ":D" as
/// capitals. VaderConformanceTests compares 510 texts.
/// </summary>
public sealed class VaderRulesTests
{
    [Theory]
    [InlineData("VADER is smart, handsome, and funny.", 0.8316)]
    [InlineData("VADER is smart, handsome, and funny!", 0.8439)]
    [InlineData("VADER is very smart, handsome, and funny.", 0.8545)]
    [InlineData("VADER is VERY SMART, handsome, and FUNNY.", 0.9227)]
    [InlineData("VADER is VERY SMART, handsome, and FUNNY!!!", 0.9342)]
    [InlineData("VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!", 0.9469)]
    [InlineData("VADER is not smart, handsome, nor funny.", -0.7424)]
    [InlineData("The book was good.", 0.4404)]
    [InlineData("At least it isn't a horrible book.", 0.431)]
    [InlineData("The book was only kind of good.", 0.3832)]
    [InlineData("The plot was good, but the characters are uncompelling and the dialog is not great.", -0.7042)]
    [InlineData("Today SUX!", -0.5461)]
    [InlineData("Today only kinda sux! But I'll get by, lol", 0.5249)]
    [InlineData("Not bad at all", 0.431)]
    public void ReadmeExamples_ScoreAsVaderDoes(string text, double vader) => AssertVader(text, vader);

    /// <summary>
    /// A word VADER's raters rated keeps their mean rating in English: the hand list does not re-rate it (scores of
    /// the authors' vaderSentiment; the hand list had thanks 2, thank you 2.5, helpful 2, rude 2.5, ignored 2.5).
    /// </summary>
    [Theory]
    [InlineData("The nurse was not rude.", 0.357)]
    [InlineData("Thanks!", 0.4926)]
    [InlineData("Thank you!!", 0.4738)]
    [InlineData("Nobody was helpful.", 0.4215)]
    [InlineData("They ignored us.", -0.3182)]
    public void Words_VADER_rates_keep_VADERs_rating(string text, double vader) => AssertVader(text, vader);

    /// <summary>A hashtag in English is its word, as in VADER (no ×1.2 of the project's own).</summary>
    [Theory]
    [InlineData("#great", 0.6249)]
    [InlineData("Waited 5 hours at the ER #fail", -0.5423)]
    [InlineData("Hospital food #sad #awful", -0.7269)]
    public void A_hashtag_reads_as_its_word(string text, double vader) => AssertVader(text, vader);

    private static void AssertVader(string text, double vader)
    {
        var result = RuleSentimentScorer.Instance.Score(text);

        Assert.Equal(TextLanguage.English, result.Language);
        Assert.True(Math.Abs(result.Score - vader) <= 0.001,
            $"{text}: {result.Score} against VADER's {vader}; evidence {string.Join(" ", result.Evidence.Select(e => $"{e.Term}={e.Weight}"))}");
    }
}
