using Webcare.Realtime.Testing;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Demo;
using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Benchmarks.Enrichment;

/// <summary>
/// What the enrichment benchmark reads: the Dutch mentions in <c>tests/baselines/enrichment-texts.txt</c>
/// (the node baselines time the same file) and 200 topics of a realistic mix, generated deterministically.
/// </summary>
public static class EnrichmentWorkload
{
    public const int TopicCount = 200;

    public static string[] Texts() => File.ReadAllLines(RepositoryRoot.File("tests", "baselines", "enrichment-texts.txt"))
        .Where(l => l.Length > 0).ToArray();

    public static Mention[] Mentions() =>
        [.. Texts().Select((text, i) => new Mention(i % 3 == 0 ? "facebook" : "twitter", $"bench-{i}", DateTimeOffset.UnixEpoch, text)
        {
            Author = new Author($"@gebruiker{i}", null, 100 + i),
        })];

    private static readonly string[] Places =
    [
        "Amstelhof", "Bergweide", "Dijkzicht", "Eemland", "Friesepoort", "Gaasterhof", "Heuvelrand", "IJsselborg", "Kempenhof",
        "Lindeborg", "Maasoever", "Noorderpark", "Oosterdok", "Peelland", "Rijnmond", "Schelderade", "Twentevaart", "Utrechtse Heuvel",
        "Veluwezoom", "Waterdal", "Zeeuwse Kust", "Zuiderhaven", "Duinrand", "Kennemerhof", "Vechtstede",
    ];

    private static readonly string[] Themes =
    [
        "wacht*", "wachtlijst*", "\"lang wachten\"", "parkeer*", "factuur", "\"eigen risico\"", "datalek*", "privacy", "onbeschoft",
        "onvriendelijk", "bedankt", "topzorg", "seh", "\"spoedeisende hulp\"", "ambulance*", "huisarts*", "telefoon*", "bereikbaar*",
        "app", "portaal", "afspraak", "verzet", "operatie", "uitslag*", "fysio*", "premie", "declaratie*", "vergoeding*", "klacht*",
        "misdiagnose", "#zorg", "#topzorg", "verpleeg*", "ouderen", "capaciteit",
    ];

    /// <summary>The demo's 14 topics, then boolean queries over organisations and themes (NOT, NEAR, fields, phrases, wildcards).</summary>
    public static List<TopicDefinition> BooleanTopics()
    {
        var topics = DemoFeed.DefaultTopics.ToList();
        var random = new Random(200);
        for (var i = 0; topics.Count < TopicCount; i++)
        {
            var place = Places[i % Places.Length];
            var handle = "@" + place.Replace(" ", "");
            string T() => Themes[random.Next(Themes.Length)];
            var query = (i % 6) switch
            {
                0 => $"\"ziekenhuis {place}\" AND ({T()} OR {T()} OR {T()})",
                1 => $"(\"{place}\" OR {handle}) NOT vacature*",
                2 => $"{T()} NEAR/5 {T()} lang:nl",
                3 => $"({T()}, {T()}, {T()}) NOT source:news",
                4 => $"\"{place} MC\" OR {handle} OR #{place.Replace(" ", "").ToLowerInvariant()}zorg",
                _ => $"{T()} {T()} NOT ({T()} OR {T()})",
            };
            topics.Add(new TopicDefinition($"topic-{i}", query));
        }
        return topics;
    }

    /// <summary>200 topics that both the first syntax and the query language read the same way: OR-lists.</summary>
    public static List<TopicDefinition> FirstSyntaxTopics()
    {
        var topics = DemoFeed.DefaultTopics.ToList();
        var random = new Random(201);
        for (var i = 0; topics.Count < TopicCount; i++)
        {
            var place = Places[i % Places.Length];
            var terms = Enumerable.Range(0, random.Next(2, 7)).Select(_ => Themes[random.Next(Themes.Length)]).Prepend($"\"{place}\"");
            topics.Add(new TopicDefinition($"topic-{i}", string.Join(", ", terms)));
        }
        return topics;
    }
}
