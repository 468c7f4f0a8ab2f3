using Webcare.Realtime.Core.Alerts;

namespace Webcare.Realtime.Core.Tests.Alerts;

public sealed class AlertTermsTests
{
    private static HashSet<string> Words(AlertTerms terms, string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        terms.Collect(text, words);
        return words;
    }

    [Fact]
    public void Stop_words_short_words_and_numbers_are_left_out_and_words_are_folded()
    {
        var words = Words(AlertTerms.None, "De Patiëntgegevens zijn GELEKT, en the hackers have 3000 records op https://x.nl");
        Assert.Equal(new[] { "gelekt", "hackers", "patientgegevens", "records" }, words.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_topics_own_query_words_and_prefixes_are_left_out()
    {
        var terms = AlertTerms.For("Datalek", "datalek*, privacy OR \"Autoriteit Persoonsgegevens\", gelekt");
        var words = Words(terms, "Datalekken bij de Autoriteit Persoonsgegevens gemeld: privacy geschonden, gegevens gelekt, boete dreigt");
        Assert.Equal(new[] { "boete", "dreigt", "gegevens", "gemeld", "geschonden" }, words.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_sources_name_is_left_out()
    {
        Assert.DoesNotContain("twitter", Words(AlertTerms.For("twitter"), "twitter storing vandaag"));
    }
}
