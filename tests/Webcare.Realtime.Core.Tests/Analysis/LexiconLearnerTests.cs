using Webcare.Realtime.Core.Analysis;

namespace Webcare.Realtime.Core.Tests.Analysis;

public sealed class LexiconLearnerTests
{
    private static IEnumerable<(SentimentLabel, string)> Corpus()
    {
        for (var i = 0; i < 10; i++)
        {
            yield return (SentimentLabel.Positive, $"prachtboek nummer{i} ik lees het graag");
            yield return (SentimentLabel.Negative, $"prutsding nummer{i} ik lees het niet graag");
            yield return (SentimentLabel.Neutral, "prutsding prutsding");
        }
    }

    [Fact]
    public void Learn_WeighsWordsByWhichLabelTheyAppearIn()
    {
        var learned = LexiconLearner.Learn(Corpus()).ToDictionary(x => x.Word, x => x.Weight);

        Assert.True(learned["prachtboek"] > 1);
        Assert.True(learned["prutsding"] < -1);
        Assert.False(learned.ContainsKey("graag")); // in both classes equally
        Assert.False(learned.ContainsKey("niet")); // a negator is a rule, not an opinion
        Assert.False(learned.ContainsKey("ik")); // function word
        Assert.False(learned.ContainsKey("nummer3")); // too rare
    }
}
