using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Analysis.Topics;
using static Webcare.Realtime.Core.Tests.Support.TestMentions;

namespace Webcare.Realtime.Core.Tests.Analysis.Topics;

public sealed class TopicMatcherTests
{
    private static bool Matches(string query, string text, MentionFields fields = default) =>
        new TopicMatcher([new TopicDefinition("t", query)]).Match(text, fields).Contains("t");

    [Theory]
    // alternatives: OR and commas (the first syntax's queries keep their meaning)
    [InlineData("wachttijd OR wachtlijst", "De wachtlijst is lang", true)]
    [InlineData("wachttijd OR wachtlijst", "Wat een WACHTTIJD!", true)]
    [InlineData("wachttijd OR wachtlijst", "wachten duurt lang", false)]
    [InlineData("wachttijd, wachtlijst", "wachtlijst", true)]
    [InlineData("wachttijd,wachtlijst", "wachttijd", true)]
    [InlineData("seh OR spoed, huisartsenpost", "naar de huisartsenpost", true)]
    [InlineData("seh OR spoed, huisartsenpost", "de spoed was dicht", true)]
    // AND, explicit and implicit; lower-case operators are words
    [InlineData("seh AND dicht", "De SEH is dicht", true)]
    [InlineData("seh AND dicht", "De SEH is open", false)]
    [InlineData("seh dicht", "dicht: de seh", true)] // adjacent terms are ANDed, in any order
    [InlineData("seh dicht", "de seh", false)]
    [InlineData("wachttijd or wachtlijst", "wachtlijst", false)] // "or" is a word here: all three must appear
    [InlineData("wachttijd or wachtlijst", "wachttijd or wachtlijst", true)]
    // NOT
    [InlineData("seh NOT dicht", "De SEH is open", true)]
    [InlineData("seh NOT dicht", "De SEH is dicht", false)]
    [InlineData("seh AND NOT (dicht OR gesloten)", "SEH gesloten", false)]
    [InlineData("seh AND NOT (dicht OR gesloten)", "SEH open", true)]
    [InlineData("NOT vacature* wachtlijst", "wachtlijst voor de vacatures", false)]
    [InlineData("NOT vacature* wachtlijst", "de wachtlijst groeit", true)]
    [InlineData("(a OR b) NOT c", "b", true)]
    [InlineData("a OR b NOT c", "b c", false)] // AND binds tighter than OR: a OR (b AND NOT c)
    [InlineData("a OR b NOT c", "a c", true)]
    // phrases: all words, in order, next to each other
    [InlineData("\"lang wachten\"", "Moest lang wachten", true)]
    [InlineData("\"lang wachten\"", "zo lang... wachten!", true)] // punctuation between the words is no gap
    [InlineData("\"lang wachten\"", "Lang\nWachten", true)]
    [InlineData("\"lang wachten\"", "wachten lang", false)]
    [InlineData("\"lang wachten\"", "lang moeten wachten", false)]
    [InlineData("\"lang wachten\"", "veel te lang", false)] // the phrase runs past the end of the text
    [InlineData("\"lang, wachten\" OR x", "lang wachten", true)] // a comma inside quotes does not separate
    [InlineData("\"a OR b\"", "a or b", true)] // nor does OR
    [InlineData("\"a OR b\"", "b", false)]
    [InlineData("umc-utrecht", "UMC Utrecht", true)] // a word the tokenizer cuts is a phrase
    [InlineData("umc-utrecht", "utrecht umc", false)]
    [InlineData("\"de seh\" \"is dicht\"", "is dicht, de seh", true)]
    // prefixes
    [InlineData("wacht*", "wachtkamer", true)]
    [InlineData("wacht*", "Wachten", true)]
    [InlineData("wacht*", "wacht", true)]
    [InlineData("wacht*", "afwachten", false)] // a prefix, not a substring
    [InlineData("wacht*", "wach", false)]
    [InlineData("wächt*", "WACHTKAMER", true)]
    [InlineData("\"lang wacht*\"", "veel te lang wachtende", true)]
    [InlineData("\"lang wacht*\"", "lang gewacht", false)]
    [InlineData("\"lang wacht*\"", "wachtende lang", false)]
    [InlineData("\"wacht* lang\"", "wachten lang", true)] // a prefix anywhere in a phrase
    [InlineData("\"wacht* lang\"", "wachten te lang", false)]
    [InlineData("wa* wacht*", "wachten", true)] // two prefixes of one token
    [InlineData("wa* NOT wacht*", "wachten", false)]
    [InlineData("wa* NOT wacht*", "warm", true)]
    // NEAR/n: within n words, either order
    [InlineData("seh NEAR/3 dicht", "de seh is vandaag dicht", true)]
    [InlineData("seh NEAR/3 dicht", "dicht is nu seh", true)]
    [InlineData("seh NEAR/3 dicht", "dicht is vandaag de seh", false)]
    [InlineData("seh NEAR/3 dicht", "de seh is ook vandaag dicht", false)]
    [InlineData("seh NEAR/1 dicht", "seh dicht", true)]
    [InlineData("seh NEAR/1 dicht", "seh is dicht", false)]
    [InlineData("seh NEAR/5 seh", "seh", false)] // a word is not near itself
    [InlineData("seh NEAR/5 seh", "seh en seh", true)]
    [InlineData("\"lang wachten\" NEAR/2 seh", "lang wachten op seh", true)]
    [InlineData("\"lang wachten\" NEAR/2 seh", "seh: lang wachten", true)]
    [InlineData("\"lang wachten\" NEAR/2 seh", "seh en ook lang wachten", false)]
    [InlineData("(seh OR spoed*) NEAR/2 dicht", "spoedpost gaat dicht", true)]
    [InlineData("(seh OR spoed*) NEAR/2 dicht", "spoedpost gaat vanavond dicht", false)]
    [InlineData("wacht* NEAR/2 seh NEAR/2 dicht", "wachten bij seh, dicht", true)]
    [InlineData("wacht* NEAR/2 seh NEAR/2 dicht", "wachten bij seh, gaat nu dicht", false)]
    [InlineData("seh NEAR/2 dicht NOT open", "seh dicht", true)]
    [InlineData("seh NEAR/2 dicht NOT open", "seh dicht, poli open", false)]
    [InlineData("seh NEAR/2 dicht OR wachtlijst", "wachtlijst", true)] // NEAR binds tighter than OR
    // case and diacritics
    [InlineData("Café", "cafe", true)]
    [InlineData("cafe", "CAFÉ", true)]
    [InlineData("ZIEKENHUIS", "ziekenhuis", true)]
    [InlineData("ziekenhuis", "ZIEKENHUIS", true)]
    [InlineData("coöperatie", "Cooperatie", true)]
    [InlineData("Łódź", "lodz", true)]
    // whole words only
    [InlineData("parkeren", "parkeerplaats", false)]
    [InlineData("parkeer", "parkeerplaats", false)]
    [InlineData("parkeer*", "parkeerplaats", true)]
    [InlineData("seh", "sehr gut", false)]
    [InlineData("umc", "UMC-Utrecht", true)]
    // apostrophes, hashtags and handles
    [InlineData("zo'n", "zo'n gedoe", true)]
    [InlineData("zo'n", "zo’n gedoe", true)]
    [InlineData("zo'n", "zo gedoe", false)]
    [InlineData("#wachttijd", "wachttijd", true)] // a hashtag yields its word, on both sides
    [InlineData("wachttijd", "#Wachttijd", true)]
    [InlineData("@umcutrecht", "bedankt UMCUtrecht", true)]
    [InlineData("@umcutrecht", "bedankt @UMCUtrecht!", true)]
    public void Match_FollowsTheQueryLanguage(string query, string text, bool expected)
    {
        Assert.Equal(expected, Matches(query, text));
    }

