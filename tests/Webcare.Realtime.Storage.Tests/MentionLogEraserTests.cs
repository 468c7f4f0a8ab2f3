using Npgsql;
using Webcare.Realtime.Core.Persistence;

namespace Webcare.Realtime.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class MentionLogEraserTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_purge_deletes_in_bounded_chunks_and_covers_alerts_and_conversation_states()
    {
        await using var database = await postgres.NewDatabaseAsync();
        await SchemaMigrator.MigrateAsync(database);
        // 2,500 old mentions over two tenants and two sources, 40 recent ones.
        await ExecuteAsync(database, """
            INSERT INTO mention_log (tenant, source, id, created_at, received_at, author_handle, text, language, sentiment_score,
                                     sentiment_label, topics, redacted_text, pii, privacy_sensitive)
            SELECT 't' || (g % 2), CASE WHEN g % 3 = 0 THEN 'twitter' ELSE 'forum' END, 'm' || g,
                   now() - CASE WHEN g <= 2500 THEN interval '10 days' ELSE interval '1 hour' END, now(), '@a' || g,
                   'tekst ' || g, 'nl', 0, 0, ARRAY['wachttijd'], 'tekst ' || g, '{}', false
            FROM generate_series(1, 2540) g;
            INSERT INTO alerts (tenant, id, kind, scope, subject, severity, state, opened_at, updated_at, headline, body)
            VALUES ('t0', 'old', 'VolumeSpike', 'topic', 'x', 1, 'Resolved', now() - interval '9 days', now() - interval '9 days', 'h', '{}'),
                   ('t0', 'new', 'VolumeSpike', 'topic', 'x', 1, 'Raised', now(), now(), 'h', '{}');
            INSERT INTO orleans_grain_state (service_id, grain_type, grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1, grain_id_ext, payload, version, modified_at)
            VALUES ('s', 'conversation', 1, 1, 0, 0, 't0/twitter:old', '\x7b7d', 1, now() - interval '9 days'),
                   ('s', 'conversation', 1, 2, 0, 0, 't0/twitter:new', '\x7b7d', 1, now()),
                   ('s', 'alerts', 2, 3, 0, 0, 't0', '\x7b7d', 1, now() - interval '9 days');
            """);
        var eraser = new MentionLogEraser(database) { PurgeChunk = 300 };

        var deletion = await eraser.PurgeOlderThanAsync(DateTimeOffset.UtcNow.AddDays(-5));

        Assert.Equal(2500, deletion.Mentions);
        // Chunks of at most 300, each its own transaction: about 417 per tenant on twitter (2 chunks each) and
        // 833 on forum (3 each).
        Assert.Equal(10, deletion.Transactions);
        Assert.Equal(40, await ScalarAsync(database, "SELECT count(*) FROM mention_log"));
        Assert.Equal(0, await ScalarAsync(database, "SELECT count(*) FROM mention_log WHERE created_at < now() - interval '5 days'"));
        Assert.Equal(
            [new("t0", ActivityScope.Source, "forum"), new("t0", ActivityScope.Source, "twitter"), new("t0", ActivityScope.Topic, "wachttijd"),
             new("t1", ActivityScope.Source, "forum"), new("t1", ActivityScope.Source, "twitter"), new("t1", ActivityScope.Topic, "wachttijd")],
            deletion.Fed.OrderBy(f => f.Tenant).ThenBy(f => f.Scope).ThenBy(f => f.Name).ToList<FedAggregate>());
        Assert.Equal(1, await ScalarAsync(database, "SELECT count(*) FROM alerts"));
        // Conversation states untouched since the cutoff go; other grains' state (alive, rewritten) stays.
        Assert.Equal("alerts,t0/twitter:new", await TextAsync(database,
            "SELECT string_agg(CASE WHEN grain_type = 'conversation' THEN grain_id_ext ELSE grain_type END, ',' ORDER BY grain_type, grain_id_ext) FROM orleans_grain_state"));

        var again = await eraser.PurgeOlderThanAsync(DateTimeOffset.UtcNow.AddDays(-5));
        Assert.Equal(0, again.Mentions);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task<string?> TextAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        return (string?)await command.ExecuteScalarAsync();
    }
}
