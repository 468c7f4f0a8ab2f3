using Npgsql;
using Webcare.Realtime.Core.Persistence;
using Webcare.Realtime.Core.Privacy;

namespace Webcare.Realtime.Storage;

/// <summary>
/// Retention and erasure on the log. Each deletion also answers which sources and topics the deleted
/// mentions fed, so exactly those aggregates are rebuilt afterwards.
/// </summary>
public sealed class MentionLogEraser(NpgsqlDataSource database) : IMentionLogEraser
{
    /// <summary>
    /// Rows a purge deletes per transaction: a large purge (the first run after raising retention, a
    /// tenant's year of mentions) holds its row locks and its undo for one chunk at a time, and ingest goes on
    /// between chunks.
    /// </summary>
    public int PurgeChunk { get; init; } = 10_000;

    // Conversation states are rewritten on every change, so one not modified since the cutoff counts only
    // mentions the purge deleted (the grain's type name is Orleans' default for ConversationGrain).
    private const string PurgeConversationStates =
        "DELETE FROM orleans_grain_state WHERE grain_type = 'conversation' AND modified_at < $1";

    private enum Row { Count, Source, Topic, Conversation, Text }

    /// <summary>
    /// Deletes what <paramref name="where"/> selects (at most <paramref name="limit"/> rows, picked through
    /// the (tenant, source, created_at) index) and answers, per deleted row, what it fed.
    /// </summary>
    private static string DeleteReturning(string where, int? limit, bool erasure) => $"""
        WITH doomed AS (SELECT ctid FROM mention_log WHERE {where} {(limit is null ? "FOR UPDATE" : $"LIMIT {limit} FOR UPDATE SKIP LOCKED")}),
        deleted AS (DELETE FROM mention_log m USING doomed WHERE m.ctid = doomed.ctid
                    RETURNING m.tenant, m.source, m.topics, m.conversation_id, m.in_reply_to, m.shared_from, m.id, m.text, m.redacted_text)
        SELECT '', {(int)Row.Count}, count(*)::text FROM deleted
        UNION ALL SELECT DISTINCT tenant, {(int)Row.Source}, source FROM deleted
        UNION ALL SELECT DISTINCT tenant, {(int)Row.Topic}, topic FROM deleted, unnest(deleted.topics) AS topic
        {(erasure ? $"""
        UNION ALL SELECT DISTINCT tenant, {(int)Row.Conversation}, source || ':' || coalesce(conversation_id, in_reply_to, shared_from, id) FROM deleted
        UNION ALL SELECT tenant, {(int)Row.Text}, text || coalesce(' ' || redacted_text, '') FROM deleted
        """ : "")}
        """;

