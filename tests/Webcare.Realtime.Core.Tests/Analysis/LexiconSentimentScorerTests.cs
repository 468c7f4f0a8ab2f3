using Webcare.Realtime.Core.Analysis;

namespace Webcare.Realtime.Core.Tests.Analysis;

public sealed class LexiconSentimentScorerTests
{
    private static readonly LexiconSentimentScorer Scorer = new();

    [Theory]
    [InlineData("Schandalig hoe lang ik moest wachten op de SEH")]
    [InlineData("Onbeschoft personeel, echt belachelijk")]
    [InlineData("Al 3 uur wachten, niemand helpt, wat een chaos")]
    [InlineData("Datalek bij het ziekenhuis. Onacceptabel!")]
    [InlineData("Heel teleurgesteld, mijn dossier is kwijt")]
    [InlineData("Verschrikkelijke ervaring, waardeloos")] // "verschrikkelijke" is not in the list, "waardeloos" is
    [InlineData("BOOS!!! Weer een misdiagnose")]
    [InlineData("Terrible service, the nurse was rude")]
    [InlineData("Worst hospital ever, I hate waiting")]
    [InlineData("So disappointed, this is unacceptable")]
    public void Complaints_AreNegative(string text)
    {
        var result = Scorer.Score(text);

        Assert.Equal(SentimentLabel.Negative, result.Label);
        Assert.True(result.Score <= -0.2, $"score {result.Score}");
    }

    [Theory]
    [InlineData("Topzorg gehad, heel vriendelijk personeel. Bedankt!")]
    [InlineData("Super geholpen, complimenten aan het team")]
    [InlineData("Fantastisch, snel en professioneel")]
    [InlineData("Dankjewel lieve verpleegkundigen ❤️")]
    [InlineData("Great care, thanks to the kind nurses")]
    [InlineData("Amazing staff, very helpful")]
    [InlineData("GOED geregeld")]
    public void Compliments_ArePositive(string text)
    {
        var result = Scorer.Score(text);

        Assert.Equal(SentimentLabel.Positive, result.Label);
        Assert.True(result.Score >= 0.2, $"score {result.Score}");
    }

    [Theory]
    [InlineData("niet goed")]
    [InlineData("Het was niet goed geregeld")]
    [InlineData("helemaal niet tevreden")]
    [InlineData("Geen vriendelijk woord gehad")]
    [InlineData("not good")]
    [InlineData("I don't love it")]
    [InlineData("never helpful")]
    public void Negation_TurnsPositiveIntoNegative(string text)
    {
        Assert.Equal(SentimentLabel.Negative, Scorer.Score(text).Label);
    }

    [Theory]
    [InlineData("geen klacht")]
    [InlineData("not bad")]
    [InlineData("niet slecht")]
    public void Negation_TurnsNegativeIntoPositive(string text)
    {
        Assert.Equal(SentimentLabel.Positive, Scorer.Score(text).Label);
    }

    [Fact]
    public void Negation_ReachesThreeWordsOnly()
    {
        Assert.Equal(SentimentLabel.Negative, Scorer.Score("niet een twee goed").Label); // third word after
        Assert.Equal(SentimentLabel.Positive, Scorer.Score("niet een twee drie goed").Label); // fourth word after
    }

    [Fact]
    public void Negation_WeakensAsWellAsFlips()
    {
        var plain = Scorer.Score("goed").Score;
        var negated = Scorer.Score("niet goed").Score;

        Assert.True(negated < 0);
        Assert.True(Math.Abs(negated) < Math.Abs(plain));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Ik heb morgen een afspraak op de poli")]
    [InlineData("Waar is de ingang van gebouw B?")]
    [InlineData("12345 !!! 👍")]
    [InlineData("niet")]
    [InlineData("What time does the hospital open?")]
    public void NeutralText_IsNeutralWithScoreZero(string text)
    {
        Assert.Equal(SentimentResult.Neutral, Scorer.Score(text));
    }

    [Theory]
    [InlineData("ziek")] // a weak word alone stays inside the neutral band
    [InlineData("niet wachten")] // +0.75
    [InlineData("goed maar slecht")] // 1.5 - 2 = -0.5
    public void WeakOpinion_IsNeutralWithANonZeroScore(string text)
    {
        var result = Scorer.Score(text);

        Assert.Equal(SentimentLabel.Neutral, result.Label);
        Assert.NotEqual(0, result.Score);
        Assert.InRange(result.Score, -0.2, 0.2);
    }

    [Fact]
    public void MixedText_LeansTowardsTheStrongerSide()
    {
        Assert.Equal(SentimentLabel.Negative, Scorer.Score("Vriendelijk personeel, maar schandalig lange wachttijd en chaos").Label);
        Assert.Equal(SentimentLabel.Positive, Scorer.Score("Even wachten, maar fantastisch geholpen en heel tevreden").Label);
    }

    [Fact]
    public void Score_IsRoundedToThreeDecimals_AndMatchesTheFormula()
    {
        // "slecht" = -2: -2 / sqrt(4 + 15)
        Assert.Equal(new SentimentResult(Math.Round(-2 / Math.Sqrt(19), 3), SentimentLabel.Negative), Scorer.Score("slecht"));
        // "niet goed" = -0.75 × 1.5
        Assert.Equal(Math.Round(-1.125 / Math.Sqrt(1.125 * 1.125 + 15), 3), Scorer.Score("niet goed").Score);
    }

    [Theory]
    [InlineData("schandalig", 500)]
    [InlineData("geweldig", 500)]
    [InlineData("goed slecht top boos", 200)]
    [InlineData("niet goed", 300)]
    public void Score_StaysWithinMinusOneAndOne(string words, int repeat)
    {
        var text = string.Join(" ", Enumerable.Repeat(words, repeat));

        var result = Scorer.Score(text);

        Assert.InRange(result.Score, -1, 1);
        Assert.Equal(result.Score >= 0.2 ? SentimentLabel.Positive : result.Score <= -0.2 ? SentimentLabel.Negative : SentimentLabel.Neutral,
            result.Label);
    }

    [Fact]
    public void Score_IsCaseAndDiacriticInsensitive()
    {
        Assert.Equal(Scorer.Score("goed"), Scorer.Score("GÖED"));
        Assert.Equal(Scorer.Score("#Schandalig"), Scorer.Score("schandalig"));
    }

    [Fact]
    public void Label_MatchesTheScoreBand_ForManyTexts()
    {
        var words = new[] { "goed", "slecht", "niet", "geen", "boos", "top", "snel", "ziek", "wachten", "de", "en", "not", "great", "bad" };
        var random = new Random(42);
        for (var i = 0; i < 2_000; i++)
        {
            var text = string.Join(" ", Enumerable.Range(0, random.Next(1, 12)).Select(_ => words[random.Next(words.Length)]));
            var result = Scorer.Score(text);
            Assert.InRange(result.Score, -1, 1);
            var expected = result.Score >= 0.2 ? SentimentLabel.Positive
                : result.Score <= -0.2 ? SentimentLabel.Negative
                : SentimentLabel.Neutral;
            Assert.True(expected == result.Label, $"\"{text}\": {result}");
        }
    }
}
