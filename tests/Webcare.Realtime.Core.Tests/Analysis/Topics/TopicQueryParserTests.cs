using System.Text;
using Webcare.Realtime.Core.Analysis.Topics;

namespace Webcare.Realtime.Core.Tests.Analysis.Topics;

public sealed class TopicQueryParserTests
{
    private static string Tree(string query) => TopicQueryParser.Parse(query).ToString();

    [Theory]
    // terms: folded, hashtags and handles are their word, a cut word is a phrase
    [InlineData("Wacht*", "\"wacht*\"")]
    [InlineData("\"Lang Wachten\"", "\"lang wachten\"")]
    [InlineData("#Wachttijd", "\"wachttijd\"")]
    [InlineData("@UMCUtrecht", "\"umcutrecht\"")]
    [InlineData("UMC-Utrecht", "\"umc utrecht\"")]
    [InlineData("\"lang wacht* op\"", "\"lang wacht* op\"")]
    [InlineData("Café", "\"cafe\"")]
    [InlineData("zo’n", "\"zo'n\"")]
    [InlineData("10:30", "\"10 30\"")] // not a field name: text
    // OR and comma are one operator; operands flatten
    [InlineData("a OR b", "(or \"a\" \"b\")")]
    [InlineData("a, b OR c,d", "(or \"a\" \"b\" \"c\" \"d\")")]
    [InlineData("(a OR b) OR c", "(or \"a\" \"b\" \"c\")")]
    // AND binds tighter than OR; adjacency is AND
    [InlineData("a b", "(and \"a\" \"b\")")]
    [InlineData("a AND b c", "(and \"a\" \"b\" \"c\")")]
    [InlineData("a OR b AND c", "(or \"a\" (and \"b\" \"c\"))")]
    [InlineData("a b OR c d", "(or (and \"a\" \"b\") (and \"c\" \"d\"))")]
    [InlineData("a, b c", "(or \"a\" (and \"b\" \"c\"))")]
    [InlineData("(a OR b) c", "(and (or \"a\" \"b\") \"c\")")]
    // NOT binds tightest of the boolean operators
    [InlineData("a NOT b", "(and \"a\" (not \"b\"))")]
    [InlineData("a AND NOT b", "(and \"a\" (not \"b\"))")]
    [InlineData("NOT b a", "(and (not \"b\") \"a\")")]
    [InlineData("a NOT b OR c", "(or (and \"a\" (not \"b\")) \"c\")")]
    [InlineData("a NOT (b OR c)", "(and \"a\" (not (or \"b\" \"c\")))")]
    [InlineData("a NOT NOT b", "(and \"a\" (not (not \"b\")))")]
    // NEAR binds tighter than NOT, AND and OR; it chains to the left
    [InlineData("a NEAR/3 b", "(near/3 \"a\" \"b\")")]
    [InlineData("a NEAR/3 b c", "(and (near/3 \"a\" \"b\") \"c\")")]
    [InlineData("a NEAR/3 b OR c", "(or (near/3 \"a\" \"b\") \"c\")")]
    [InlineData("x NOT a NEAR/2 b", "(and \"x\" (not (near/2 \"a\" \"b\")))")]
    [InlineData("a NEAR/1 b NEAR/2 c", "(near/2 (near/1 \"a\" \"b\") \"c\")")]
    [InlineData("(a OR \"b c\") NEAR/5 dd*", "(near/5 (or \"a\" \"b c\") \"dd*\")")]
    // fields
    [InlineData("source:Twitter", "source:twitter")]
    [InlineData("lang:NL seh", "(and lang:nl \"seh\")")]
    [InlineData("author:@JdeVries", "author:jdevries")]
    [InlineData("author:jde*", "author:jde*")]
    [InlineData("SOURCE:news", "source:news")]
    [InlineData("seh NOT source:news", "(and \"seh\" (not source:news))")]
    // lower-case operators are words
    [InlineData("a or b", "(and \"a\" \"or\" \"b\")")]
    [InlineData("niet not near and", "(and \"niet\" \"not\" \"near\" \"and\")")]
    // white space is free
    [InlineData("  (a)\t,\n(b)  ", "(or \"a\" \"b\")")]
    [InlineData("a,(b)", "(or \"a\" \"b\")")]
    public void Parse_BuildsTheTreeWithThePrecedence(string query, string expected)
    {
        Assert.Equal(expected, Tree(query));
    }