    public async Task<Deletion> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        long total = 0;
        var transactions = 0;
        var fed = new HashSet<FedAggregate>();
        foreach (var (tenant, source) in await StoredSourcesAsync(cancellationToken))
        {
            // Chunk by chunk, each its own transaction; a chunk that deletes less than a full chunk was the last.
            while (true)
            {
                await using var connection = await database.OpenConnectionAsync(cancellationToken);
                var chunk = await DeleteAsync(connection, DeleteReturning("tenant = $1 AND source = $2 AND created_at < $3", PurgeChunk, erasure: false),
                    [tenant, source, cutoff], cancellationToken);
                total += chunk.Mentions;
                transactions++;
                fed.UnionWith(chunk.Fed);
                if (chunk.Mentions < PurgeChunk) break;
            }
        }
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        await using (var others = new NpgsqlBatch(connection)
                     {
                         BatchCommands =
                         {
                             new NpgsqlBatchCommand("DELETE FROM alerts WHERE updated_at < $1") { Parameters = { new() { Value = cutoff } } },
                             new NpgsqlBatchCommand(PurgeConversationStates) { Parameters = { new() { Value = cutoff } } },
                         },
                     })
            await others.ExecuteNonQueryAsync(cancellationToken);
        return new Deletion(total, [.. fed]) { Transactions = transactions };
    }

    /// <summary>
    /// Every (tenant, source) of the log by a skip scan of mention_log_source_time: one index probe per pair,
    /// not a read of the whole log.
    /// </summary>
    private async Task<List<(string Tenant, string Source)>> StoredSourcesAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            WITH RECURSIVE pairs AS (
                (SELECT tenant, source FROM mention_log ORDER BY tenant, source LIMIT 1)
                UNION ALL
                SELECT next.tenant, next.source FROM pairs, LATERAL (
                    SELECT tenant, source FROM mention_log WHERE (tenant, source) > (pairs.tenant, pairs.source)
                    ORDER BY tenant, source LIMIT 1) next)
            SELECT tenant, source FROM pairs
            """;
        var pairs = new List<(string, string)>();
        await using var command = database.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) pairs.Add((reader.GetString(0), reader.GetString(1)));
        return pairs;
    }

    public async Task<Deletion> EraseAuthorAsync(string tenant, string source, string handle, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var handles = AuthorErasure.HandleForms(handle);
        var deletion = await DeleteAsync(connection,
            DeleteReturning("tenant = $1 AND source = $2 AND lower(author_handle) = ANY($3)", limit: null, erasure: true),
            [tenant, source, handles], cancellationToken);
        var erasure = AuthorErasure.Of(source, handle, deletion.Texts, deletion.Conversations);
        // Stored alerts quote mentions and words: the author's go from them too, also from alerts the books
        // in memory no longer hold.
        const string scrubAlerts = """
            UPDATE alerts SET body = body
                || jsonb_build_object('firstMentions', (SELECT coalesce(jsonb_agg(m), '[]'::jsonb) FROM jsonb_array_elements(coalesce(body->'firstMentions', '[]')) m
                       WHERE NOT (m->>'source' = $2 AND lower(m->>'authorHandle') = ANY($3))))
                || jsonb_build_object('mostShared', (SELECT coalesce(jsonb_agg(m), '[]'::jsonb) FROM jsonb_array_elements(coalesce(body->'mostShared', '[]')) m
                       WHERE NOT (m->>'source' = $2 AND lower(m->>'authorHandle') = ANY($3))))
                || jsonb_build_object('topTerms', (SELECT coalesce(jsonb_agg(t), '[]'::jsonb) FROM jsonb_array_elements(coalesce(body->'topTerms', '[]')) t
                       WHERE NOT (t->>'term' = ANY($4))))
            WHERE tenant = $1 AND (
                EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(body->'firstMentions', '[]') || coalesce(body->'mostShared', '[]')) m
                        WHERE m->>'source' = $2 AND lower(m->>'authorHandle') = ANY($3))
                OR EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(body->'topTerms', '[]')) t WHERE t->>'term' = ANY($4)))
            """;
        await using (var scrub = new NpgsqlCommand(scrubAlerts, connection)
                     {
                         Parameters =
                         {
                             new() { Value = tenant }, new() { Value = source }, new() { Value = handles },
                             new() { Value = erasure.Words.ToArray() },
                         },
                     })
            await scrub.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Deletion(deletion.Mentions, deletion.Fed) { Erasure = erasure };
    }

    private sealed record Deleted(long Mentions, List<FedAggregate> Fed, List<string> Conversations, List<string> Texts);

    private static async Task<Deleted> DeleteAsync(NpgsqlConnection connection, string sql, object[] parameters, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters) command.Parameters.Add(new NpgsqlParameter { Value = value });
        var deleted = new Deleted(0, [], [], []);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var value = reader.GetString(2);
            switch ((Row)reader.GetInt32(1))
            {
                case Row.Count: deleted = deleted with { Mentions = long.Parse(value) }; break;
                case Row.Source: deleted.Fed.Add(new FedAggregate(reader.GetString(0), ActivityScope.Source, value)); break;
                case Row.Topic: deleted.Fed.Add(new FedAggregate(reader.GetString(0), ActivityScope.Topic, value)); break;
                case Row.Conversation: deleted.Conversations.Add(value); break;
                case Row.Text: deleted.Texts.Add(value); break;
            }
        }
        return deleted;
    }
}
