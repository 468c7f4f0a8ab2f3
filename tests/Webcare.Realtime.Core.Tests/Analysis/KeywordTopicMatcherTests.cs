using Webcare.Realtime.Core.Analysis;

namespace Webcare.Realtime.Core.Tests.Analysis;

public sealed class KeywordTopicMatcherTests
{
    private static bool Matches(string query, string text) =>
        new KeywordTopicMatcher([new TopicDefinition("t", query)]).Match(text).Contains("t");

    [Theory]
    // alternatives: OR and commas
    [InlineData("wachttijd OR wachtlijst", "De wachtlijst is lang", true)]
    [InlineData("wachttijd OR wachtlijst", "Wat een WACHTTIJD!", true)]
    [InlineData("wachttijd OR wachtlijst", "wachten duurt lang", false)]
    [InlineData("wachttijd, wachtlijst", "wachtlijst", true)]
    [InlineData("wachttijd,wachtlijst", "wachttijd", true)]
    [InlineData("seh OR spoed, huisartsenpost", "naar de huisartsenpost", true)]
    [InlineData("seh OR spoed, huisartsenpost", "de spoed was dicht", true)]
    [InlineData("wachttijd or wachtlijst", "wachtlijst", false)] // only upper-case OR separates; this is a phrase
    [InlineData("wachttijd or wachtlijst", "wachttijd or wachtlijst", true)]
    // phrases: all words, in order, next to each other
    [InlineData("\"lang wachten\"", "Moest lang wachten", true)]
    [InlineData("\"lang wachten\"", "zo lang... wachten!", true)] // punctuation between the words is no gap
    [InlineData("\"lang wachten\"", "Lang\nWachten", true)]
    [InlineData("\"lang wachten\"", "wachten lang", false)]
    [InlineData("\"lang wachten\"", "lang moeten wachten", false)]
    [InlineData("\"lang wachten\"", "veel te lang", false)] // the phrase runs past the end of the text
    [InlineData("lang wachten", "lang wachten", true)] // unquoted, too
    [InlineData("lang wachten", "wachten", false)]
    [InlineData("\"lang, wachten\" OR x", "lang wachten", true)] // a comma inside quotes does not separate
    [InlineData("\"lang, wachten\"", "wachten", false)]
    [InlineData("\"a OR b\"", "a or b", true)] // nor does OR
    [InlineData("\"a OR b\"", "b", false)]
    // prefixes
    [InlineData("wacht*", "wachtkamer", true)]
    [InlineData("wacht*", "Wachten", true)]
    [InlineData("wacht*", "wacht", true)]
    [InlineData("wacht*", "afwachten", false)] // a prefix, not a substring
    [InlineData("wacht*", "wach", false)]
    [InlineData("wächt*", "WACHTKAMER", true)]
    [InlineData("lang wacht*", "veel te lang wachtende", true)]
    [InlineData("lang wacht*", "lang wacht", true)]
    [InlineData("lang wacht*", "lang gewacht", false)]
    [InlineData("lang wacht*", "wachtende lang", false)]
    [InlineData("\"lang wacht*\"", "lang wachten", true)]
    // case and diacritics
    [InlineData("Café", "cafe", true)]
    [InlineData("cafe", "CAFÉ", true)]
    [InlineData("ZIEKENHUIS", "ziekenhuis", true)]
    [InlineData("coöperatie", "Cooperatie", true)]
    [InlineData("Łódź", "lodz", true)]
    // whole words only
    [InlineData("parkeren", "parkeerplaats", false)]
    [InlineData("parkeer", "parkeerplaats", false)]
    [InlineData("parkeren", "Parkeren is duur", true)]
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
    public void Match_FollowsTheQuerySyntax(string query, string text, bool expected)
    {
        Assert.Equal(expected, Matches(query, text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(",")]
    [InlineData("a,,b")]
    [InlineData("a, ,b")]
    [InlineData("a,")]
    [InlineData(",a")]
    [InlineData("a OR ")]
    [InlineData(" OR a")]
    [InlineData("a OR  OR b")]
    [InlineData("\"\"")]
    [InlineData("*")]
    [InlineData("!!!")]
    [InlineData("👍")]
    [InlineData("a, #")]
    public void ParseQuery_WithAnEmptyAlternative_Throws(string query)
    {
        Assert.Throws<FormatException>(() => KeywordTopicMatcher.ParseQuery(query));
    }

    [Theory]
    [InlineData("\"lang wachten")]
    [InlineData("a, \"b")]
    [InlineData("\"a\" OR \"b")]
    [InlineData("a\"b\"c\"")]
    public void ParseQuery_WithAnUnclosedQuote_Throws(string query)
    {
        var ex = Assert.Throws<FormatException>(() => KeywordTopicMatcher.ParseQuery(query));
        Assert.Contains("quote", ex.Message);
    }

    [Fact]
    public void Constructor_WithABadQuery_Throws()
    {
        Assert.Throws<FormatException>(() => new KeywordTopicMatcher([new("goed", "wacht*"), new("fout", "\"open")]));
        Assert.Throws<FormatException>(() => new KeywordTopicMatcher([new("leeg", "")]));
    }

    [Fact]
    public void ParseQuery_ReturnsTheTerms()
    {
        var terms = KeywordTopicMatcher.ParseQuery("Wacht*, \"Lang Wachten\" OR seh,lang wacht*");

        Assert.Equal(4, terms.Count);
        Assert.Equal(["wacht"], terms[0].Words);
        Assert.True(terms[0].LastIsPrefix);
        Assert.Equal(["lang", "wachten"], terms[1].Words);
        Assert.False(terms[1].LastIsPrefix);
        Assert.Equal(["seh"], terms[2].Words);
        Assert.False(terms[2].LastIsPrefix);
        Assert.Equal(["lang", "wacht"], terms[3].Words);
        Assert.True(terms[3].LastIsPrefix);
    }

    [Fact]
    public void Match_ReturnsEveryMatchingTopicOnce_InConfigurationOrder()
    {
        var matcher = new KeywordTopicMatcher(
        [
            new("Wachttijden", "wachttijd OR wachtlijst, \"lang wachten\", wacht*"),
            new("Parkeren", "parkeren, parkeerplaats"),
            new("SEH", "seh OR spoedeisende hulp"),
            new("Personeel", "verpleegkundige*, arts"),
        ]);

        Assert.Equal(["Wachttijden", "SEH"], matcher.Match("SEH: lang wachten, wachtlijst en wachtkamer vol. #wachttijd").ToArray());
        Assert.Equal(["Wachttijden", "Parkeren", "Personeel"], matcher.Match("De arts zei: wacht. Parkeren kost veel.").ToArray());
        Assert.Equal(["Personeel"], matcher.Match("Verpleegkundigen waren top").ToArray());
        Assert.Empty(matcher.Match("Alles prima geregeld"));
        Assert.Empty(matcher.Match(""));
    }

    [Fact]
    public void Match_WithTheSameWordInSeveralTopics_ReturnsAllOfThem()
    {
        var matcher = new KeywordTopicMatcher([new("A", "seh"), new("B", "seh OR spoed"), new("C", "\"seh dicht\""), new("D", "se*")]);

        Assert.Equal(["A", "B", "C", "D"], matcher.Match("De SEH dicht?").ToArray());
        Assert.Equal(["A", "B", "D"], matcher.Match("De SEH is dicht").ToArray());
    }

    [Fact]
    public void Match_WithoutTopics_ReturnsNothing()
    {
        Assert.Empty(KeywordTopicMatcher.Empty.Match("wachttijd"));
        Assert.Empty(KeywordTopicMatcher.Empty.Topics);
        Assert.Empty(new KeywordTopicMatcher([]).Match("wachttijd"));
    }

    [Fact]
    public void Topics_AreKeptInOrder()
    {
        TopicDefinition[] topics = [new("B", "b"), new("A", "a")];

        Assert.Equal(topics, new KeywordTopicMatcher(topics).Topics.ToArray());
    }

    [Theory]
    [InlineData(300)] // more than the 256 that fit the stack
    [InlineData(256)]
    [InlineData(257)]
    public void Match_WithManyTopics_FindsExactlyTheRightOnes(int count)
    {
        var topics = Enumerable.Range(0, count)
            .Select(i => i % 3 == 0
                ? new TopicDefinition($"T{i}", $"onderwerp{i} OR \"fraze {i}\"")
                : new TopicDefinition($"T{i}", $"prefix{i}x*"))
            .ToList();
        var matcher = new KeywordTopicMatcher(topics);
        var last = count - 1;
        int[] wanted = [0, 1, 2, 3, 128, 255, last];

        var text = string.Join(" ", wanted.Select(i => i % 3 == 0 ? (i % 2 == 0 ? $"onderwerp{i}" : $"fraze {i}") : $"PREFIX{i}Xyz"));
        var matched = matcher.Match(text + " onderwerp99999 fraze prefix5");

        Assert.Equal(wanted.Distinct().Order().Select(i => $"T{i}"), matched);
    }

    [Fact]
    public void Match_IsThreadSafe()
    {
        var matcher = new KeywordTopicMatcher([new("W", "wacht*"), new("S", "\"spoedeisende hulp\"")]);

        Parallel.For(0, 10_000, i =>
        {
            var text = i % 2 == 0 ? "wachten op de spoedeisende hulp" : "niets";
            var expected = i % 2 == 0 ? new[] { "W", "S" } : [];
            Assert.Equal(expected, matcher.Match(text));
        });
    }
}