    [Theory]
    [InlineData("", 1, "a word", "an empty query")]
    [InlineData("   ", 1, "a word", "an empty query")]
    [InlineData("a OR", 5, "a word", "the end of the query")]
    [InlineData("OR a", 1, "a word", "'OR'")]
    [InlineData("a AND", 6, "a word", "the end of the query")]
    [InlineData("a OR OR b", 6, "a word", "'OR'")]
    [InlineData("a,,b", 3, "a word", "','")]
    [InlineData(",a", 1, "a word", "','")]
    [InlineData("a,", 3, "a word", "the end of the query")]
    [InlineData("(a OR b", 8, "')' to close the '(' at position 1", "the end of the query")]
    [InlineData("a OR (b (c)", 12, "')' to close the '(' at position 6", "the end of the query")]
    [InlineData("a)", 2, "an operator", "')'")]
    [InlineData("()", 2, "a word", "')'")]
    [InlineData("\"lang wachten", 1, "a closing '\"'", "the end of the query")]
    [InlineData("a, \"b", 4, "a closing '\"'", "the end of the query")]
    [InlineData("\"\"", 2, "words inside the quotes", "nothing")]
    [InlineData("\"!!\"", 2, "words inside the quotes", "'!!'")]
    [InlineData("!!!", 1, "a word with letters or digits", "'!!!'")]
    [InlineData("a, #", 4, "a word with letters or digits", "'#'")]
    [InlineData("👍", 1, "a word with letters or digits", "'👍'")]
    [InlineData("*", 1, "'*' right after a word", "'*'")]
    [InlineData("wa*cht", 3, "'*' only at the end of a word", "'wa*'")]
    [InlineData("wacht**", 7, "'*' right after a word", "'*'")]
    [InlineData("w*", 1, "at least 2 letters before '*'", "'w*'")]
    [InlineData("a NEAR b", 3, "NEAR/n with n from 1 to 100", "'NEAR'")]
    [InlineData("a NEAR/0 b", 3, "NEAR/n", "'NEAR/0'")]
    [InlineData("a NEAR/101 b", 3, "NEAR/n", "'NEAR/101'")]
    [InlineData("a NEAR/x b", 3, "NEAR/n", "'NEAR/x'")]
    [InlineData("a NEAR/3", 9, "a word", "the end of the query")]
    [InlineData("NEAR/3 a", 1, "a word", "'NEAR/3'")]
    [InlineData("a NEAR/3 (b AND c)", 11, "a word, a \"phrase\" or an OR of them beside NEAR/3", "'b AND c)'")]
    [InlineData("source:twitter NEAR/3 a", 1, "beside NEAR/3", "'source:twitter NEAR/…'")]
    [InlineData("a NEAR/3 NOT b", 10, "a word", "'NOT'")]
    [InlineData("lang:de", 6, "nl, en or other after lang:", "'de'")]
    [InlineData("lang:n*", 6, "nl, en or other after lang:", "'n*'")]
    [InlineData("source:", 8, "a value after source:", "nothing")]
    [InlineData("author:@", 8, "a value after author:", "'@'")]
    [InlineData("source:a*b", 8, "a value after source:", "'a*b'")]
    [InlineData("site:nu.nl", 1, "a field source:, lang: or author:", "'site:'")]
    [InlineData("https://x.nl", 1, "a field source:, lang: or author:", "'https:'")]
    [InlineData("NOT a", 1, "something to match besides NOT", "'NOT a'")]
    [InlineData("a OR NOT b", 6, "something to match besides NOT", "'NOT b'")]
    [InlineData("NOT a NOT b", 1, "something to match besides NOT", "'NOT a NOT b'")]
    public void Parse_RefusesWithThePositionAndWhatWasExpected(string query, int position, string expected, string found)
    {
        var error = Assert.Throws<TopicQueryException>(() => TopicQueryParser.Parse(query));
        Assert.Equal(position, error.Position);
        Assert.Contains(expected, error.Expected);
        Assert.Equal(found, error.Found);
        Assert.StartsWith($"at position {position}: expected ", error.Message);
    }

