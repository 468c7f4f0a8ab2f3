using Webcare.Realtime.Core.Analysis;

namespace Webcare.Realtime.Core.Tests.Analysis;

public sealed class RuleSentimentScorerTests
{
    private static readonly RuleSentimentScorer Scorer = RuleSentimentScorer.Instance;

    private static double S(string text) => Scorer.Score(text).Score;

    private static SentimentEvidence Evidence(SentimentResult result, string term) =>
        Assert.Single(result.Evidence, e => e.Term == term);

    [Theory]
    [InlineData("Schandalig hoe lang ik moest wachten op de SEH")]
    [InlineData("Onbeschoft personeel, echt belachelijk")]
    [InlineData("Al 3 uur wachten, niemand helpt, wat een chaos")]
    [InlineData("Datalek bij het ziekenhuis. Onacceptabel!")]
    [InlineData("Heel teleurgesteld, mijn dossier is kwijt")]
    [InlineData("BOOS!!! Weer een misdiagnose")]
    [InlineData("Terrible service, the nurse was rude")]
    [InlineData("Worst hospital ever, I hate waiting")]
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
    [InlineData("Geen vriendelijk woord gehad")]
    [InlineData("Ik ben nooit tevreden geweest over deze huisarts")]
    [InlineData("Niks fijn aan")]
    [InlineData("Nergens goed geregeld")]
    [InlineData("allerminst vriendelijk")]
    [InlineData("not good")]
    [InlineData("I don't love it")]
    [InlineData("never helpful")]
    [InlineData("no help at all, not kind")]
    public void Negation_TurnsPositiveIntoNegative(string text)
    {
        var result = Scorer.Score(text);

        Assert.Equal(SentimentLabel.Negative, result.Label);
        Assert.Contains(result.Evidence, e => e.Rules.HasFlag(SentimentRules.Negated));
    }

    [Theory]
    [InlineData("geen klacht")]
    [InlineData("niet slecht")]
    [InlineData("not bad")]
    public void Negation_TurnsNegativeIntoPositive(string text)
    {
        Assert.Equal(SentimentLabel.Positive, Scorer.Score(text).Label);
    }

    [Fact]
    public void Negation_WeakensAsWellAsFlips()
    {
        var plain = S("goed");
        var negated = S("niet goed");

        Assert.True(negated < 0);
        Assert.True(Math.Abs(negated) < Math.Abs(plain));
    }

    [Fact]
    public void NegationScope_EndsAtPunctuation()
    {
        var result = Scorer.Score("Niet gebeld, vriendelijk personeel");

        Assert.Equal(SentimentRules.None, Evidence(result, "vriendelijk").Rules & SentimentRules.Negated);
        Assert.Equal(SentimentLabel.Positive, result.Label);
    }

    [Fact]
    public void NegationScope_EndsAtAClauseWord()
    {
        var result = Scorer.Score("ik had geen afspraak en de arts was vriendelijk");

        Assert.True(Evidence(result, "vriendelijk").Weight > 0);
    }

    [Fact]
    public void NegationScope_HasALimitedReach()
    {
        Assert.True(S("niet een twee goed") < 0); // the third word after the negator
        Assert.True(S("niet een twee drie goed") > 0); // the fourth is out of reach
    }

    [Fact]
    public void EnglishNo_NegatesOnlyTheNextWord_OrIsAnOpinionAlone()
    {
        Assert.True(Evidence(Scorer.Score("no good"), "good").Weight < 0);
        Assert.True(Evidence(Scorer.Score("no time to be kind"), "kind").Weight > 0);
        Assert.Equal(SentimentLabel.Negative, Scorer.Score("No. No no no!").Label);
    }

    [Fact]
    public void HtmlEntities_AreNotWords()
    {
        Assert.Empty(Scorer.Score("the wait &gt; 3 hours &amp; more").Evidence.Where(e => e.Term is "gt" or "amp"));
    }

    [Fact]
    public void Contrast_TheClauseAfterWeighsMore()
    {
        var result = Scorer.Score("Het personeel was vriendelijk, maar de wachttijd was schandalig");

        Assert.Equal(SentimentLabel.Negative, result.Label);
        Assert.True(Evidence(result, "vriendelijk").Rules.HasFlag(SentimentRules.BeforeContrast));
        Assert.True(Evidence(result, "schandalig").Rules.HasFlag(SentimentRules.AfterContrast));
        Assert.Equal(SentimentLabel.Positive, Scorer.Score("Lang wachten, maar uiteindelijk fantastisch geholpen").Label);
    }

