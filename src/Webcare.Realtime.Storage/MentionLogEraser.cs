using Npgsql;
using Webcare.Realtime.Core.Persistence;

namespace Webcare.Realtime.Storage;

/// <summary>
/// Retention and erasure on the log. Each deletion is one statement that also answers which sources and
/// topics the deleted mentions fed, so exactly those aggregates are rebuilt afterwards.
/// </summary>
public sealed class MentionLogEraser(NpgsqlDataSource database) : IMentionLogEraser
{
    private static string DeleteReturningFed(string where) => $"""
        WITH deleted AS (DELETE FROM mention_log WHERE {where} RETURNING tenant, source, topics)
        SELECT '', -1, count(*)::text FROM deleted
        UNION ALL SELECT DISTINCT tenant, 0, source FROM deleted
        UNION ALL SELECT DISTINCT tenant, 1, topic FROM deleted, unnest(deleted.topics) AS topic
        """;

    public async Task<Deletion> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var deletion = await DeleteAsync(connection, DeleteReturningFed("created_at < $1"), [cutoff], cancellationToken);
        await using (var alerts = new NpgsqlCommand("DELETE FROM alerts WHERE updated_at < $1", connection) { Parameters = { new() { Value = cutoff } } })
            await alerts.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deletion;
    }

    public async Task<Deletion> EraseAuthorAsync(string tenant, string source, string handle, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var deletion = await DeleteAsync(connection,
            DeleteReturningFed("tenant = $1 AND source = $2 AND lower(author_handle) = lower($3)"), [tenant, source, handle], cancellationToken);
        // Alert cards quote their first mentions: the author's go from the stored alerts too.
        const string scrubAlerts = """
            UPDATE alerts SET body = jsonb_set(body, '{firstMentions}', (
                SELECT coalesce(jsonb_agg(m), '[]'::jsonb) FROM jsonb_array_elements(body->'firstMentions') m
                WHERE NOT (m->>'source' = $2 AND lower(m->>'authorHandle') = lower($3))))
            WHERE tenant = $1 AND EXISTS (
                SELECT 1 FROM jsonb_array_elements(body->'firstMentions') m
                WHERE m->>'source' = $2 AND lower(m->>'authorHandle') = lower($3))
            """;
        await using (var scrub = new NpgsqlCommand(scrubAlerts, connection)
                     { Parameters = { new() { Value = tenant }, new() { Value = source }, new() { Value = handle } } })
            await scrub.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deletion;
    }

    private static async Task<Deletion> DeleteAsync(NpgsqlConnection connection, string sql, object[] parameters, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters) command.Parameters.Add(new NpgsqlParameter { Value = value });
        long count = 0;
        var fed = new List<FedAggregate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var kind = reader.GetInt32(1);
            if (kind < 0) count = long.Parse(reader.GetString(2));
            else fed.Add(new FedAggregate(reader.GetString(0), kind == 0 ? ActivityScope.Source : ActivityScope.Topic, reader.GetString(2)));
        }
        return new Deletion(count, fed);
    }
}
