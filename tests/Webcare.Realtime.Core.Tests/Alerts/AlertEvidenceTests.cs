using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Model;
using static Webcare.Realtime.Core.Tests.Support.TestMentions;

namespace Webcare.Realtime.Core.Tests.Alerts;

public sealed class AlertEvidenceTests
{
    private static readonly string[] Usual =
    [
        "lang wachten op de poli vandaag", "parkeren is duur bij het ziekenhuis", "fijne verpleging op afdeling 3",
        "afspraak verzet zonder bericht", "telefoon wordt niet opgenomen", "wachtkamer vol, lang wachten",
    ];

    private static EnrichedMention Post(string id, DateTimeOffset at, string text, SentimentLabel label = SentimentLabel.Neutral, long shares = 0, long followers = 10) =>
        Enriched(Mention(id, at, text, author: "@a" + id, followers: followers, shares: shares), label);

    /// <summary>Two hours of the usual words, so a baseline exists for the last hour to be compared with.</summary>
    private static (AlertEvidence Evidence, DateTimeOffset Now) WithHistory()
    {
        var evidence = new AlertEvidence(AlertTerms.For("Ziekenhuis Waterdal", "Waterdal"));
        var start = Now.AddHours(-3);
        var n = 0;
        for (var at = start; at < Now.AddMinutes(-10); at = at.AddSeconds(20))
            evidence.Record(Post($"u{n}", at, Usual[n++ % Usual.Length] + " Waterdal"), at);
        return (evidence, Now);
    }

    [Fact]
    public void Top_terms_are_the_words_over_represented_in_the_window()
    {
        var (evidence, now) = WithHistory();
        var from = now.AddMinutes(-8);
        for (var i = 0; i < 30; i++)
        {
            var at = from.AddSeconds(10 * i);
            var text = i % 3 == 0 ? Usual[i % Usual.Length] : "patientgegevens gelekt bij Waterdal, hackers hebben dossiers";
            evidence.Record(Post($"w{i}", at, text, SentimentLabel.Negative), at);
        }

        var why = evidence.Explain(from, negativeOnly: false);
        var words = why.TopTerms.Select(t => t.Term).ToArray();
        Assert.Equal(["dossiers", "gelekt", "hackers", "patientgegevens"], words.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("waterdal", words);           // the topic's own word
        Assert.DoesNotContain("wachten", words);            // usual, not over-represented
        Assert.All(why.TopTerms, t => Assert.True(t.Count >= 2 * t.Expected));
        Assert.Equal("w0", why.FirstMentions[0].Id);
        Assert.True(why.TopTerms.Length <= AlertEvidence.TopTermCount);
    }

    [Fact]
    public void Most_shared_mentions_rank_by_shares_then_reach_and_negative_alerts_see_negative_mentions_only()
    {
        var (evidence, now) = WithHistory();
        var from = now.AddMinutes(-5);
        evidence.Record(Post("a", from, "gewoon een vraag", shares: 900), from);
        evidence.Record(Post("b", from.AddSeconds(1), "schandalig datalek", SentimentLabel.Negative, shares: 40), from.AddSeconds(1));
        evidence.Record(Post("c", from.AddSeconds(2), "boos om het lek", SentimentLabel.Negative, shares: 40, followers: 5000), from.AddSeconds(2));
        evidence.Record(Post("d", from.AddSeconds(3), "slecht geregeld", SentimentLabel.Negative, shares: 2), from.AddSeconds(3));
        evidence.Record(Post("e", from.AddSeconds(4), "nooit meer", SentimentLabel.Negative, shares: 1), from.AddSeconds(4));

        Assert.Equal(["a", "c", "b"], evidence.Explain(from, negativeOnly: false).MostShared.Select(m => m.Id));
        var negative = evidence.Explain(from, negativeOnly: true);
        Assert.Equal(["c", "b", "d"], negative.MostShared.Select(m => m.Id));
        Assert.Equal(["b", "c", "d"], negative.FirstMentions.Select(m => m.Id));
        Assert.Equal(40, negative.MostShared[0].Shares);
    }

    [Fact]
    public void Memory_stays_bounded_in_a_burst()
    {
        var evidence = new AlertEvidence(AlertTerms.None);
        var at = Now;
        for (var i = 0; i < 20_000; i++) evidence.Record(Post($"b{i}", at, $"woord{i} uniek{i} tekst{i}"), at);
        var why = evidence.Explain(at, negativeOnly: false);
        Assert.Equal(AlertEvidence.MentionsKept, why.FirstMentions.Length);
        Assert.Empty(why.TopTerms); // every word once: nothing stands out
    }
}