    [Theory]
    [InlineData("source:twitter", "twitter", TextLanguage.Other, null, true)]
    [InlineData("source:twitter", "facebook", TextLanguage.Other, null, false)]
    [InlineData("source:Twitter seh", "twitter", TextLanguage.Other, null, true)]
    [InlineData("source:twitter seh", "twitter", TextLanguage.Other, null, true)]
    [InlineData("source:zorg*", "zorgkaart", TextLanguage.Other, null, true)]
    [InlineData("source:zorg*", "twitter", TextLanguage.Other, null, false)]
    [InlineData("lang:nl", "x", TextLanguage.Dutch, null, true)]
    [InlineData("lang:nl", "x", TextLanguage.English, null, false)]
    [InlineData("lang:en seh", "x", TextLanguage.English, null, true)]
    [InlineData("lang:other", "x", TextLanguage.Other, null, true)]
    [InlineData("author:@JdeVries", "x", TextLanguage.Other, "@jdevries", true)]
    [InlineData("author:jdevries", "x", TextLanguage.Other, "@JdeVries", true)]
    [InlineData("author:jdevries", "x", TextLanguage.Other, "jdevries", true)]
    [InlineData("author:jdevries", "x", TextLanguage.Other, "@jdevries2", false)]
    [InlineData("author:jdevries", "x", TextLanguage.Other, null, false)]
    [InlineData("author:jde*", "x", TextLanguage.Other, "@JdeVries", true)]
    [InlineData("seh NOT source:news", "news", TextLanguage.Other, null, false)]
    [InlineData("seh NOT source:news", "twitter", TextLanguage.Other, null, true)]
    [InlineData("lang:nl NOT seh", "twitter", TextLanguage.Dutch, null, false)]
    [InlineData("(source:twitter OR source:facebook) lang:nl", "facebook", TextLanguage.Dutch, null, true)]
    public void Match_TestsTheFields(string query, string source, TextLanguage language, string? author, bool expected)
    {
        var text = query.Contains("seh") ? "De SEH is dicht" : "iets anders";
        Assert.Equal(expected, Matches(query, text, new MentionFields(source, language, author)));
    }

