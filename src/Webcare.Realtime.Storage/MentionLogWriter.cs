using System.Collections.Immutable;
using Npgsql;
using NpgsqlTypes;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Persistence;

namespace Webcare.Realtime.Storage;

/// <summary>
/// Stores a batch in one transaction and a fixed number of round trips whatever its size: binary COPY into
/// a session-local staging table, then one <c>INSERT … SELECT … ON CONFLICT DO NOTHING</c> that also
/// answers which rows were duplicates (and the transaction that stored them). Nothing is acknowledged
/// before the commit returns.
/// </summary>
public sealed class MentionLogWriter(NpgsqlDataSource database) : IMentionLog
{
    // Survives on the pooled connection (dropped by a pool reset and then re-created); emptied at each commit.
    private const string CreateStaging = """
        CREATE TEMP TABLE IF NOT EXISTS mention_staging (
            ord int, source text, id text, created_at timestamptz, received_at timestamptz,
            author_handle text, author_name text, author_followers bigint, text text, url text,
            conversation_id text, in_reply_to text, shared_from text, likes bigint, shares bigint,
            language text, sentiment_score double precision, sentiment_label smallint, topics text[],
            redacted_text text, pii text[], privacy_sensitive boolean, from_own_account boolean) ON COMMIT DELETE ROWS
        """;

    private const string Copy = """
        COPY mention_staging (ord, source, id, created_at, received_at, author_handle, author_name, author_followers,
            text, url, conversation_id, in_reply_to, shared_from, likes, shares, language, sentiment_score,
            sentiment_label, topics, redacted_text, pii, privacy_sensitive, from_own_account) FROM STDIN (FORMAT BINARY)
        """;

    // The happy path returns one row (the transaction id); each duplicate adds a row with its ordinal and
    // the transaction that stored it first.
    private const string Insert = """
        WITH inserted AS (
            INSERT INTO mention_log (tenant, source, id, created_at, received_at, author_handle, author_name,
                author_followers, text, url, conversation_id, in_reply_to, shared_from, likes, shares, language,
                sentiment_score, sentiment_label, topics, redacted_text, pii, privacy_sensitive, from_own_account)
            SELECT $1, source, id, created_at, received_at, author_handle, author_name, author_followers, text, url,
                conversation_id, in_reply_to, shared_from, likes, shares, language, sentiment_score, sentiment_label,
                topics, redacted_text, pii, privacy_sensitive, from_own_account
            FROM mention_staging
            ON CONFLICT DO NOTHING
            RETURNING source, id),
        known_topics AS (
            INSERT INTO log_topics (tenant, topic) SELECT DISTINCT $1, topic FROM mention_staging, unnest(topics) AS topic
            ON CONFLICT DO NOTHING)
        SELECT -1, pg_current_xact_id()::text::bigint
        UNION ALL
        SELECT s.ord, m.tx
        FROM mention_staging s
        LEFT JOIN inserted i ON i.source = s.source AND i.id = s.id
        LEFT JOIN mention_log m ON m.tenant = $1 AND m.source = s.source AND m.id = s.id
        WHERE i.id IS NULL
        """;

    public async Task<MentionLogAppend> AppendAsync(
        string tenant, IReadOnlyList<EnrichedMention> mentions, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(CreateStaging, connection))
            await create.ExecuteNonQueryAsync(cancellationToken);

        await using (var copy = await connection.BeginBinaryImportAsync(Copy, cancellationToken))
        {
            for (var i = 0; i < mentions.Count; i++) await WriteRowAsync(copy, i, mentions[i], cancellationToken);
            await copy.CompleteAsync(cancellationToken);
        }

        var inserted = Enumerable.Repeat(true, mentions.Count).ToArray();
        var transactions = new long[mentions.Count];
        long own = 0;
        await using (var insert = new NpgsqlCommand(Insert, connection) { Parameters = { new() { Value = tenant } } })
        await using (var reader = await insert.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var ordinal = reader.GetInt32(0);
                if (ordinal < 0)
                {
                    own = reader.GetInt64(1);
                    continue;
                }
                inserted[ordinal] = false;
                // Null only when a concurrent batch stored it and committed after this statement began.
                transactions[ordinal] = reader.IsDBNull(1) ? -1 : reader.GetInt64(1);
            }
        }
        await transaction.CommitAsync(cancellationToken);

        for (var i = 0; i < transactions.Length; i++)
            if (inserted[i] || transactions[i] < 0) transactions[i] = own;
        return new MentionLogAppend(own, ImmutableArray.Create(inserted), ImmutableArray.Create(transactions));
    }

    private static async Task WriteRowAsync(NpgsqlBinaryImporter copy, int ordinal, EnrichedMention enriched, CancellationToken cancellationToken)
    {
        var m = enriched.Mention;
        var scan = enriched.Scan;
        await copy.StartRowAsync(cancellationToken);
        await copy.WriteAsync(ordinal, NpgsqlDbType.Integer, cancellationToken);
        await copy.WriteAsync(m.Source, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(m.Id, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(m.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
        await copy.WriteAsync(enriched.ReceivedAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
        await WriteTextAsync(copy, m.Author?.Handle, cancellationToken);
        await WriteTextAsync(copy, m.Author?.Name, cancellationToken);
        await copy.WriteAsync(m.Author?.Followers ?? 0, NpgsqlDbType.Bigint, cancellationToken);
        await copy.WriteAsync(m.Text, NpgsqlDbType.Text, cancellationToken);
        await WriteTextAsync(copy, m.Url, cancellationToken);
        await WriteTextAsync(copy, m.ConversationId, cancellationToken);
        await WriteTextAsync(copy, m.InReplyTo, cancellationToken);
        await WriteTextAsync(copy, m.SharedFrom, cancellationToken);
        await copy.WriteAsync(m.Metrics.Likes, NpgsqlDbType.Bigint, cancellationToken);
        await copy.WriteAsync(m.Metrics.Shares, NpgsqlDbType.Bigint, cancellationToken);
        await copy.WriteAsync(enriched.Sentiment.Language.Code(), NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(enriched.Sentiment.Score, NpgsqlDbType.Double, cancellationToken);
        await copy.WriteAsync((short)enriched.Sentiment.Label, NpgsqlDbType.Smallint, cancellationToken);
        await copy.WriteAsync(enriched.Topics.IsDefault ? [] : enriched.Topics.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
        // NULL when nothing was redacted (migration 0010): the text is stored once.
        await WriteTextAsync(copy, string.Equals(scan.RedactedText, m.Text, StringComparison.Ordinal) ? null : scan.RedactedText, cancellationToken);
        await copy.WriteAsync(PiiKinds(scan), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(scan.Sensitive, NpgsqlDbType.Boolean, cancellationToken);
        await copy.WriteAsync(enriched.FromOwnAccount, NpgsqlDbType.Boolean, cancellationToken);
    }

    private static string[] PiiKinds(Core.Privacy.PrivacyScan scan) =>
        scan.Matches.IsDefaultOrEmpty ? [] : [.. scan.Matches.Select(p => p.Kind.ToString()).Distinct()];

    private static Task WriteTextAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken cancellationToken) =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
}