    [Theory]
    [InlineData("Goed geholpen. Echter, de parkeerplaats was een ramp", SentimentLabel.Negative)]
    [InlineData("Slecht bereikbaar. Toch ben ik tevreden", SentimentLabel.Positive)]
    [InlineData("The nurses were kind but the wait was terrible", SentimentLabel.Negative)]
    [InlineData("Long wait, however the doctor was excellent", SentimentLabel.Positive)]
    public void Contrast_WorksForEveryContrastWord(string text, SentimentLabel expected)
    {
        Assert.Equal(expected, Scorer.Score(text).Label);
    }

    [Fact]
    public void Toch_MidClause_IsNoContrast()
    {
        var result = Scorer.Score("vriendelijk, het is toch een goede zorg");

        Assert.DoesNotContain(result.Evidence, e => e.Rules.HasFlag(SentimentRules.BeforeContrast));
    }

    [Theory]
    [InlineData("heel")]
    [InlineData("erg")]
    [InlineData("zeer")]
    [InlineData("super")]
    [InlineData("echt")]
    [InlineData("ontzettend")]
    [InlineData("enorm")]
    public void Intensifiers_Strengthen(string intensifier)
    {
        var result = Scorer.Score($"{intensifier} vriendelijk");

        Assert.True(S($"{intensifier} vriendelijk") > S("vriendelijk"));
        Assert.True(Evidence(result, "vriendelijk").Rules.HasFlag(SentimentRules.Intensified));
        Assert.True(S($"{intensifier} onvriendelijk") < S("onvriendelijk"));
    }

    [Theory]
    [InlineData("best vriendelijk")]
    [InlineData("een beetje vriendelijk")]
    public void Softeners_Weaken(string text)
    {
        var result = Scorer.Score(text);

        Assert.InRange(result.Score, 0.0001, S("vriendelijk") - 0.0001);
        Assert.True(Evidence(result, "vriendelijk").Rules.HasFlag(SentimentRules.Softened));
    }

    [Fact]
    public void Nauwelijks_TurnsPraiseAround()
    {
        Assert.True(S("nauwelijks vriendelijk") < 0);
    }

    [Fact]
    public void Super_AloneIsAnOpinion()
    {
        var result = Scorer.Score("super!");

        Assert.Equal(SentimentLabel.Positive, result.Label);
        Assert.Contains(result.Evidence, e => e.Term == "super");
    }

    [Fact]
    public void ExclamationMarks_Strengthen_UpToFour()
    {
        Assert.True(S("goed!") > S("goed"));
        Assert.True(S("goed!!!") > S("goed!"));
        Assert.Equal(S("goed!!!!"), S("goed!!!!!!!!"));
        Assert.True(S("slecht!!") < S("slecht"));
        Assert.Contains(Scorer.Score("slecht!!").Evidence, e => e.Rules == SentimentRules.Exclamation && e.Weight < 0);
    }

    [Fact]
    public void ExclamationMarks_AloneAreNeutral()
    {
        Assert.Equal(0, S("!!!"));
    }

    [Fact]
    public void AllCaps_StrengthensAWord()
    {
        var result = Scorer.Score("SCHANDALIG hoe het ging");

        Assert.True(result.Score < S("schandalig hoe het ging"));
        Assert.True(Evidence(result, "schandalig").Rules.HasFlag(SentimentRules.Caps));
    }

    [Fact]
    public void AllCaps_WholeTextIsNotEmphasis()
    {
        Assert.Equal(S("schandalig hoe het ging"), S("SCHANDALIG HOE HET GING"));
    }

    [Fact]
    public void Elongation_IsReadAndStrengthens()
    {
        var result = Scorer.Score("suuuuper geholpen");
        var plain = Scorer.Score("super geholpen");

        Assert.True(result.Score >= plain.Score);
        Assert.Equal(SentimentLabel.Positive, Scorer.Score("goeeeed").Label);
        Assert.True(S("slechttttt") < S("slecht"));
        Assert.True(Evidence(Scorer.Score("slechttttt"), "slecht").Rules.HasFlag(SentimentRules.Elongated));
    }