    [Fact]
    public void Match_WithAFieldOnlyQuery_MatchesMentionsWithoutAnyTermHit()
    {
        var matcher = new TopicMatcher([new("Nederlands", "lang:nl"), new("Geen SEH", "lang:nl NOT seh"), new("SEH", "seh")]);

        Assert.Equal(["Nederlands", "Geen SEH"], matcher.Match("goedemorgen", new MentionFields("twitter", TextLanguage.Dutch, null)).ToArray());
        Assert.Equal(["Nederlands", "SEH"], matcher.Match("seh", new MentionFields("twitter", TextLanguage.Dutch, null)).ToArray());
        Assert.Empty(matcher.Match("goedemorgen", new MentionFields("twitter", TextLanguage.English, null)));
    }

    [Fact]
    public void Match_OfAMention_ReadsItsSourceAndAuthor()
    {
        var matcher = new TopicMatcher([new("Van Jan", "author:@jdevries wacht*"), new("Nieuws", "source:news")]);
        var mention = Mention(text: "Lang wachten", source: "news", author: "@JdeVries");

        Assert.Equal(["Van Jan", "Nieuws"], matcher.Match(mention, TextLanguage.Dutch).ToArray());
    }

    [Fact]
    public void Constructor_WithABadQuery_Throws()
    {
        Assert.Throws<TopicQueryException>(() => new TopicMatcher([new("goed", "wacht*"), new("fout", "\"open")]));
        Assert.Throws<TopicQueryException>(() => new TopicMatcher([new("leeg", "")]));
    }

    [Fact]
    public void Match_ReturnsEveryMatchingTopicOnce_InConfigurationOrder()
    {
        var matcher = new TopicMatcher(
        [
            new("Wachttijden", "wachttijd OR wachtlijst, \"lang wachten\", wacht*"),
            new("Parkeren", "parkeren, parkeerplaats"),
            new("SEH", "seh OR \"spoedeisende hulp\""),
            new("Personeel", "verpleegkundige*, arts"),
        ]);

        Assert.Equal(["Wachttijden", "SEH"], matcher.Match("SEH: lang wachten, wachtlijst en wachtkamer vol. #wachttijd").ToArray());
        Assert.Equal(["Wachttijden", "Parkeren", "Personeel"], matcher.Match("De arts zei: wacht. Parkeren kost veel.").ToArray());
        Assert.Equal(["Personeel"], matcher.Match("Verpleegkundigen waren top").ToArray());
        Assert.Empty(matcher.Match("Alles prima geregeld"));
        Assert.Empty(matcher.Match(""));
    }

