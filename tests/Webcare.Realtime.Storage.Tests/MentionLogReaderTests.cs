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
}
