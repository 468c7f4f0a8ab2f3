using System.Collections.Immutable;
using System.Data;
using Npgsql;
using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Persistence;

namespace Webcare.Realtime.Storage;

/// <summary>
/// Aggregates for rebuilding grains, computed by the database (counts per bucket per sentiment label, top
/// authors): a rebuild reads a few hundred rows, not the mentions. Each read is one repeatable-read
/// transaction, so its snapshot and its counts agree.
/// </summary>
public sealed class MentionLogReader(NpgsqlDataSource database) : IMentionHistory
{
    /// <summary>Authors read back per key: more than an aggregate shows, so its pruning has something to choose from.</summary>
    private const int AuthorsRead = 40;

    public async Task<ActivityHistory> ReadActivityAsync(
        string tenant, ActivityScope scope, string name, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var filter = scope == ActivityScope.Source ? "source = $2" : "topics @> ARRAY[$2]::text[]";
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command($"SELECT pg_current_snapshot()::text, count(*), min(least(created_at, $3)), max(least(created_at, $3)) FROM mention_log WHERE tenant = $1 AND {filter}", tenant, name, now),
                Command(BucketQuery(filter, "1 minute", "61 minutes"), tenant, name, now),
                Command(BucketQuery(filter, "5 minutes", "1445 minutes"), tenant, name, now),
                Command($"""
                    SELECT min(author_handle), max(author_followers), count(*)::int FROM mention_log
                    WHERE tenant = $1 AND {filter} AND author_handle IS NOT NULL
                    GROUP BY lower(author_handle) ORDER BY 2 DESC, 3 DESC LIMIT {AuthorsRead}
                    """, tenant, name),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var snapshot = MentionLogSnapshot.Parse(reader.GetString(0));
        var total = reader.GetInt64(1);
        DateTimeOffset? first = reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2);
        DateTimeOffset? last = reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3);
        await reader.NextResultAsync(cancellationToken);
        var minutes = await ReadBucketsAsync(reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var fiveMinutes = await ReadBucketsAsync(reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var authors = ImmutableArray.CreateBuilder<AuthorReach>();
        while (await reader.ReadAsync(cancellationToken))
            authors.Add(new AuthorReach(reader.GetString(0), reader.GetInt64(1), reader.GetInt32(2)));
        return new ActivityHistory(snapshot, total, first, last, minutes, fiveMinutes, authors.ToImmutable());
    }

    public async Task<TenantHistory> ReadTenantAsync(string tenant, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command("SELECT pg_current_snapshot()::text, count(*) FROM mention_log WHERE tenant = $1", tenant),
                // The tenant's sources by a skip scan of the primary key (one probe per source), its topics from
                // log_topics: neither reads the log's rows.
                Command("""
                    WITH RECURSIVE s AS (
                        (SELECT source FROM mention_log WHERE tenant = $1 ORDER BY source LIMIT 1)
                        UNION ALL
                        SELECT (SELECT m.source FROM mention_log m WHERE m.tenant = $1 AND m.source > s.source ORDER BY m.source LIMIT 1)
                        FROM s WHERE s.source IS NOT NULL)
                    SELECT source FROM s WHERE source IS NOT NULL
                    """, tenant),
                Command("SELECT topic FROM log_topics WHERE tenant = $1", tenant),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var snapshot = MentionLogSnapshot.Parse(reader.GetString(0));
        var stored = reader.GetInt64(1);
        await reader.NextResultAsync(cancellationToken);
        var sources = await ReadStringsAsync(reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var topics = await ReadStringsAsync(reader, cancellationToken);
        return new TenantHistory(snapshot, stored, sources, topics);
    }

    /// <summary>Conversations read back whole are capped: an aggregate tracks at most this many mentions' identities anyway.</summary>
    public const int ConversationMentionsRead = 10_000;

    private const string MentionColumns = """
        source, id, created_at, received_at, author_handle, author_name, author_followers, text, url, conversation_id,
        in_reply_to, shared_from, likes, shares, language, sentiment_score, sentiment_label, topics, coalesce(redacted_text, text),
        privacy_sensitive, tx, from_own_account
        """;

    public async Task<ImmutableArray<EnrichedMention>> ReadMentionsAsync(
        string tenant, IReadOnlyList<MentionKey> keys, CancellationToken cancellationToken = default)
    {
        if (keys.Count == 0) return [];
        await using var command = database.CreateCommand($"""
            SELECT {MentionColumns} FROM mention_log
            WHERE tenant = $1 AND (source, id) IN (SELECT * FROM unnest($2::text[], $3::text[]))
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Source).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Id).ToArray() });
        return await ReadMentionsAsync(command, cancellationToken);
    }

    private static async Task<ImmutableArray<EnrichedMention>> ReadMentionsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var mentions = ImmutableArray.CreateBuilder<EnrichedMention>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) mentions.Add(ReadMention(reader));
        return mentions.ToImmutable();
    }

    public async Task<ImmutableArray<EnrichedMention>> ReadConversationAsync(
        string tenant, string conversationKey, (DateTimeOffset From, DateTimeOffset To)? received = null, CancellationToken cancellationToken = default)
    {
        var colon = conversationKey.IndexOf(':');
        if (colon <= 0) return [];
        // A thread is found through its source's rows (mention_log_source_time), then by its key; with
        // a window (a crash's last seconds), through mention_log_received.
        var since = received is null ? "" : "AND received_at >= $4 AND received_at < $5";
        await using var command = database.CreateCommand($"""
            SELECT {MentionColumns}
            FROM mention_log
            WHERE tenant = $1 AND source = $2 AND coalesce(conversation_id, in_reply_to, shared_from, id) = $3 {since}
            ORDER BY created_at LIMIT {ConversationMentionsRead}
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        command.Parameters.Add(new NpgsqlParameter { Value = conversationKey[..colon] });
        command.Parameters.Add(new NpgsqlParameter { Value = conversationKey[(colon + 1)..] });
        if (received is { } window)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = window.From });
            command.Parameters.Add(new NpgsqlParameter { Value = window.To });
        }
        return await ReadMentionsAsync(command, cancellationToken);
    }

    /// <summary>A stored mention as the ingest enriched it (without the PII spans and categories, which are not stored).</summary>
    private static EnrichedMention ReadMention(NpgsqlDataReader r)
    {
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        var handle = Text(4);
        var mention = new Mention(r.GetString(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), r.GetString(7))
        {
            Author = handle is null ? null : new Author(handle, Text(5), r.GetInt64(6)),
            Url = Text(8),
            ConversationId = Text(9),
            InReplyTo = Text(10),
            SharedFrom = Text(11),
            Metrics = new MentionMetrics(r.GetInt64(12), r.GetInt64(13)),
        };
        var language = r.GetString(14) switch { "nl" => TextLanguage.Dutch, "en" => TextLanguage.English, _ => TextLanguage.Other };
        var sentiment = new SentimentResult(r.GetDouble(15), (SentimentLabel)r.GetInt16(16)) { Language = language };
        return new EnrichedMention(mention, sentiment, [.. r.GetFieldValue<string[]>(17)],
            new Core.Privacy.PrivacyScan([], r.GetString(18), r.GetBoolean(19)))
        {
            ReceivedAt = r.GetFieldValue<DateTimeOffset>(3),
            LogTransaction = r.GetInt64(20),
            FromOwnAccount = r.GetBoolean(21),
        };
    }

    // Buckets aligned as Core's BucketRing aligns them (whole minutes / five minutes since the epoch); a
    // mention stamped in the future counts as now, and an own account's mention as neutral (its
    // PublicLabel), as ActivityAggregate.Record does.
    private static string BucketQuery(string filter, string width, string span) => $"""
        SELECT date_bin('{width}', least(created_at, $3), timestamptz '1970-01-01 00:00:00+00') AS bucket,
               CASE WHEN from_own_account THEN 0::smallint ELSE sentiment_label END, count(*)::int
        FROM mention_log
        WHERE tenant = $1 AND {filter} AND created_at >= $3 - interval '{span}'
        GROUP BY 1, 2 ORDER BY 1
        """;

    private static async Task<ImmutableArray<HistoryBucket>> ReadBucketsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var buckets = ImmutableArray.CreateBuilder<HistoryBucket>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var start = reader.GetFieldValue<DateTimeOffset>(0);
            var count = reader.GetInt32(2);
            var counts = (SentimentLabel)reader.GetInt16(1) switch
            {
                SentimentLabel.Positive => new BucketCounts(count, count, 0, 0),
                SentimentLabel.Negative => new BucketCounts(count, 0, 0, count),
                _ => new BucketCounts(count, 0, count, 0),
            };
            if (buckets.Count > 0 && buckets[^1].Start == start) buckets[^1] = buckets[^1] with { Counts = buckets[^1].Counts + counts };
            else buckets.Add(new HistoryBucket(start, counts));
        }
        return buckets.ToImmutable();
    }

    private static async Task<ImmutableArray<string>> ReadStringsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var values = ImmutableArray.CreateBuilder<string>();
        while (await reader.ReadAsync(cancellationToken)) values.Add(reader.GetString(0));
        return values.ToImmutable();
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in parameters) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}