    [Fact]
    public void Match_WithTheSameTermInSeveralTopics_ReturnsAllOfThem()
    {
        var matcher = new TopicMatcher(
            [new("A", "seh"), new("B", "seh OR spoed"), new("C", "\"seh dicht\""), new("D", "se*"), new("E", "seh NOT dicht")]);

        Assert.Equal(["A", "B", "C", "D"], matcher.Match("De SEH dicht?").ToArray());
        Assert.Equal(["A", "B", "D", "E"], matcher.Match("De SEH is open").ToArray());
    }

    [Fact]
    public void Match_ForgetsTheHitsOfThePreviousMention()
    {
        var matcher = new TopicMatcher([new("A", "seh NOT dicht"), new("B", "seh NEAR/2 dicht")]);

        Assert.Equal(["B"], matcher.Match("seh dicht").ToArray());
        Assert.Equal(["A"], matcher.Match("seh open").ToArray());
        Assert.Empty(matcher.Match("dicht"));
        Assert.Equal(["B"], matcher.Match("dicht, seh").ToArray());
    }

    [Fact]
    public void Match_WithoutTopics_ReturnsNothing()
    {
        Assert.Empty(TopicMatcher.Empty.Match("wachttijd"));
        Assert.Empty(TopicMatcher.Empty.Topics);
        Assert.Empty(new TopicMatcher([]).Match("wachttijd"));
    }

    [Fact]
    public void Topics_AreKeptInOrder()
    {
        TopicDefinition[] topics = [new("B", "b"), new("A", "a")];

        Assert.Equal(topics, new TopicMatcher(topics).Topics.ToArray());
        Assert.Equal(["B", "A"], new TopicMatcher(topics).Match("a b").ToArray());
    }

    [Theory]
    [InlineData(300)]
    [InlineData(1000)]
    public void Match_WithManyTopics_FindsExactlyTheRightOnes(int count)
    {
        var topics = Enumerable.Range(0, count)
            .Select(i => (i % 3) switch
            {
                0 => new TopicDefinition($"T{i}", $"onderwerp{i} OR \"fraze {i}\""),
                1 => new TopicDefinition($"T{i}", $"prefix{i}x*"),
                _ => new TopicDefinition($"T{i}", $"(woord{i} OR ander{i}) NOT uitgezonderd{i}"),
            })
            .ToList();
        var matcher = new TopicMatcher(topics);
        var last = count - 1;
        int[] wanted = [0, 1, 2, 3, 128, 255, 299, last];

        var text = string.Join(" ", wanted.Select(i => (i % 3) switch
        {
            0 => i % 2 == 0 ? $"onderwerp{i}" : $"fraze {i}",
            1 => $"PREFIX{i}Xyz",
            _ => $"ander{i}",
        }));
        var matched = matcher.Match(text + " onderwerp99999 fraze prefix5 woord5 uitgezonderd5");

        Assert.Equal(wanted.Distinct().Order().Select(i => $"T{i}"), matched);
    }

    [Fact]
    public void Match_AgreesWithAScanPerTopic_OnRandomQueriesAndTexts()
    {
        // The one-pass index against the obvious evaluation, topic by topic, on texts built from the same words.
        var random = new Random(2311);
        string[] vocabulary = ["seh", "dicht", "wacht", "wachten", "wachtlijst", "lang", "open", "arts", "parkeren", "zorg"];
        string[] patterns = ["seh", "dicht", "wacht*", "\"lang wachten\"", "wachtlijst", "open", "arts", "parkeren", "zo*", "\"wacht* lang\""];
        for (var round = 0; round < 300; round++)
        {
            var topics = Enumerable.Range(0, 12).Select(t => new TopicDefinition($"T{t}", RandomQuery(random, patterns, 3))).ToList();
            var matcher = new TopicMatcher(topics);
            for (var m = 0; m < 10; m++)
            {
                var words = Enumerable.Range(0, random.Next(0, 8)).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToArray();
                var text = string.Join(" ", words);
                var expected = topics.Where(t => new TopicMatcher([t]).Match(text).Length == 1).Select(t => t.Name);
                var naive = topics.Where(t => Reference.Evaluate(TopicQueryParser.Parse(t.Query), words)).Select(t => t.Name);
                Assert.Equal(naive, matcher.Match(text));
                Assert.Equal(naive, expected);
            }
        }
    }