    [Theory]
    [InlineData("Dank je 😊", SentimentLabel.Positive)]
    [InlineData("Weer de wachtkamer in 😡😡", SentimentLabel.Negative)]
    [InlineData("thanks :)", SentimentLabel.Positive)]
    [InlineData("afspraak verzet :(", SentimentLabel.Negative)]
    [InlineData("❤️", SentimentLabel.Positive)]
    [InlineData("👍🏽", SentimentLabel.Positive)]
    [InlineData("<3", SentimentLabel.Positive)]
    public void EmojiAndEmoticons_CarrySentiment(string text, SentimentLabel expected)
    {
        var result = Scorer.Score(text);

        Assert.Equal(expected, result.Label);
        Assert.Contains(result.Evidence, e => e.Rules.HasFlag(SentimentRules.Emoji));
    }

    [Theory]
    [InlineData(":)", 2.0)]
    [InlineData(":-)", 1.3)]
    [InlineData(":(", -1.9)]
    [InlineData(";)", 0.9)]
    [InlineData(":-*", 1.7)]
    public void Emoticons_CarryVadersHumanRating(string emoticon, double weight)
    {
        Assert.Equal(weight, Evidence(Scorer.Score($"@someone {emoticon}"), emoticon).Weight);
    }

    [Theory]
    [InlineData("@someone :) :)", "I am home :) :)")]
    [InlineData("@someone :'(", "Not home yet :'(")]
    [InlineData("@someone :(", "Ik ben er nog niet :(")]
    public void Emoticons_WeighTheSameWithOrWithoutWordsOfALanguage(string noWords, string withWords)
    {
        var alone = Scorer.Score(noWords);
        var inText = Scorer.Score(withWords);

        Assert.Equal(TextLanguage.Other, alone.Language);
        Assert.NotEqual(TextLanguage.Other, inText.Language);
        Assert.All(inText.Evidence, e => Assert.True(e.Rules.HasFlag(SentimentRules.Emoji), $"{e.Term} is not an emoticon"));
        Assert.Equal(alone.Score, inText.Score);
    }

    [Fact]
    public void Emoji_IsNotNegated()
    {
        Assert.True(Evidence(Scorer.Score("niet 😊"), "😊").Weight > 0);
    }

    [Fact]
    public void Emoticon_InsideAWordOrTimeIsNot()
    {
        Assert.DoesNotContain(Scorer.Score("om 10:30 afspraak").Evidence, e => e.Rules.HasFlag(SentimentRules.Emoji));
    }

    [Theory]
    [InlineData("Weer een uur in de wacht #fail", "fail", SentimentLabel.Negative)]
    [InlineData("Afdeling 4 #topzorg", "topzorg", SentimentLabel.Positive)]
    public void Hashtags_AreRead(string text, string term, SentimentLabel expected)
    {
        var result = Scorer.Score(text);

        Assert.Equal(expected, result.Label);
        Assert.True(Evidence(result, term).Rules.HasFlag(SentimentRules.Hashtag));
    }

    [Fact]
    public void HandlesAndUrls_AreIgnored()
    {
        Assert.Equal(0, S("@slecht https://example.org/schandalig www.boos.nl"));
    }

    [Theory]
    [InlineData("Eindelijk op tijd geholpen", "op tijd", SentimentLabel.Positive)]
    [InlineData("Weer lang wachten bij de poli", "lang wachten", SentimentLabel.Negative)]
    [InlineData("Ze blijven me aan het lijntje houden", "aan het lijntje houden", SentimentLabel.Negative)]
    [InlineData("De huisarts is niet te bereiken", "niet te bereiken", SentimentLabel.Negative)]
    [InlineData("Van het kastje naar de muur gestuurd", "van het kastje naar de muur", SentimentLabel.Negative)]
    public void MultiWordExpressions_AreMatchedAsOne(string text, string phrase, SentimentLabel expected)
    {
        var result = Scorer.Score(text);

        Assert.Equal(expected, result.Label);
        Assert.True(Evidence(result, phrase).Rules.HasFlag(SentimentRules.Phrase));
    }

    [Fact]
    public void MultiWordExpression_NegatorInsideIsNotANegation()
    {
        // "niet" starts the phrase; it must not also flip the phrase.
        var result = Scorer.Score("niet te bereiken");

        Assert.True(Evidence(result, "niet te bereiken").Weight < 0);
    }

    [Theory]
    [InlineData("wachtlijst", SentimentLabel.Negative)]
    [InlineData("kunstfout", SentimentLabel.Negative)]
    [InlineData("misdiagnose", SentimentLabel.Negative)]
    [InlineData("datalek", SentimentLabel.Negative)]
    [InlineData("onbeschoft", SentimentLabel.Negative)]
    [InlineData("bedankt", SentimentLabel.Positive)]
    [InlineData("topzorg", SentimentLabel.Positive)]
    [InlineData("lieve verpleging", SentimentLabel.Positive)]
    public void HealthcareTerms_HaveTheirDomainPolarity(string text, SentimentLabel expected)
    {
        Assert.Equal(expected, Scorer.Score($"Het ziekenhuis: {text}").Label);
    }