    [Theory]
    [InlineData("wacht*, wachtlijst*, \"lang wachten\"")]
    [InlineData("(seh OR \"spoedeisende hulp\" OR \"eerste hulp\") NEAR/4 dicht* NOT source:news")]
    [InlineData("(\"Rijnmond-Oost\" OR @RijnmondOost OR #rijnmondoost) NOT vacature*")]
    [InlineData("datalek* OR (gegevens NEAR/3 gelekt) OR \"Autoriteit Persoonsgegevens\"")]
    [InlineData("lang:en (waited OR \"waiting list\") author:@nhs*")]
    [InlineData("lang:en")]
    public void Parse_AcceptsTheReadmeExamples(string query)
    {
        Assert.NotNull(TopicQueryParser.Parse(query));
    }

    [Fact]
    public void Parse_RefusesAWordLongerThanTheTokenizerKeeps()
    {
        Assert.Equal("\"" + new string('a', 64) + "\"", Tree(new string('a', 64)));
        var error = Assert.Throws<TopicQueryException>(() => TopicQueryParser.Parse("x " + new string('a', 65)));
        Assert.Equal(3, error.Position);
        Assert.Contains("at most 64", error.Expected);
    }

    [Fact]
    public void Parse_LimitsTheNesting_InsteadOfOverflowingTheStack()
    {
        var deep = new string('(', TopicQueryParser.MaxDepth) + "a" + new string(')', TopicQueryParser.MaxDepth);
        Assert.Equal("\"a\"", Tree(deep));

        var tooDeep = new string('(', 100_000) + "a" + new string(')', 100_000);
        var error = Assert.Throws<TopicQueryException>(() => TopicQueryParser.Parse(tooDeep));
        Assert.Equal(TopicQueryParser.MaxDepth + 1, error.Position);

        var nots = "a " + string.Concat(Enumerable.Repeat("NOT ", 10_000)) + "b";
        Assert.Throws<TopicQueryException>(() => TopicQueryParser.Parse(nots));
    }

    [Fact]
    public void Terms_ListsEveryTermInOrder()
    {
        var terms = TopicQueryParser.Terms(TopicQueryParser.Parse("(a OR \"b c\") NOT dd* source:x e NEAR/2 f"));
        Assert.Equal(["a", "b c", "dd*", "e", "f"], terms.Select(t => t.Key));
    }

    [Fact]
    public void Parse_OfRandomQueries_OnlyEverThrowsTheParseError_AndCompiles()
    {
        // Random token soup from the language's own pieces, so most inputs get deep into the grammar.
        var random = new Random(20261123);
        string[] pieces = ["a", "wacht*", "\"lang wachten\"", "\"", "(", ")", ",", "AND", "OR", "NOT", "NEAR/2", "NEAR/", "NEAR",
            "source:x", "lang:nl", "lang:", "author:@y*", "site:z", "#seh", "@umc", "*", "é", "!", " ", "x*y", ":", "a:b"];
        var parsed = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var query = new StringBuilder();
            for (var n = random.Next(0, 12); n > 0; n--) query.Append(pieces[random.Next(pieces.Length)]).Append(random.Next(3) == 0 ? "" : " ");
            try
            {
                var root = TopicQueryParser.Parse(query.ToString());
                new TopicMatcher([new("t", query.ToString())]).Match("a wachten lang wachten seh umc x é");
                Assert.Equal(root.ToString(), TopicQueryParser.Parse(query.ToString()).ToString());
                parsed++;
            }
            catch (TopicQueryException ex)
            {
                Assert.InRange(ex.Position, 1, query.Length + 1);
            }
        }
        Assert.InRange(parsed, 1_000, 19_000); // both paths are exercised
    }
}
