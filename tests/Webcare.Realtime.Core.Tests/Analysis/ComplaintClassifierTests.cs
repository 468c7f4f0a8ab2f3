using Webcare.Realtime.Core.Analysis;

namespace Webcare.Realtime.Core.Tests.Analysis;

public sealed class ComplaintClassifierTests
{
    private static readonly ComplaintClassifier Classifier = ComplaintClassifier.Instance;

    private static ComplaintCategory[] Categories(string text, TextLanguage language = TextLanguage.Dutch) =>
        [.. Classifier.Classify(text, language).Select(c => c.Category)];

    [Fact]
    public void Classify_FindsSeveralCategories_WithTheWordsThatTriggeredThem()
    {
        var result = Classifier.Classify("Al 3 uur wachten op de SEH en de parkeergarage kost €12, belachelijk #wachttijd", TextLanguage.Dutch);

        Assert.Equal([ComplaintCategory.WaitingTime, ComplaintCategory.Costs, ComplaintCategory.Facilities], result.Select(c => c.Category));
        Assert.Equal(["wachten", "wachttijd"], result[0].Terms.ToArray());
        Assert.Equal(["kost"], result[1].Terms.ToArray());
        Assert.Equal(["parkeergarage"], result[2].Terms.ToArray());
    }

    [Theory]
    [InlineData("Niet lang hoeven wachten, binnen 10 minuten geholpen")]
    [InlineData("Geen wachttijd gehad bij de huisartsenpost")]
    [InlineData("Ik hoefde nauwelijks te wachten")]
    [InlineData("Ik kan niet wachten tot ik weer thuis ben")]
    [InlineData("Didn't have to wait at all")]
    public void Classify_NegatedWaiting_IsNoWaitingComplaint(string text)
    {
        Assert.DoesNotContain(ComplaintCategory.WaitingTime, Categories(text, LanguageDetector.Instance.Detect(text)));
    }

    [Fact]
    public void Classify_NegationBeforeAnotherClause_DoesNotReachTheTerm()
    {
        Assert.Contains(ComplaintCategory.WaitingTime, Categories("Ik werd niet geholpen. Alleen maar wachten"));
    }

    [Fact]
    public void Classify_ANegatedNonNegatableTerm_StillCounts()
    {
        Assert.Equal([ComplaintCategory.Reachability], Categories("Geen afspraak kunnen maken"));
    }

    [Fact]
    public void Classify_ThePhraseWithGap_MatchesAcrossAFewWords()
    {
        var result = Classifier.Classify("Ze nemen de telefoon gewoon niet op", TextLanguage.Dutch);

        var reach = Assert.Single(result);
        Assert.Equal(ComplaintCategory.Reachability, reach.Category);
        Assert.Contains("nemen de telefoon gewoon niet op", reach.Terms);
    }

    [Fact]
    public void Classify_ALongerExpression_WinsOverItsWords()
    {
        // "niet vriendelijk" is a complaint about attitude, not a compliment for "vriendelijk".
        Assert.Equal([ComplaintCategory.StaffAttitude], Categories("De assistente was niet vriendelijk"));
        Assert.Equal([ComplaintCategory.StaffAttitude], Categories("Wat een onbeschofte arts"));
    }

    [Fact]
    public void Classify_SuffixTerms_FindDutchCompounds()
    {
        Assert.Equal([ComplaintCategory.Costs], Categories("Weer een ziekenhuisrekening van 385 euro"));
    }

    [Theory]
    [InlineData("Alvast bedankt voor de reactie!")]
    [InlineData("Bedankt voor niks hè")]
    public void Classify_ThanksThatIsNoCompliment_IsNothing(string text)
    {
        Assert.DoesNotContain(ComplaintCategory.Compliment, Categories(text));
    }

    [Fact]
    public void Classify_LanguageSpecificTerms_OnlyInTheirLanguage()
    {
        // "kind" is a compliment in English and a child in Dutch.
        Assert.Empty(Categories("Mijn kind is jarig"));
        Assert.Equal([ComplaintCategory.Compliment], Categories("The nurse was so kind", TextLanguage.English));
        // Text in neither language is read with both lists.
        Assert.Equal([ComplaintCategory.Compliment], Categories("kind", TextLanguage.Other));
    }

    [Fact]
    public void Classify_HashtagsAndElongation_ReadAsWords_HandlesAndUrlsNot()
    {
        Assert.Equal([ComplaintCategory.Privacy], Categories("#datalek bij @umcx https://x.nl/wachtlijst"));
        Assert.Equal([ComplaintCategory.Compliment], Categories("Bedaaaankt lieve mensen"));
    }

    [Fact]
    public void Classify_NothingToFind_IsEmpty_AndLongTextsWork()
    {
        Assert.Empty(Categories(""));
        Assert.Empty(Categories("Vandaag opent de nieuwe polikliniek"));
        var longText = string.Concat(Enumerable.Repeat("een heel gewoon zinnetje zonder klacht ", 40)) + "maar wel een datalek";
        Assert.Equal([ComplaintCategory.Privacy], Categories(longText));
    }

    [Fact]
    public void WireNames_AreCamelCase_AndParseBack()
    {
        Assert.Equal("waitingTime", ComplaintCategory.WaitingTime.WireName());
        Assert.True(WireNames.TryParseWireName<ComplaintCategory>("qualityOfCare", out var category));
        Assert.Equal(ComplaintCategory.QualityOfCare, category);
        Assert.False(WireNames.TryParseWireName<ComplaintCategory>("WaitingTime", out _));
    }
}
