using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Privacy;

namespace Webcare.Realtime.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class MentionLogReaderTests(PostgresFixture postgres)
{
    private static EnrichedMention Enriched(string source, string id, params string[] topics) =>
        new(new Mention(source, id, DateTimeOffset.UtcNow, "tekst " + id) { Author = new Author("@a", null, 1) },
            new SentimentResult(0, SentimentLabel.Neutral), [.. topics], new PrivacyScan([], "tekst " + id, false));

    [Fact]
    public async Task A_tenants_sources_and_topics_are_read_without_the_logs_rows_and_match_what_the_writer_stored()
    {
        await using var database = await postgres.NewDatabaseAsync();
        await SchemaMigrator.MigrateAsync(database);
        var writer = new MentionLogWriter(database);
        await writer.AppendAsync("a", [Enriched("twitter", "1", "wachttijd"), Enriched("forum", "2", "parkeren", "wachttijd")]);
        await writer.AppendAsync("a", [Enriched("twitter", "1", "wachttijd"), Enriched("news", "3")]);
        await writer.AppendAsync("b", [Enriched("reviews", "4", "bejegening")]);

        var reader = new MentionLogReader(database);
        var a = await reader.ReadTenantAsync("a");
        var b = await reader.ReadTenantAsync("b");

        Assert.Equal(3, a.Stored);
        Assert.Equal(["forum", "news", "twitter"], a.Sources.Order());
        Assert.Equal(["parkeren", "wachttijd"], a.Topics.Order());
        Assert.Equal(["reviews"], b.Sources.ToArray());
        Assert.Equal(["bejegening"], b.Topics.ToArray());
        Assert.Empty((await reader.ReadTenantAsync("c")).Sources);
    }

    [Fact]
    public async Task A_conversation_is_read_by_its_key_root_replies_and_shares_and_nothing_else()
    {
        await using var database = await postgres.NewDatabaseAsync();
        await SchemaMigrator.MigrateAsync(database);
        var writer = new MentionLogWriter(database);
        var start = DateTimeOffset.UtcNow;
        EnrichedMention At(EnrichedMention m, int seconds) => m with { ReceivedAt = start.AddSeconds(seconds) };
        EnrichedMention Reply(string source, string id, string? thread = null, string? replyTo = null, string? shared = null) =>
            Enriched(source, id) with { Mention = Enriched(source, id).Mention with { ConversationId = thread, InReplyTo = replyTo, SharedFrom = shared } };
        await writer.AppendAsync("a", [
            At(Enriched("twitter", "t1"), 0),                       // the root: names no thread, found by its id
            At(Reply("twitter", "r1", replyTo: "t1"), 1),
            At(Reply("twitter", "s1", shared: "t1"), 2),
            At(Reply("twitter", "c1", thread: "t1", replyTo: "x"), 3), // the explicit thread wins over the reply
            At(Reply("twitter", "r2", replyTo: "c1"), 4),           // answers a reply: a thread of its own ("c1")
            At(Reply("forum", "r3", replyTo: "t1"), 5),             // same id, other source
            At(Enriched("twitter", "other"), 6)]);
        await writer.AppendAsync("b", [At(Reply("twitter", "r4", replyTo: "t1"), 7)]);

        var reader = new MentionLogReader(database);
        var thread = await reader.ReadConversationAsync("a", "twitter:t1");
        Assert.Equal(["c1", "r1", "s1", "t1"], thread.Select(m => m.Mention.Id).Order());
        Assert.All(thread, m => Assert.Equal("twitter:t1", m.Mention.ConversationKey));
        Assert.Equal(["c1", "s1"], (await reader.ReadConversationAsync("a", "twitter:t1", start.AddSeconds(2))).Select(m => m.Mention.Id).Order());
        Assert.Equal(["r2"], (await reader.ReadConversationAsync("a", "twitter:c1")).Select(m => m.Mention.Id));
        Assert.Equal(["r3"], (await reader.ReadConversationAsync("a", "forum:t1")).Select(m => m.Mention.Id));
        Assert.Empty(await reader.ReadConversationAsync("a", "twitter:nothing"));
    }
}
