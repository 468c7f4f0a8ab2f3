using Webcare.Realtime.Core.Analysis;

namespace Webcare.Realtime.Core.Tests.Analysis;

public sealed class LanguageDetectorTests
{
    private static readonly LanguageDetector Detector = LanguageDetector.Instance;

    [Theory]
    [InlineData("Al 3 uur wachten op de SEH van het @ziekenhuis, niemand vertelt iets #wachttijd")]
    [InlineData("Bedankt!")]
    [InlineData("Topzorg gehad, dankjewel 😊")]
    [InlineData("@umcutrecht waarom duurt het zo lang?")]
    [InlineData("Schandalig. https://t.co/x1y2z3 #fail")]
    [InlineData("niet te bereiken")]
    [InlineData("Mijn moeder ligt op de IC")]
    [InlineData("Wachtlijst voor de psycholoog is echt belachelijk")]
    public void ShortDutchTweets_AreDutch(string text)
    {
        Assert.Equal(TextLanguage.Dutch, Detector.Detect(text));
    }

    [Theory]
    [InlineData("Waited four hours at the ER @hospital #nhs")]
    [InlineData("Thanks!")]
    [InlineData("The nurses were amazing 😊")]
    [InlineData("Why is nobody answering the phone?")]
    [InlineData("Worst experience ever https://t.co/abc")]
    [InlineData("not good")]
    [InlineData("Best day ever.")]
    [InlineData("Never again @hospital")]
    [InlineData("im going home")]
    [InlineData("gonna be a long night")]
    [InlineData("dont know yet")]
    public void ShortEnglishTweets_AreEnglish(string text)
    {
        Assert.Equal(TextLanguage.English, Detector.Detect(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("😊😊😊")]
    [InlineData("@someone https://t.co/abc 12345")]
    [InlineData("Ich bin nicht zufrieden mit dem Krankenhaus")]
    [InlineData("Je ne suis pas content de cet hôpital, merci")]
    [InlineData("El hospital es muy malo, gracias por nada")]
    [InlineData("Il servizio non è buono")]
    public void OtherOrNoLanguage_IsOther(string text)
    {
        Assert.Equal(TextLanguage.Other, Detector.Detect(text));
    }

    [Fact]
    public void HandlesAndUrls_DoNotVote()
    {
        // Only the handle and the URL are English; the text is Dutch.
        Assert.Equal(TextLanguage.Dutch, Detector.Detect("@thehospitalwithoutwaiting dank voor de hulp https://the-best.example.com/thanks"));
    }

    [Fact]
    public void Codes_AreIsoLike()
    {
        Assert.Equal("nl", TextLanguage.Dutch.Code());
        Assert.Equal("en", TextLanguage.English.Code());
        Assert.Equal("other", TextLanguage.Other.Code());
    }
}
