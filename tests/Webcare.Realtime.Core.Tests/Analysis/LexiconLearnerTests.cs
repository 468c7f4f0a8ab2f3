using Webcare.Realtime.Core.Analysis;

namespace Webcare.Realtime.Core.Tests.Analysis;

public sealed class LexiconLearnerTests
{
    private static IEnumerable<(SentimentLabel, string)> Corpus()
    {
        for (var i = 0; i < 10; i++)
        {
            yield return (SentimentLabel.Positive, $"prachtboek nummer{i} ik lees het graag");
            // "iemand" and "misschien" lean negative here as they do in real complaints; stopwords.tsv lists them.
            yield return (SentimentLabel.Negative, $"prutsding nummer{i} ik lees het niet graag, iemand misschien");
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
        Assert.False(learned.ContainsKey("ik")); // function word of the language detector
        Assert.True(learned["iemand"] < -1); // a filler word of stopwords.tsv only when asked (below)
    }

    [Fact]
    public void Learn_can_skip_the_filler_words_of_stopwords_tsv()
    {
        var learned = LexiconLearner.Learn(Corpus(), new LexiconLearner.Options(SkipFillerWords: true)).ToDictionary(x => x.Word, x => x.Weight);

        Assert.True(learned["prutsding"] < -1); // an ordinary word of the same texts is learned
        Assert.False(learned.ContainsKey("iemand"));
        Assert.False(learned.ContainsKey("misschien"));
        Assert.True(learned["prachtboek"] > 1);
        Assert.False(learned.ContainsKey("nummer3")); // too rare
    }
}