    private static string RandomQuery(Random random, string[] patterns, int depth)
    {
        var kind = depth == 0 ? 0 : random.Next(6);
        return kind switch
        {
            1 => $"({RandomQuery(random, patterns, depth - 1)} OR {RandomQuery(random, patterns, depth - 1)})",
            2 => $"{RandomQuery(random, patterns, depth - 1)} {RandomQuery(random, patterns, depth - 1)}",
            3 => $"{RandomQuery(random, patterns, depth - 1)} NOT {patterns[random.Next(patterns.Length)]}",
            4 => $"{patterns[random.Next(patterns.Length)]} NEAR/{random.Next(1, 4)} {patterns[random.Next(patterns.Length)]}",
            _ => patterns[random.Next(patterns.Length)],
        };
    }

    /// <summary>A deliberately naive evaluator over the token list, as the specification reads.</summary>
    private static class Reference
    {
        public static bool Evaluate(TopicQueryNode node, string[] tokens) => node switch
        {
            TermNode term => Spans(term, tokens).Any(),
            NotNode not => !Evaluate(not.Operand, tokens),
            AndNode and => and.Operands.All(o => Evaluate(o, tokens)),
            OrNode either => either.Operands.Any(o => Evaluate(o, tokens)),
            NearNode near => Spans(near, tokens).Any(),
            _ => throw new InvalidOperationException(),
        };

        private static IEnumerable<(int Start, int End)> Spans(TopicQueryNode node, string[] tokens) => node switch
        {
            TermNode term => Enumerable.Range(0, tokens.Length)
                .Where(i => i + term.Words.Length <= tokens.Length
                    && term.Words.Select((w, k) => w.IsPrefix ? tokens[i + k].StartsWith(w.Text, StringComparison.Ordinal) : tokens[i + k] == w.Text).All(x => x))
                .Select(i => (i, i + term.Words.Length - 1)),
            OrNode either => either.Operands.SelectMany(o => Spans(o, tokens)),
            NearNode near =>
                from a in Spans(near.Left, tokens)
                from b in Spans(near.Right, tokens)
                let gap = a.End < b.Start ? b.Start - a.End : b.End < a.Start ? a.Start - b.End : 0
                where gap >= 1 && gap <= near.Distance
                select (Math.Min(a.Start, b.Start), Math.Max(a.End, b.End)),
            _ => throw new InvalidOperationException(),
        };
    }

    [Fact]
    public void Match_IsThreadSafe()
    {
        var matcher = new TopicMatcher([new("W", "wacht*"), new("S", "\"spoedeisende hulp\""), new("N", "wacht* NEAR/4 hulp")]);

        Parallel.For(0, 10_000, i =>
        {
            var text = i % 2 == 0 ? "wachten op de spoedeisende hulp" : "niets";
            var expected = i % 2 == 0 ? new[] { "W", "S", "N" } : [];
            Assert.Equal(expected, matcher.Match(text));
        });
    }

    [Fact]
    public void Match_OfASingleTopic_AllocatesNothing_AndOfNone_AllocatesNothing()
    {
        var matcher = new TopicMatcher(DemoTopicsForAllocation);
        const string text = "Al 3 uur wachten op de SEH van het @ziekenhuis, niemand vertelt iets. Echt schandalig dit! #wachttijd";
        const string none = "Niets aan de hand vandaag, prima geholpen";
        Assert.Equal(["Wachttijd"], matcher.Match(text).ToArray());
        Assert.Empty(matcher.Match(none));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            matcher.Match(text);
            matcher.Match(none);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static readonly TopicDefinition[] DemoTopicsForAllocation =
        [new("Wachttijd", "wacht*, wachtlijst*"), new("Parkeren", "parkeer*"), new("Personeel", "onbeschoft NOT bedankt")];
}
