using System.Text;
using Webcare.Realtime.Core.Ingest;
using Webcare.Realtime.Core.Model;
using static Webcare.Realtime.Core.Tests.Support.TestMentions;

namespace Webcare.Realtime.Core.Tests.Ingest;

public sealed class MentionBatchParserTests
{
    private static readonly MentionBatchParser Parser = new(IngestLimits.Default);

    // ---- helpers -------------------------------------------------------------------------------

    /// <summary>
    /// A mention object on one line: the four required fields with valid values, each replaced by the raw JSON
    /// given (null removes the field); other names are appended.
    /// </summary>
    private static string Obj(params (string Name, string? Raw)[] overrides)
    {
        var fields = new List<(string Name, string Raw)>
        {
            ("source", "\"twitter\""),
            ("id", "\"1\""),
            ("text", "\"hallo\""),
            ("createdAt", "\"2026-11-23T09:15:00Z\""),
        };
        foreach (var (name, raw) in overrides)
        {
            var index = fields.FindIndex(f => f.Name == name);
            if (index >= 0) fields.RemoveAt(index);
            if (raw is not null)
                if (index >= 0) fields.Insert(index, (name, raw));
                else fields.Add((name, raw));
        }
        return "{" + string.Join(",", fields.Select(f => $"\"{f.Name}\":{f.Raw}")) + "}";
    }

    private static string Str(string value) => System.Text.Json.JsonSerializer.Serialize(value);

    private static ParsedBatch Ndjson(string body, IngestLimits? limits = null) =>
        new MentionBatchParser(limits ?? IngestLimits.Default).ParseNdjson(Encoding.UTF8.GetBytes(body), Now);

    private static ParsedBatch JsonArray(string body, IngestLimits? limits = null) =>
        new MentionBatchParser(limits ?? IngestLimits.Default).ParseJsonArray(Encoding.UTF8.GetBytes(body), Now);

    /// <summary>Parses one object both as an NDJSON line and as a one-element array; both must agree.</summary>
    private static (Mention? Mention, IngestError? Error) Single(string json, IngestLimits? limits = null)
    {
        var ndjson = Ndjson(json, limits);
        var array = JsonArray("[" + json + "]", limits);
        Assert.Equal(1, ndjson.Mentions.Count + ndjson.Errors.Count);
        Assert.Equal(ndjson.Mentions, array.Mentions);
        Assert.Equal(ndjson.Errors, array.Errors);
        return (ndjson.Mentions.SingleOrDefault(), ndjson.Errors.SingleOrDefault());
    }

    private static Mention Accepted(string json, IngestLimits? limits = null)
    {
        var (mention, error) = Single(json, limits);
        Assert.True(error is null, $"expected the object to be accepted, got: {error?.Message}");
        return mention!;
    }

    private static string Rejected(string json, IngestLimits? limits = null)
    {
        var (mention, error) = Single(json, limits);
        Assert.Null(mention);
        Assert.NotNull(error);
        Assert.Equal(1, error.Line);
        return error.Message;
    }

    // ---- mapping -------------------------------------------------------------------------------

