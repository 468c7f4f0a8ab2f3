using System.Diagnostics;
using System.Text;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Analysis.Topics;
using Webcare.Realtime.Core.Ingest;

namespace Webcare.Realtime.Core.Tests.Ingest;

/// <summary>
/// Generated and mutated inputs for the two parsers that read outside input. The only exceptions allowed
/// are the documented ones (an unreadable body; a query that does not parse), and every input finishes
/// quickly. Deterministic: a fixed seed, so a failure names an input that can be replayed.
/// </summary>
public sealed class ParserFuzzTests
{
    private const int Iterations = 100_000;
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] Seeds =
    [
        """{"source":"twitter","id":"1","createdAt":"2026-11-23T09:15:00Z","text":"Al 3 uur wachten #wachttijd","author":{"handle":"@a","name":"A","followers":812},"url":"https://x.com/a/1","conversationId":"1","inReplyTo":null,"sharedFrom":null,"metrics":{"likes":4,"shares":2}}""",
        """{"source":"forum","id":"abc/../../etc/passwd","createdAt":"2026-11-23T09:15:00.123456789+01:00","text":"<script>alert(1)</script>\u202E\u0000"}""",
        """{"source":"x","id":"9","createdAt":"2026-11-23T09:15:00Z","text":"ok","author":{"handle":"h","followers":1e400},"metrics":{"likes":-1}}""",
        """{"a":[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]],"source":"x","id":"1","createdAt":"2026-11-23T09:15:00Z","text":"t"}""",
    ];

    private static readonly byte[] Interesting = "{}[]\",:\\ntrue0-1e9\u00ff\n\r"u8.ToArray();

    [Fact]
    public void The_ingest_parser_never_throws_anything_undocumented()
    {
        var parser = new MentionBatchParser(IngestLimits.Default);
        var random = new Random(20261123);
        var slowest = TimeSpan.Zero;
        for (var i = 0; i < Iterations; i++)
        {
            var input = Mutate(random, Encoding.UTF8.GetBytes(Seeds[random.Next(Seeds.Length)]));
            var started = Stopwatch.GetTimestamp();
            try
            {
                var ndjson = parser.ParseNdjson(input, Now);
                Assert.True(ndjson.Mentions.Count + ndjson.Errors.Count <= 2 + input.Count(b => b == (byte)'\n'));
                parser.ParseJsonArray([(byte)'[', .. input, (byte)']'], Now);
            }
            catch (UnreadableBodyException)
            {
            }
            catch (Exception ex)
            {
                Assert.Fail($"input {i} ({Convert.ToBase64String(input)}) threw {ex.GetType().Name}: {ex.Message}");
            }
            var took = Stopwatch.GetElapsedTime(started);
            if (took > slowest) slowest = took;
        }
        // A hang shows as one input taking seconds; this is a bound, not a benchmark.
        Assert.True(slowest < TimeSpan.FromSeconds(1), $"the slowest input took {slowest.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public void The_topic_query_parser_only_ever_refuses_with_a_format_error()
    {
        var random = new Random(1123);
        string[] seeds = ["wacht*, \"lang wachten\" OR wachtlijst", "SEH OR spoed*, \"niet te bereiken\"", "#datalek, @ziekenhuis",
            "(seh NEAR/3 dicht) NOT source:news lang:nl", "author:@umc* (wacht* OR \"lang wachten\") AND NOT bedankt"];
        var slowest = TimeSpan.Zero;
        for (var i = 0; i < Iterations; i++)
        {
            var bytes = Mutate(random, Encoding.UTF8.GetBytes(seeds[random.Next(seeds.Length)]));
            var query = Encoding.UTF8.GetString(bytes);
            var started = Stopwatch.GetTimestamp();
            try
            {
                var terms = TopicQueryParser.Terms(TopicQueryParser.Parse(query));
                Assert.All(terms, t => Assert.NotEmpty(t.Words));
                new TopicMatcher([new TopicDefinition("t", query)]).Match("Weer lang wachten bij de SEH, #datalek");
            }
            catch (TopicQueryException ex)
            {
                Assert.InRange(ex.Position, 1, query.Length + 1);
            }
            catch (Exception ex)
            {
                Assert.Fail($"query {i} \"{query}\" threw {ex.GetType().Name}: {ex.Message}");
            }
            var took = Stopwatch.GetElapsedTime(started);
            if (took > slowest) slowest = took;
        }
        Assert.True(slowest < TimeSpan.FromSeconds(1), $"the slowest query (parse and match) took {slowest.TotalMilliseconds:F0} ms");
    }

    /// <summary>One to four random edits: flip, insert, delete, duplicate a span, truncate, or splice interesting bytes.</summary>
    internal static byte[] Mutate(Random random, byte[] input)
    {
        var data = new List<byte>(input);
        var edits = random.Next(1, 5);
        for (var e = 0; e < edits; e++)
        {
            var at = data.Count == 0 ? 0 : random.Next(data.Count);
            switch (random.Next(6))
            {
                case 0 when data.Count > 0: data[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: data.Insert(at, (byte)random.Next(256)); break;
                case 2 when data.Count > 0: data.RemoveAt(at); break;
                case 3 when data.Count > 0:
                    var length = random.Next(1, Math.Min(64, data.Count - at) + 1);
                    data.InsertRange(at, data.GetRange(at, length));
                    break;
                case 4: data.RemoveRange(at, data.Count - at); break;
                default: data.Insert(at, Interesting[random.Next(Interesting.Length)]); break;
            }
        }
        return [.. data];
    }
}
