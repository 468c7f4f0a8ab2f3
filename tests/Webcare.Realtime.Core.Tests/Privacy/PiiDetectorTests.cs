using Webcare.Realtime.Core.Privacy;

namespace Webcare.Realtime.Core.Tests.Privacy;

public sealed class PiiDetectorTests
{
    [Theory]
    [InlineData("Mijn BSN is 111222333, help", "Mijn BSN is [BSN], help")]
    [InlineData("bsn 1112.22.333 staat op de brief", "bsn [BSN] staat op de brief")]
    [InlineData("Bel me op 06-12345678 of 010 123 4567", "Bel me op [telefoon] of [telefoon]")]
    [InlineData("Bereikbaar via +31 6 1234 5678.", "Bereikbaar via [telefoon].")]
    [InlineData("Mail naar j.devries@example.nl aub", "Mail naar [e-mail] aub")]
    [InlineData("Terugstorten op NL91 ABNA 0417 1643 00 graag", "Terugstorten op [IBAN] graag")]
    [InlineData("Ik woon op 1234 AB 12 in Rotterdam", "Ik woon op [adres] in Rotterdam")]
    [InlineData("Mijn moeder, geboren op 12-03-1956, ligt op de gang", "Mijn moeder, geboren op [geboortedatum], ligt op de gang")]
    [InlineData("geb. 3 maart 1949", "geb. [geboortedatum]")]
    public void Personal_data_is_replaced_by_its_placeholder(string text, string redacted)
    {
        var scan = PiiDetector.Scan(text);
        Assert.Equal(redacted, scan.RedactedText);
        Assert.True(scan.Sensitive);
        Assert.NotEmpty(scan.Matches);
    }

    [Theory]
    [InlineData("Bestelnummer 123456789 is nog niet geleverd")]   // nine digits, fails the 11-test
    [InlineData("Al 2000 km gereden voor deze afspraak")]
    [InlineData("De wachttijd is 3 uur, afdeling 4B")]
    [InlineData("Het kost 1.234.567 euro volgens de krant")]
    public void Look_alikes_are_left_alone(string text)
    {
        var scan = PiiDetector.Scan(text);
        Assert.Empty(scan.Matches);
        Assert.Equal(text, scan.RedactedText);
    }

    [Fact]
    public void A_mistyped_iban_is_not_an_iban()
    {
        // Its digit run "0417 1643 01" is a valid landline number (area code 0417), and redacting that is right.
        Assert.DoesNotContain(PiiDetector.Scan("IBAN NL91 ABNA 0417 1643 01 klopt niet").Matches, m => m.Kind == PiiKind.Iban);
    }

    [Fact]
    public void No_nine_digit_number_that_fails_the_eleven_test_is_called_a_bsn()
    {
        var random = new Random(11);
        for (var i = 0; i < 20_000; i++)
        {
            var number = random.Next(100_000_000, 999_999_999).ToString();
            var isBsn = PiiDetector.Scan($"nummer {number} graag").Matches.Any(m => m.Kind == PiiKind.Bsn);
            Assert.Equal(PiiDetector.PassesElevenTest(number), isBsn);
        }
    }

    [Theory]
    [InlineData("111222333", true)]
    [InlineData("123456782", true)]
    [InlineData("123456789", false)]
    [InlineData("000000000", false)]
    [InlineData("12345678", false)]
    public void The_eleven_test(string number, bool valid) => Assert.Equal(valid, PiiDetector.PassesElevenTest(number));

    [Theory]
    [InlineData("NL91ABNA0417164300", true)]
    [InlineData("DE89 3704 0044 0532 0130 00", true)]
    [InlineData("NL91ABNA0417164301", false)]
    [InlineData("NL91ABNA041716430", false)]
    public void The_iban_check(string iban, bool valid) => Assert.Equal(valid, PiiDetector.IsValidIban(iban));

    [Fact]
    public void Spans_point_into_the_original_text()
    {
        const string text = "Bel 06 12345678 of mail a@b.nl";
        var scan = PiiDetector.Scan(text);
        Assert.Equal(["06 12345678", "a@b.nl"], scan.Matches.Select(m => text.Substring(m.Start, m.Length)));
        Assert.Equal([PiiKind.Phone, PiiKind.Email], scan.Matches.Select(m => m.Kind));
    }

    [Theory]
    [InlineData("Ik wacht al 3 weken op de uitslag van mijn biopt", true)]
    [InlineData("My cancer diagnosis was delayed for months", true)]
    [InlineData("Het ziekenhuis publiceert de uitslag van het onderzoek", false)]
    [InlineData("Ik sta al een uur in de file bij de parkeergarage", false)]
    public void A_patient_sharing_medical_details_is_privacy_sensitive(string text, bool sensitive)
    {
        var scan = PiiDetector.Scan(text);
        Assert.Empty(scan.Matches);
        Assert.Equal(sensitive, scan.Sensitive);
    }
}