    [Fact]
    public void Evidence_ListsTheTermsThatMovedTheScore_InTextOrder()
    {
        var result = Scorer.Score("Heel vriendelijke zuster, maar niet snel. Kunstfout! #fail 😡");

        Assert.Equal(["vriendelijke", "snel", "kunstfout", "fail", "😡", "!"], result.Evidence.Select(e => e.Term));
        Assert.True(result.Evidence[1].Rules.HasFlag(SentimentRules.Negated));
        Assert.True(result.Evidence[0].Rules.HasFlag(SentimentRules.Intensified));
        Assert.True(result.Evidence.Sum(e => e.Weight) < 0);
    }

    [Fact]
    public void Evidence_WeightsSumToTheRawScore()
    {
        var result = Scorer.Score("Heel fijn geholpen, maar wel lang wachten!!");
        var sum = result.Evidence.Sum(e => e.Weight);

        Assert.Equal(Math.Round(sum / Math.Sqrt(sum * sum + 15), 2), Math.Round(result.Score, 2));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Ik heb morgen een afspraak op de poli")]
    [InlineData("Waar is de ingang van gebouw B?")]
    [InlineData("What time does the clinic open?")]
    [InlineData("niet")]
    public void NeutralText_IsNeutralWithoutEvidence(string text)
    {
        var result = Scorer.Score(text);

        Assert.Equal(SentimentLabel.Neutral, result.Label);
        Assert.Equal(0, result.Score);
        Assert.Empty(result.Evidence);
    }

    [Theory]
    [InlineData("Bedankt voor de goede zorg", TextLanguage.Dutch)]
    [InlineData("Thanks for the great care", TextLanguage.English)]
    public void Result_CarriesTheLanguage(string text, TextLanguage language)
    {
        Assert.Equal(language, Scorer.Score(text).Language);
    }

    [Fact]
    public void English_IsReadWithTheEnglishLexicon()
    {
        // "best" is a softener in Dutch and praise in English.
        Assert.Equal(SentimentLabel.Positive, Scorer.Score("the best nurses in the world").Label);
    }

    [Fact]
    public void LongText_DoesNotOverflowAndStaysInRange()
    {
        var text = string.Join(" ", Enumerable.Repeat("Geweldig goed geholpen, super! 😊", 400));

        var result = Scorer.Score(text);

        Assert.InRange(result.Score, -1, 1);
        Assert.Equal(SentimentLabel.Positive, result.Label);
    }

    [Fact]
    public void Label_MatchesTheScoreBand_ForManyTexts()
    {
        var words = new[] { "goed", "slecht", "niet", "geen", "boos", "top", "snel", "ziek", "wachten", "maar", ",", "!", "heel", "😊", "not", "great", "bad", "#fail" };
        var random = new Random(42);
        for (var i = 0; i < 2_000; i++)
        {
            var text = string.Join(" ", Enumerable.Range(0, random.Next(1, 14)).Select(_ => words[random.Next(words.Length)]));
            var result = Scorer.Score(text);
            Assert.InRange(result.Score, -1, 1);
            Assert.True(Scorer.LabelOf(result.Score) == result.Label, $"\"{text}\": {result}");
        }
    }

    [Fact]
    public void NeutralBand_IsTheCallersChoice()
    {
        var wide = new RuleSentimentScorer(neutralBand: 0.5);
        var text = "Fijn"; // a single mild word

        var narrow = Scorer.Score(text);
        var result = wide.Score(text);

        Assert.Equal(narrow.Score, result.Score);
        Assert.Equal(SentimentLabel.Positive, narrow.Label);
        Assert.Equal(SentimentLabel.Neutral, result.Label);
        Assert.Equal(narrow.Evidence.Select(e => e.Term), result.Evidence.Select(e => e.Term));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RuleSentimentScorer(1));
    }

    [Fact]
    public void Scoring_IsThreadSafe()
    {
        var texts = new[] { "Heel fijn geholpen!", "Schandalig lang wachten #fail", "Great care :)", "niet goed" };
        var expected = texts.Select(t => Scorer.Score(t).Score).ToArray();

        Parallel.For(0, 20_000, i => Assert.Equal(expected[i % 4], Scorer.Score(texts[i % 4]).Score));
    }
}