    [Fact]
    public void FullObject_MapsEveryField()
    {
        var json = """
            {"source":"twitter","id":"1860000000000000001","text":"Lang wachten bij de SEH",
             "createdAt":"2026-11-23T09:15:00Z","url":"https://x.com/jan/status/1860000000000000001",
             "author":{"handle":"jan_de_vries","name":"Jan de Vries","followers":1234},
             "conversationId":"1859999999999999999","inReplyTo":"1859999999999999998","sharedFrom":"1859999999999999997",
             "metrics":{"likes":42,"shares":7}}
            """.ReplaceLineEndings("");

        var m = Accepted(json);

        Assert.Equal("twitter", m.Source);
        Assert.Equal("1860000000000000001", m.Id);
        Assert.Equal("Lang wachten bij de SEH", m.Text);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 15, 0, TimeSpan.Zero), m.CreatedAt);
        Assert.Equal(TimeSpan.Zero, m.CreatedAt.Offset);
        Assert.Equal("https://x.com/jan/status/1860000000000000001", m.Url);
        Assert.Equal(new Author("jan_de_vries", "Jan de Vries", 1234), m.Author);
        Assert.Equal("1859999999999999999", m.ConversationId);
        Assert.Equal("1859999999999999998", m.InReplyTo);
        Assert.Equal("1859999999999999997", m.SharedFrom);
        Assert.Equal(new MentionMetrics(42, 7), m.Metrics);
        Assert.True(m.IsReply);
        Assert.True(m.IsShare);
        Assert.Equal("twitter:1859999999999999999", m.ConversationKey);
    }

    [Fact]
    public void MinimalObject_LeavesOptionalFieldsEmpty()
    {
        var m = Accepted(Obj());

        Assert.Equal(new Mention("twitter", "1", new DateTimeOffset(2026, 11, 23, 9, 15, 0, TimeSpan.Zero), "hallo"), m);
        Assert.Null(m.Author);
        Assert.Null(m.Url);
        Assert.Null(m.ConversationId);
        Assert.Null(m.InReplyTo);
        Assert.Null(m.SharedFrom);
        Assert.Equal(MentionMetrics.None, m.Metrics);
        Assert.False(m.IsReply);
        Assert.False(m.IsShare);
    }

    [Fact]
    public void OptionalFieldsGivenAsNull_AreTreatedAsAbsent()
    {
        var m = Accepted(Obj(("url", "null"), ("author", "null"), ("conversationId", "null"), ("inReplyTo", "null"),
            ("sharedFrom", "null"), ("metrics", "null")));

        Assert.Null(m.Author);
        Assert.Null(m.Url);
        Assert.Null(m.ConversationId);
        Assert.Null(m.InReplyTo);
        Assert.Null(m.SharedFrom);
        Assert.Equal(MentionMetrics.None, m.Metrics);
    }

    [Fact]
    public void UnknownFields_AreIgnoredAtEveryLevel()
    {
        var m = Accepted(Obj(
            ("lang", "\"nl\""),
            ("extra", """{"nested":[1,2,{"a":null,"b":[true,false]}],"s":"x"}"""),
            ("author", """{"handle":"jan","verified":true,"avatar":{"url":"https://a"},"followers":5}"""),
            ("metrics", """{"likes":1,"views":100,"quotes":[1]}""")));

        Assert.Equal(new Author("jan", null, 5), m.Author);
        Assert.Equal(new MentionMetrics(1, 0), m.Metrics);
    }

    [Fact]
    public void AuthorFields_AreTrimmedAndCleaned()
    {
        var m = Accepted(Obj(("author", """{"handle":"  jan ","name":"Jan\u202E de\u0000 Vries"}""")));

        Assert.Equal(new Author("jan", "Jan de Vries", 0), m.Author);
    }

    // ---- required fields -----------------------------------------------------------------------

    [Theory]
    [InlineData("source")]
    [InlineData("id")]
    [InlineData("text")]
    [InlineData("createdAt")]
    public void MissingRequiredField_IsRejectedNamingTheField(string field)
    {
        var message = Rejected(Obj((field, null)));

        Assert.Contains($"'{field}'", message);
        Assert.Contains("required", message);
    }

    [Theory]
    [InlineData("source")]
    [InlineData("id")]
    [InlineData("text")]
    [InlineData("createdAt")]
    public void RequiredFieldGivenAsNull_IsRejectedAsMissing(string field)
    {
        var message = Rejected(Obj((field, "null")));

        Assert.Contains($"'{field}'", message);
        Assert.Contains("required", message);
    }

    [Fact]
    public void EmptyObject_IsRejected()
    {
        Assert.Contains("required", Rejected("{}"));
    }

    // ---- wrong types ---------------------------------------------------------------------------

    [Theory]
    // a number where a string is expected
    [InlineData("source", "5", "'source' must be a string")]
    [InlineData("id", "1860000000000000001", "'id' must be a string")]
    [InlineData("text", "5", "'text' must be a string")]
    [InlineData("createdAt", "1763889300", "'createdAt' must be a string")]
    [InlineData("url", "5", "'url' must be a string")]
    [InlineData("conversationId", "5", "'conversationId' must be a string")]
    [InlineData("inReplyTo", "5", "'inReplyTo' must be a string")]
    [InlineData("sharedFrom", "5", "'sharedFrom' must be a string")]
    // booleans, objects and arrays where a string is expected
    [InlineData("id", "true", "'id' must be a string")]
    [InlineData("text", """{"nl":"hallo"}""", "'text' must be a string")]
    [InlineData("text", """["hallo"]""", "'text' must be a string")]
    [InlineData("source", """{"name":"twitter"}""", "'source' must be a string")]
    [InlineData("createdAt", """["2026-11-23T09:15:00Z"]""", "'createdAt' must be a string")]
    [InlineData("sharedFrom", "[]", "'sharedFrom' must be a string")]
    // strings, arrays and scalars where an object is expected
    [InlineData("author", "\"jan\"", "'author' must be an object")]
    [InlineData("author", """[{"handle":"jan"}]""", "'author' must be an object")]
    [InlineData("metrics", "5", "'metrics' must be an object")]
    [InlineData("metrics", "\"5\"", "'metrics' must be an object")]
    // wrong types inside author and metrics
    [InlineData("author", """{"handle":5}""", "'author.handle' must be a string")]
    [InlineData("author", """{"handle":"jan","name":["Jan"]}""", "'author.name' must be a string")]
    [InlineData("author", """{"handle":"jan","followers":"100"}""", "'author.followers' must be a whole number")]
    [InlineData("author", """{"handle":"jan","followers":{"count":1}}""", "'author.followers' must be a whole number")]
    [InlineData("metrics", """{"likes":"5"}""", "'metrics.likes' must be a whole number")]
    [InlineData("metrics", """{"shares":1.5}""", "'metrics.shares' must be a whole number")]
    [InlineData("metrics", """{"shares":true}""", "'metrics.shares' must be a whole number")]
    public void WrongType_IsRejectedNamingTheField(string field, string raw, string expected)
    {
        Assert.Contains(expected, Rejected(Obj((field, raw))));
    }

    [Fact]
    public void WrongTypeFollowedByMoreFields_StillRejectsOnlyThatObject()
    {
        var body = Obj(("text", """{"deep":{"er":[1,2,3]}}"""), ("url", "\"https://a.nl\"")) + "\n" + Obj(("id", "\"2\""));

        var batch = Ndjson(body);

        Assert.Equal(["2"], batch.Mentions.Select(m => m.Id));
        Assert.Equal(1, Assert.Single(batch.Errors).Line);
    }

    [Fact]
    public void AuthorWithoutHandle_IsRejected()
    {
        Assert.Contains("'author.handle' is required", Rejected(Obj(("author", """{"name":"Jan","followers":3}"""))));
        Assert.Contains("'author.handle' is required", Rejected(Obj(("author", """{"handle":"   "}"""))));
    }

    [Theory]
    [InlineData("\\u202e")]
    [InlineData("\\u0000\\u0007")]
    [InlineData(" \\u2066\\u2069 ")]
    public void AuthorHandleOfNothingButControlCharacters_IsRejected(string handle)
    {
        Assert.Contains("'author.handle' is required", Rejected(Obj(("author", $$"""{"handle":"{{handle}}"}"""))));
    }

    [Fact]
    public void AuthorHandle_ControlCharactersAreRemovedBeforeTrimming()
    {
        Assert.Equal("jan", Accepted(Obj(("author", """{"handle":"\u202e jan\u0000 "}"""))).Author!.Handle);
    }

    [Fact]
    public void AuthorHandleOrNameTooLong_IsRejected()
    {
        Assert.Contains("128", Rejected(Obj(("author", $$"""{"handle":"{{new string('h', 129)}}"}"""))));
        Assert.Contains("256", Rejected(Obj(("author", $$"""{"handle":"jan","name":"{{new string('n', 257)}}"}"""))));
        Assert.Equal(128, Accepted(Obj(("author", $$"""{"handle":"{{new string('h', 128)}}"}"""))).Author!.Handle.Length);
    }

    // ---- followers and counts ------------------------------------------------------------------

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("1234", 1234L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void Followers_InRange_AreAccepted(string raw, long expected)
    {
        Assert.Equal(expected, Accepted(Obj(("author", $$"""{"handle":"jan","followers":{{raw}}}"""))).Author!.Followers);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("-9223372036854775808")]
    [InlineData("9223372036854775808")] // long.MaxValue + 1
    [InlineData("99999999999999999999999999")]
    [InlineData("1e400")]
    [InlineData("1e3")]
    [InlineData("12.5")]
    public void Followers_NegativeHugeOrFractional_AreRejected(string raw)
    {
        var message = Rejected(Obj(("author", $$"""{"handle":"jan","followers":{{raw}}}""")));

        Assert.Contains("'author.followers' must be a whole number from 0 to 9223372036854775807", message);
    }

    [Theory]
    [InlineData("likes")]
    [InlineData("shares")]
    public void Metrics_NegativeOrHuge_AreRejected(string field)
    {
        Assert.Contains($"'metrics.{field}'", Rejected(Obj(("metrics", $$"""{"{{field}}":-3}"""))));
        Assert.Contains($"'metrics.{field}'", Rejected(Obj(("metrics", $$"""{"{{field}}":1e400}"""))));
    }

    // ---- JSON depth ----------------------------------------------------------------------------

    private static string Nested(int arrays) => new string('[', arrays) + new string(']', arrays);

    [Fact]
    public void DeeplyNestedUnknownField_RejectsThatNdjsonLineOnly()
    {
        var deep = Obj(("id", "\"2\""), ("extra", Nested(IngestLimits.Default.MaxJsonDepth + 5)));
        var body = Obj(("id", "\"1\"")) + "\n" + deep + "\n" + Obj(("id", "\"3\""));

        var batch = Ndjson(body);

        Assert.Equal(["1", "3"], batch.Mentions.Select(m => m.Id));
        var error = Assert.Single(batch.Errors);
        Assert.Equal(2, error.Line);
        Assert.StartsWith("not valid JSON", error.Message);
    }

    [Fact]
    public void NestingUpToMaxJsonDepth_IsAccepted_AndOneMoreIsRejected_InBothModes()
    {
        var limits = IngestLimits.Default with { MaxJsonDepth = 6 };
        // The object itself is one level, so MaxJsonDepth - 1 arrays inside it reach the limit exactly.
        var atLimit = Obj(("extra", Nested(limits.MaxJsonDepth - 1)));
        var overLimit = Obj(("extra", Nested(limits.MaxJsonDepth)));

        Assert.Equal("1", Accepted(atLimit, limits).Id);
        Assert.StartsWith("not valid JSON", Assert.Single(Ndjson(overLimit, limits).Errors).Message);
        // An array body cannot skip past a broken element, so the whole body is refused (see the class summary).
        Assert.Throws<UnreadableBodyException>(() => JsonArray("[" + overLimit + "]", limits));
    }

    // ---- NDJSON framing ------------------------------------------------------------------------

    [Fact]
    public void Ndjson_InvalidUtf8OnOneLine_RejectsOnlyThatLine()
    {
        var body = new List<byte>();
        body.AddRange(Encoding.UTF8.GetBytes(Obj(("id", "\"1\"")) + "\n"));
        body.AddRange(Encoding.UTF8.GetBytes("{\"source\":\"twitter\",\"id\":\"2\",\"text\":\"caf"));
        body.AddRange([0xC3, 0x28, 0xFF]); // a broken two-byte sequence and a byte that never occurs in UTF-8
        body.AddRange(Encoding.UTF8.GetBytes("\",\"createdAt\":\"2026-11-23T09:15:00Z\"}\n"));
        body.AddRange(Encoding.UTF8.GetBytes(Obj(("id", "\"3\"")) + "\n"));

        var batch = Parser.ParseNdjson(body.ToArray(), Now);

        Assert.Equal(["1", "3"], batch.Mentions.Select(m => m.Id));
        Assert.Equal(new IngestError(2, "the line is not valid UTF-8"), Assert.Single(batch.Errors));
    }

    [Fact]
    public void Ndjson_CrlfLineEndings_AreAcceptedAndLinesCounted()
    {
        var body = Obj(("id", "\"1\"")) + "\r\n" + "{broken\r\n" + Obj(("id", "\"3\""), ("text", "\"regel\"")) + "\r\n";

        var batch = Ndjson(body);

        Assert.Equal(["1", "3"], batch.Mentions.Select(m => m.Id));
        Assert.Equal("regel", batch.Mentions[1].Text); // no stray '\r'
        Assert.Equal(2, Assert.Single(batch.Errors).Line);
    }

    [Fact]
    public void Ndjson_BlankLinesAreSkippedButCounted()
    {
        var body = "\n   \n\t\r\n" + Obj(("id", "\"1\"")) + "\n\n" + "not json\n" + "\n" + Obj(("id", "\"2\"")) + "\n\n";

        var batch = Ndjson(body);

        Assert.Equal(["1", "2"], batch.Mentions.Select(m => m.Id));
        Assert.Equal(6, Assert.Single(batch.Errors).Line);
    }

    [Fact]
    public void Ndjson_LastLineWithoutNewline_IsRead()
    {
        var batch = Ndjson(Obj(("id", "\"1\"")) + "\n" + Obj(("id", "\"2\"")));

        Assert.Equal(["1", "2"], batch.Mentions.Select(m => m.Id));
        Assert.Empty(batch.Errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("\r\n\r\n   \n\t")]
    public void Ndjson_EmptyOrBlankBody_YieldsNothing(string body)
    {
        var batch = Ndjson(body);

        Assert.Empty(batch.Mentions);
        Assert.Empty(batch.Errors);
    }

    [Theory]
    [InlineData(" x")]
    [InlineData(" {}")]
    [InlineData(",")]
    [InlineData("]")]
    [InlineData(" \"more\"")]
    public void Ndjson_TrailingGarbageAfterTheObject_RejectsTheLine(string garbage)
    {
        var body = Obj(("id", "\"1\"")) + garbage + "\n" + Obj(("id", "\"2\""));

        var batch = Ndjson(body);

        Assert.Equal(["2"], batch.Mentions.Select(m => m.Id));
        var error = Assert.Single(batch.Errors);
        Assert.Equal(1, error.Line);
        Assert.StartsWith("not valid JSON", error.Message);
    }

    [Fact]
    public void Ndjson_TrailingWhitespaceAfterTheObject_IsFine()
    {
        Assert.Single(Ndjson(Obj() + "  \t \r\n").Mentions);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""[{"source":"twitter"}]""")]
    [InlineData("5")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    public void Ndjson_LineThatIsNotAnObject_IsRejected(string line)
    {
        var batch = Ndjson(line + "\n" + Obj());

        Assert.Single(batch.Mentions);
        Assert.Equal(new IngestError(1, "expected a JSON object"), Assert.Single(batch.Errors));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"source\":\"twitter\"")]
    [InlineData("{\"source\":}")]
    [InlineData("{source:\"twitter\"}")]
    [InlineData("{'source':'twitter'}")]
    [InlineData("{\"source\":\"twitter\",}")]
    public void Ndjson_BrokenJsonOnALine_RejectsThatLineOnly(string line)
    {
        var batch = Ndjson(Obj(("id", "\"1\"")) + "\n" + line + "\n" + Obj(("id", "\"3\"")));

        Assert.Equal(["1", "3"], batch.Mentions.Select(m => m.Id));
        var error = Assert.Single(batch.Errors);
        Assert.Equal(2, error.Line);
        Assert.StartsWith("not valid JSON", error.Message);
    }

    // ---- JSON array framing --------------------------------------------------------------------

    [Fact]
    public void Array_ErrorsCarryTheLineWhereTheElementStarts()
    {
        var body = """
            [
              {"source":"twitter","id":"1","text":"een","createdAt":"2026-11-23T09:15:00Z"},
              {
                "source":"twitter",
                "id":"2",
                "text": 5,
                "createdAt":"2026-11-23T09:15:00Z"
              },
              42,
              {"source":"twitter","id":"4","text":"vier","createdAt":"2026-11-23T09:15:00Z"}
            ]
            """;

        var batch = JsonArray(body);

        Assert.Equal(["1", "4"], batch.Mentions.Select(m => m.Id));
        Assert.Equal(
            [new IngestError(3, "'text' must be a string"), new IngestError(9, "expected a JSON object")],
            batch.Errors);
    }

    [Fact]
    public void Array_WithCrlfLineEndings_CountsLines()
    {
        var body = "[\r\n" + Obj(("id", "\"1\"")) + ",\r\n\r\n" + Obj(("id", "\"2\""), ("source", "\"bad source\"")) + "\r\n]";

        var batch = JsonArray(body);

        Assert.Equal(["1"], batch.Mentions.Select(m => m.Id));
        Assert.Equal(4, Assert.Single(batch.Errors).Line);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("\"mention\"")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("[1, 2, {\"source\":\"x\"}]")]
    public void Array_ElementThatIsNotAnObject_IsRejectedWithItsLine(string element)
    {
        var body = "[\n" + Obj(("id", "\"1\"")) + ",\n" + element + ",\n" + Obj(("id", "\"3\"")) + "\n]";

        var batch = JsonArray(body);

        Assert.Equal(["1", "3"], batch.Mentions.Select(m => m.Id));
        Assert.Equal(new IngestError(3, "expected a JSON object"), Assert.Single(batch.Errors));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("  [ ]  ")]
    [InlineData("\r\n[\r\n]\r\n")]
    public void Array_Empty_YieldsNothing(string body)
    {
        var batch = JsonArray(body);

        Assert.Empty(batch.Mentions);
        Assert.Empty(batch.Errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{\"source\":\"twitter\",\"id\":\"1\",\"text\":\"x\",\"createdAt\":\"2026-11-23T09:15:00Z\"}")]
    [InlineData("\"[]\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void Array_BodyThatIsNotAnArray_Throws(string body)
    {
        Assert.Throws<UnreadableBodyException>(() => JsonArray(body));
    }

    [Theory]
    [InlineData("[")]
    [InlineData("[{\"source\":\"twitter\"")]
    [InlineData("[{\"source\":\"twitter\",\"id\":\"1\",\"text\":\"x\",\"createdAt\":\"2026-11-23T09:15:00Z\"},")]
    [InlineData("[{\"source\":\"twitter\",\"id\":\"1\",\"text\":\"x\",\"createdAt\":\"2026-11-23T09:15:00Z\"}")]
    [InlineData("[1,,2]")]
    [InlineData("[{\"source\" \"twitter\"}]")]
    [InlineData("[{'source':'twitter'}]")]
    public void Array_BrokenJson_Throws(string body)
    {
        Assert.Throws<UnreadableBodyException>(() => JsonArray(body));
    }

    [Theory]
    [InlineData(" x")]
    [InlineData(" []")]
    [InlineData("]")]
    [InlineData(",")]
    [InlineData("\n{\"source\":\"twitter\"}")]
    public void Array_TrailingGarbageAfterTheArray_Throws(string garbage)
    {
        var body = "[" + Obj() + "]" + garbage;

        Assert.Throws<UnreadableBodyException>(() => JsonArray(body));
    }

    [Fact]
    public void Array_TrailingWhitespaceAfterTheArray_IsFine()
    {
        Assert.Single(JsonArray("[" + Obj() + "]\r\n \t\n").Mentions);
    }

    [Fact]
    public void Array_BrokenJson_MessageNamesTheLine()
    {
        var ex = Assert.Throws<UnreadableBodyException>(() => JsonArray("[\n" + Obj() + ",\n{\"source\": }\n]"));

        Assert.Contains("line 3", ex.Message);
    }

    [Fact]
    public void Array_InvalidUtf8AnywhereInTheBody_Throws()
    {
        var body = new List<byte>();
        body.AddRange(Encoding.UTF8.GetBytes("[" + Obj(("id", "\"1\"")) + ",\n{\"source\":\"twitter\",\"id\":\"2\",\"text\":\"caf"));
        body.AddRange([0xE9]); // "é" in Latin-1, not UTF-8
        body.AddRange(Encoding.UTF8.GetBytes("\",\"createdAt\":\"2026-11-23T09:15:00Z\"}]"));

        var ex = Assert.Throws<UnreadableBodyException>(() => Parser.ParseJsonArray(body.ToArray(), Now));
        Assert.Contains("UTF-8", ex.Message);
    }

    // ---- text ----------------------------------------------------------------------------------

    [Fact]
    public void Text_LongerThanTheLimit_IsRejectedNamingTheLimit()
    {
        var limits = IngestLimits.Default with { MaxTextLength = 10 };

        Assert.Equal(10, Accepted(Obj(("text", Str(new string('a', 10)))), limits).Text.Length);
        var message = Rejected(Obj(("text", Str(new string('a', 11)))), limits);
        Assert.Contains("the limit is 10", message);
        Assert.Contains("11", message);
    }

    [Fact]
    public void Text_DefaultLimit_IsEnforced()
    {
        var limit = IngestLimits.Default.MaxTextLength;

        Assert.Equal(limit, Accepted(Obj(("text", Str(new string('x', limit))))).Text.Length);
        Assert.Contains($"the limit is {limit}", Rejected(Obj(("text", Str(new string('x', limit + 1))))));
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    [InlineData("\"\\t\\r\\n \"")]
    [InlineData("\"\\u00a0\\u2003\"")] // no-break space, em space
    [InlineData("\"\\u0000\\u0007\"")] // nothing but control characters
    [InlineData("\"\\u202e\\u2066 \\u0000\"")] // nothing but bidi controls, a space and a NUL
    public void Text_EmptyOrNothingVisible_IsRejected(string raw)
    {
        Assert.Contains("'text' is required and must not be empty", Rejected(Obj(("text", raw))));
    }

    [Fact]
    public void Text_ControlCharactersAndBidiOverridesAreRemoved_LineBreaksAndTabsKept()
    {
        var m = Accepted(Obj(("text", "\"Slecht\\u202e geholpen\\u0000!\\nEcht\\tniet\\u0007 ok\\u0085\\u2066\\u2069\\r\\nBah\"")));

        Assert.Equal("Slecht geholpen!\nEcht\tniet ok\r\nBah", m.Text);
    }

    [Theory]
    [InlineData("<script>alert('xss')</script>")]
    [InlineData("<img src=x onerror=alert(1)> &amp; &lt;b&gt;")]
    [InlineData("\"quoted\" 'single' `back`")]
    [InlineData("{{ template }} ${injection} %s %n")]
    public void Text_HtmlAndScriptAreKeptVerbatimAsData(string text)
    {
        Assert.Equal(text, Accepted(Obj(("text", Str(text)))).Text);
    }

    [Fact]
    public void Text_UnicodeIsDecoded()
    {
        Assert.Equal("Café 👍 ziekenhuis", Accepted(Obj(("text", "\"Caf\\u00e9 \\ud83d\\udc4d ziekenhuis\""))).Text);
        Assert.Equal("Café 👍 ziekenhuis", Accepted(Obj(("text", "\"Café 👍 ziekenhuis\""))).Text);
    }

    [Theory]
    [InlineData("text", "\"\\ud800\"")] // a lone high surrogate
    [InlineData("text", "\"a\\udc00b\"")] // a lone low surrogate
    [InlineData("id", "\"\\ud83d\"")]
    [InlineData("url", "\"https://a.nl/\\ud83d\"")]
    [InlineData("author", "{\"handle\":\"\\udfff\"}")]
    public void LoneSurrogateEscape_RejectsTheItemOnly(string field, string raw)
    {
        var body = Obj((field, raw)) + "\n" + Obj(("id", "\"2\""));

        var ndjson = Ndjson(body);
        Assert.Equal(["2"], ndjson.Mentions.Select(m => m.Id));
        var error = Assert.Single(ndjson.Errors);
        Assert.Equal(1, error.Line);
        Assert.Contains("unpaired surrogate", error.Message);

        var array = JsonArray("[" + Obj((field, raw)) + ",\n" + Obj(("id", "\"2\"")) + "]");
        Assert.Equal(["2"], array.Mentions.Select(m => m.Id));
        Assert.Equal(1, Assert.Single(array.Errors).Line);
    }

    [Fact]
    public void LoneSurrogateEscape_InAPropertyName_IsAnUnknownFieldAndIgnored()
    {
        var line = Obj(("\\ud800", "\"x\""), ("author", """{"handle":"jan","\udc00":1}"""),
            ("metrics", """{"likes":2,"\ud800x":{"a":1}}"""));

        var ndjson = Ndjson(line + "\n" + Obj(("id", "\"2\"")));
        Assert.Equal(["1", "2"], ndjson.Mentions.Select(m => m.Id));
        Assert.Empty(ndjson.Errors);
        Assert.Equal(new Author("jan", null, 0), ndjson.Mentions[0].Author);
        Assert.Equal(2, ndjson.Mentions[0].Metrics.Likes);

        var array = JsonArray("[" + line + ",\n" + Obj(("id", "\"2\"")) + "]");
        Assert.Equal(ndjson.Mentions, array.Mentions);
        Assert.Empty(array.Errors);
    }

    // ---- createdAt -----------------------------------------------------------------------------

    [Theory]
    [InlineData("2026-11-23T09:15:00Z", "2026-11-23T09:15:00.0000000+00:00")]
    [InlineData("2026-11-23T09:15:00+01:00", "2026-11-23T08:15:00.0000000+00:00")]
    [InlineData("2026-11-23T09:15:00+00:00", "2026-11-23T09:15:00.0000000+00:00")]
    [InlineData("2026-11-23T04:15:00-05:00", "2026-11-23T09:15:00.0000000+00:00")]
    [InlineData("2026-11-23T00:30:00+02:00", "2026-11-22T22:30:00.0000000+00:00")]
    [InlineData("2026-11-23T09:15:00.5Z", "2026-11-23T09:15:00.5000000+00:00")]
    [InlineData("2026-11-23T09:15:00.123Z", "2026-11-23T09:15:00.1230000+00:00")]
    [InlineData("2026-11-23T09:15:00.1234567Z", "2026-11-23T09:15:00.1234567+00:00")]
    [InlineData("2026-11-23T09:15:00.123+01:00", "2026-11-23T08:15:00.1230000+00:00")]
    [InlineData("2026-11-23T09:15Z", "2026-11-23T09:15:00.0000000+00:00")]
    [InlineData("2026-11-23T09:15+01:00", "2026-11-23T08:15:00.0000000+00:00")]
    public void CreatedAt_WithAZone_IsConvertedToUtc(string raw, string expectedUtc)
    {
        var createdAt = Accepted(Obj(("createdAt", Str(raw)))).CreatedAt;

        Assert.Equal(TimeSpan.Zero, createdAt.Offset);
        Assert.Equal(expectedUtc, createdAt.ToString("O"));
    }

    [Theory]
    [InlineData("2026-11-23T09:15:00")] // no zone: ambiguous in the Netherlands
    [InlineData("2026-11-23T09:15:00.123")]
    [InlineData("2026-11-23T09:15")]
    [InlineData("2026-11-23")]
    [InlineData("2026-11-23 09:15:00Z")]
    [InlineData("23-11-2026T09:15:00Z")]
    [InlineData("2026-13-01T09:15:00Z")]
    [InlineData("2026-11-31T09:15:00Z")]
    [InlineData("2026-11-23T25:15:00Z")]
    [InlineData("2026-11-23T09:15:00+25:00")]
    [InlineData("Mon, 23 Nov 2026 09:15:00 GMT")]
    [InlineData("1763889300")]
    [InlineData("")]
    [InlineData("gisteren")]
    public void CreatedAt_WithoutAZoneOrNotIso8601_IsRejected(string raw)
    {
        var message = Rejected(Obj(("createdAt", Str(raw))));

        Assert.Contains("'createdAt' must be an ISO 8601 time with a zone", message);
        Assert.Contains(raw, message);
    }

    [Fact]
    public void CreatedAt_LongInvalidValue_IsTruncatedInTheMessage()
    {
        var raw = "x" + new string('9', 500);

        var message = Rejected(Obj(("createdAt", Str(raw))));

        Assert.DoesNotContain(raw, message);
        Assert.Contains(raw[..40] + "…", message);
    }

    [Theory]
    [InlineData("2026-11-23T12:00:00Z")] // now
    [InlineData("2026-11-23T12:04:59Z")]
    [InlineData("2026-11-23T12:05:00Z")] // exactly the allowed skew
    [InlineData("2026-11-23T13:05:00+01:00")] // the same instant, in Dutch winter time
    public void CreatedAt_InTheFutureWithinTheSkew_IsAccepted(string raw)
    {
        Assert.True(Accepted(Obj(("createdAt", Str(raw)))).CreatedAt > Now.AddSeconds(-1));
    }

    [Theory]
    [InlineData("2026-11-23T12:05:01Z")]
    [InlineData("2026-11-23T13:00:00Z")]
    [InlineData("2026-11-23T14:00:00+01:00")] // 13:00Z
    [InlineData("2026-11-23T12:00:00-01:00")] // 13:00Z: a local time sent with the wrong sign
    [InlineData("2027-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    public void CreatedAt_TooFarInTheFuture_IsRejected(string raw)
    {
        var message = Rejected(Obj(("createdAt", Str(raw))));

        Assert.Contains("in the future", message);
        Assert.Contains("at most 5 minutes", message);
    }

    [Fact]
    public void CreatedAt_FutureSkew_FollowsTheConfiguredLimit()
    {
        var limits = IngestLimits.Default with { MaxFutureSkew = TimeSpan.FromHours(2) };

        Accepted(Obj(("createdAt", "\"2026-11-23T13:59:00Z\"")), limits);
        Assert.Contains("at most 120 minutes", Rejected(Obj(("createdAt", "\"2026-11-23T14:01:00Z\"")), limits));
    }

    [Theory]
    [InlineData("1999-12-31T23:59:59Z")]
    [InlineData("1970-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    public void CreatedAt_BeforeTheYear2000_IsRejected(string raw)
    {
        Assert.Contains("before the year 2000", Rejected(Obj(("createdAt", Str(raw)))));
    }

    [Fact]
    public void CreatedAt_TheFirstInstantOf2000_IsAccepted()
    {
        Assert.Equal(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Accepted(Obj(("createdAt", "\"2000-01-01T00:00:00Z\""))).CreatedAt);
    }

    [Theory]
    [InlineData("2026-11-23T09:15:00Z", true)]
    [InlineData("2026-11-23T09:15:00+01:00", true)]
    [InlineData("2026-11-23T09:15:00", false)]
    [InlineData("2026-11-23T09:15:00 +01:00", false)]
    public void TryParseTimestamp_RequiresAZone(string raw, bool expected)
    {
        Assert.Equal(expected, MentionBatchParser.TryParseTimestamp(raw, out _));
    }

    // ---- source --------------------------------------------------------------------------------

    [Theory]
    [InlineData(" Twitter ", "twitter")]
    [InlineData("TWITTER", "twitter")]
    [InlineData("x.com", "x.com")]
    [InlineData("zorgkaart-nederland", "zorgkaart-nederland")]
    [InlineData("google_reviews2", "google_reviews2")]
    [InlineData("\tfacebook\n", "facebook")]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345", "abcdefghijklmnopqrstuvwxyz012345")] // 32 characters
    public void Source_IsTrimmedAndLowerCased(string raw, string expected)
    {
        Assert.Equal(expected, Accepted(Obj(("source", Str(raw)))).Source);
    }

    [Theory]
    [InlineData("face book")]
    [InlineData("twitter!")]
    [InlineData("twitter/x")]
    [InlineData("twitter:x")]
    [InlineData("zörgkaart")]
    [InlineData("twitter\u0000")]
    [InlineData("twit\u202Eter")]
    [InlineData("<script>")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")] // 33 characters
    public void Source_WithInvalidCharactersOrTooLong_IsRejected(string raw)
    {
        Assert.Contains("'source' must be 1 to 32 characters", Rejected(Obj(("source", Str(raw)))));
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    public void Source_EmptyOrWhitespace_IsRejectedAsMissing(string raw)
    {
        Assert.Contains("'source' is required", Rejected(Obj(("source", raw))));
    }

    // ---- ids -----------------------------------------------------------------------------------

    [Theory]
    [InlineData("id")]
    [InlineData("conversationId")]
    [InlineData("inReplyTo")]
    [InlineData("sharedFrom")]
    public void Ids_WithControlCharacters_AreRejected(string field)
    {
        foreach (var raw in new[] { "\"a\\u0000b\"", "\"a\\nb\"", "\"a\\tb\"", "\"\\u0007\"", "\"a\\u202eb\"", "\"a\\u0085b\"" })
            Assert.Contains($"'{field}' must not contain control characters", Rejected(Obj((field, raw))));
    }

    [Theory]
    [InlineData("id")]
    [InlineData("conversationId")]
    [InlineData("inReplyTo")]
    [InlineData("sharedFrom")]
    public void Ids_EmptyOrLongerThanTheLimit_AreRejected(string field)
    {
        var max = IngestLimits.Default.MaxIdLength;

        Assert.Contains($"'{field}' must be 1 to {max} characters", Rejected(Obj((field, "\"\""))));
        Assert.Contains($"'{field}' must be 1 to {max} characters", Rejected(Obj((field, Str(new string('9', max + 1))))));
        Accepted(Obj((field, Str(new string('9', max)))));
    }

    [Fact]
    public void Ids_KeepTheirExactValue()
    {
        var m = Accepted(Obj(("id", "\"AbC-123_é/ß\""), ("inReplyTo", "\"Root 1\"")));

        Assert.Equal("AbC-123_é/ß", m.Id);
        Assert.Equal("Root 1", m.InReplyTo);
        Assert.Equal("twitter:Root 1", m.ConversationKey);
    }

    // ---- url -----------------------------------------------------------------------------------

    [Theory]
    [InlineData("https://x.com/jan/status/1")]
    [InlineData("http://zorgkaartnederland.nl/ziekenhuis?id=5#reviews")]
    [InlineData("HTTPS://WWW.EXAMPLE.NL/")]
    [InlineData("https://例え.jp/パス")]
    public void Url_AbsoluteHttpOrHttps_IsAccepted(string url)
    {
        Assert.Equal(url, Accepted(Obj(("url", Str(url)))).Url);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(document.cookie)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("ftp://example.nl/file")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("/status/1")]
    [InlineData("x.com/jan")]
    [InlineData("mailto:info@example.nl")]
    [InlineData("")]
    [InlineData("https://")]
    public void Url_NotAnAbsoluteHttpUrl_IsRejected(string url)
    {
        Assert.Contains("'url' must be an absolute http or https URL", Rejected(Obj(("url", Str(url)))));
    }

    [Fact]
    public void Url_LongerThan2048Characters_IsRejected()
    {
        var prefix = "https://example.nl/";
        Accepted(Obj(("url", Str(prefix + new string('a', 2048 - prefix.Length)))));
        Assert.Contains("2048", Rejected(Obj(("url", Str(prefix + new string('a', 2049 - prefix.Length))))));
    }

    // ---- batch size ----------------------------------------------------------------------------

    [Fact]
    public void Ndjson_MoreItemsThanTheLimit_RejectsFromTheFirstItemOverIt()
    {
        var limits = IngestLimits.Default with { MaxItemsPerBatch = 3 };
        var lines = new[] { Obj(("id", "\"1\"")), "", Obj(("id", "\"2\"")), "bad", "", Obj(("id", "\"4\"")), Obj(("id", "\"5\"")), Obj(("id", "\"6\"")) };

        var batch = Ndjson(string.Join("\n", lines), limits);

        Assert.Equal(["1", "2"], batch.Mentions.Select(m => m.Id)); // "bad" is the third item
        Assert.Equal(2, batch.Errors.Count);
        Assert.Equal(4, batch.Errors[0].Line);
        Assert.Equal(6, batch.Errors[1].Line);
        Assert.Contains("more than 3 items", batch.Errors[1].Message);
    }

    [Fact]
    public void Array_MoreItemsThanTheLimit_RejectsFromTheFirstItemOverIt()
    {
        var limits = IngestLimits.Default with { MaxItemsPerBatch = 2 };
        var body = "[\n" + string.Join(",\n", Enumerable.Range(1, 5).Select(i => Obj(("id", $"\"{i}\"")))) + "\n]";

        var batch = JsonArray(body, limits);

        Assert.Equal(["1", "2"], batch.Mentions.Select(m => m.Id));
        var error = Assert.Single(batch.Errors);
        Assert.Equal(4, error.Line);
        Assert.Contains("more than 2 items", error.Message);
    }

    [Fact]
    public void ExactlyTheItemLimit_IsAccepted()
    {
        var limits = IngestLimits.Default with { MaxItemsPerBatch = 4 };
        var objects = Enumerable.Range(1, 4).Select(i => Obj(("id", $"\"{i}\""))).ToList();

        Assert.Equal(4, Ndjson(string.Join("\n", objects), limits).Mentions.Count);
        Assert.Empty(Ndjson(string.Join("\n", objects), limits).Errors);
        Assert.Equal(4, JsonArray("[" + string.Join(",", objects) + "]", limits).Mentions.Count);
        Assert.Empty(JsonArray("[" + string.Join(",", objects) + "]", limits).Errors);
    }

    // ---- larger batches ------------------------------------------------------------------------

    [Fact]
    public void MixedBatch_KeepsOrderAndReportsEachBadLine()
    {
        var lines = Enumerable.Range(1, 100)
            .Select(i => i % 10 == 0 ? Obj(("id", $"\"{i}\""), ("createdAt", "\"2026-11-23T09:15:00\"")) : Obj(("id", $"\"{i}\"")))
            .ToList();

        var ndjson = Ndjson(string.Join("\n", lines));
        var array = JsonArray("[\n" + string.Join(",\n", lines) + "\n]");

        var expectedIds = Enumerable.Range(1, 100).Where(i => i % 10 != 0).Select(i => i.ToString());
        Assert.Equal(expectedIds, ndjson.Mentions.Select(m => m.Id));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => i * 10), ndjson.Errors.Select(e => e.Line));
        Assert.Equal(expectedIds, array.Mentions.Select(m => m.Id));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => i * 10 + 1), array.Errors.Select(e => e.Line));
    }
}

public sealed class MentionBatchParserInteropTests
{
    private static readonly MentionBatchParser Parser = new(IngestLimits.Default);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static ParsedBatch Parse(string line) => Parser.ParseNdjson(System.Text.Encoding.UTF8.GetBytes(line), Now);

    private static string Line(string createdAt = "2026-11-23T09:15:00Z", string id = "1") =>
        $"{{\"source\":\"twitter\",\"id\":\"{id}\",\"createdAt\":\"{createdAt}\",\"text\":\"x\"}}";

    [Theory]
    [InlineData("2026-11-23T09:15:00.123456789Z", "2026-11-23T09:15:00.1234567Z")] // Go RFC3339Nano
    [InlineData("2026-11-23T10:15:00.123456789+01:00", "2026-11-23T09:15:00.1234567Z")] // Java OffsetDateTime
    [InlineData("2026-11-23T09:15:00.1Z", "2026-11-23T09:15:00.1Z")]
    public void Up_to_nine_fraction_digits_are_read_to_the_tick(string raw, string expected)
    {
        var mention = Assert.Single(Parse(Line(raw)).Mentions);
        Assert.Equal(DateTimeOffset.Parse(expected), mention.CreatedAt);
    }

    [Fact]
    public void A_byte_order_mark_at_the_start_is_ignored_in_both_formats()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF];
        var line = System.Text.Encoding.UTF8.GetBytes(Line());
        Assert.Single(Parser.ParseNdjson([.. bom, .. line], Now).Mentions);
        Assert.Single(Parser.ParseJsonArray([.. bom, (byte)'[', .. line, (byte)']'], Now).Mentions);
    }

    [Fact]
    public void A_blank_id_is_refused()
    {
        var error = Assert.Single(Parse(Line(id: "   ")).Errors);
        Assert.Contains("'id' must not be blank", error.Message);
    }

    [Fact]
    public void The_year_2000_limit_is_judged_in_utc()
    {
        Assert.Contains("before the year 2000", Assert.Single(Parse(Line("2000-01-01T00:30:00+01:00")).Errors).Message);
    }
}
