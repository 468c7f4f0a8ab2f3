using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Persistence;
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
    public async Task An_own_accounts_answer_is_read_back_as_the_organisation_speaking_not_as_public_sentiment()
    {
        await using var database = await postgres.NewDatabaseAsync();
        await SchemaMigrator.MigrateAsync(database);
        var at = DateTimeOffset.UtcNow.AddMinutes(-2);
        var complaint = new EnrichedMention(new Mention("twitter", "c1", at, "Al uren wachten, schandalig") { Author = new Author("@boos", null, 10) },
            new SentimentResult(-0.8, SentimentLabel.Negative), [], new PrivacyScan([], "Al uren wachten, schandalig", false));
        var answer = new EnrichedMention(
            new Mention("twitter", "c1-w", at.AddSeconds(30), "Wat vervelend! Stuur ons een DM") { Author = new Author("@ZiekenhuisX", null, 14_000), ConversationId = "c1", InReplyTo = "c1" },
            new SentimentResult(0.6, SentimentLabel.Positive), [], new PrivacyScan([], "Wat vervelend! Stuur ons een DM", false)) { FromOwnAccount = true };
        await new MentionLogWriter(database).AppendAsync("a", [complaint, answer]);

        var reader = new MentionLogReader(database);
        // Live, the answer counts as volume and never as an opinion (EnrichedMention.PublicLabel); a rebuild
        // from the log after a restart or an erasure must count it the same way.
        var history = await reader.ReadActivityAsync("a", ActivityScope.Source, "twitter", DateTimeOffset.UtcNow);
        Assert.Equal(new BucketCounts(2, 0, 1, 1), history.Minutes.Aggregate(default(BucketCounts), (sum, b) => sum + b.Counts));
        Assert.Equal(new BucketCounts(2, 0, 1, 1), history.FiveMinutes.Aggregate(default(BucketCounts), (sum, b) => sum + b.Counts));

        var thread = await reader.ReadConversationAsync("a", "twitter:c1");
        Assert.Equal([false, true], thread.Select(m => m.FromOwnAccount).ToArray());
        Assert.Equal(SentimentLabel.Positive, thread[1].Sentiment.Label); // the log keeps what was read; only the counting differs
    }

    [Fact]
    public async Task The_text_is_stored_once_when_nothing_was_redacted_and_both_forms_read_back_as_written()
    {
        await using var database = await postgres.NewDatabaseAsync();
        await SchemaMigrator.MigrateAsync(database);
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        var plain = new EnrichedMention(new Mention("twitter", "p0", at, "Lang gewacht vandaag"),
            new SentimentResult(-0.4, SentimentLabel.Negative), [], new PrivacyScan([], "Lang gewacht vandaag", false));
        const string withPhone = "Bel me op 0612345678 over mijn afspraak";
        var exposing = new EnrichedMention(new Mention("twitter", "p1", at, withPhone),
            new SentimentResult(0, SentimentLabel.Neutral), [], new PrivacyScan([new PiiMatch(PiiKind.Phone, 10, 10)], "Bel me op [telefoon] over mijn afspraak", true));
        await new MentionLogWriter(database).AppendAsync("a", [plain, exposing]);

        await using (var command = database.CreateCommand("SELECT id, redacted_text IS NULL FROM mention_log ORDER BY id"))
        await using (var rows = await command.ExecuteReaderAsync())
        {
            Assert.True(await rows.ReadAsync());
            Assert.Equal(("p0", true), (rows.GetString(0), rows.GetBoolean(1)));
            Assert.True(await rows.ReadAsync());
            Assert.Equal(("p1", false), (rows.GetString(0), rows.GetBoolean(1)));
        }
        var read = await new MentionLogReader(database).ReadMentionsAsync("a", [new MentionKey("twitter", "p0"), new MentionKey("twitter", "p1")]);
        Assert.Equal(["Lang gewacht vandaag", "Bel me op [telefoon] over mijn afspraak"], read.OrderBy(m => m.Mention.Id).Select(m => m.DisplayText).ToArray());
    }
}
