using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Core.Persistence;

/// <summary>Which stream of mentions an aggregate is about.</summary>
public enum ActivityScope
{
    Source,
    Topic,
}

/// <summary>
/// The durable mention log (durable mode only). Storing is one transaction per batch; a failure throws
/// (the batch is then not acknowledged).
/// </summary>
public interface IMentionLog
{
    /// <summary>Stores the batch, dropping mentions already stored (same tenant, source and id).</summary>
    Task<MentionLogAppend> AppendAsync(string tenant, IReadOnlyList<EnrichedMention> mentions, CancellationToken cancellationToken = default);
}

/// <summary>Reads aggregates back from the log, to rebuild state after a restart or an erasure.</summary>
public interface IMentionHistory
{
    Task<ActivityHistory> ReadActivityAsync(string tenant, ActivityScope scope, string name, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task<TenantHistory> ReadTenantAsync(string tenant, CancellationToken cancellationToken = default);

    /// <summary>
    /// One conversation's stored mentions ("source:thread", <see cref="Mention.ConversationKey"/>), oldest first;
    /// with <paramref name="received"/> only those received within that window (from inclusive, to exclusive).
    /// </summary>
    Task<System.Collections.Immutable.ImmutableArray<EnrichedMention>> ReadConversationAsync(
        string tenant, string conversationKey, (DateTimeOffset From, DateTimeOffset To)? received = null, CancellationToken cancellationToken = default);

    /// <summary>The stored mentions among these identities (primary-key lookups, one round trip).</summary>
    Task<System.Collections.Immutable.ImmutableArray<EnrichedMention>> ReadMentionsAsync(
        string tenant, IReadOnlyList<MentionKey> keys, CancellationToken cancellationToken = default);
}

/// <summary>Deleting from the log (retention, erasure): what was deleted, and which aggregates it had fed.</summary>
public interface IMentionLogEraser
{
    /// <summary>Deletes every mention written before <paramref name="cutoff"/> (by its own time), and alerts last updated before it.</summary>
    Task<Deletion> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);

    /// <summary>Deletes one author's mentions of one source (GDPR erasure), and removes them from stored alerts.</summary>
    Task<Deletion> EraseAuthorAsync(string tenant, string source, string handle, CancellationToken cancellationToken = default);
}

/// <summary>The sources and topics, per tenant, whose aggregates must be rebuilt after a deletion.</summary>
public sealed record Deletion(long Mentions, IReadOnlyList<FedAggregate> Fed)
{
    /// <summary>An author's erasure: what the state outside the log must forget too (null for a retention purge).</summary>
    public Privacy.AuthorErasure? Erasure { get; init; }

    /// <summary>How many transactions the deletion took (a purge deletes in bounded chunks).</summary>
    public int Transactions { get; init; } = 1;
}

public sealed record FedAggregate(string Tenant, ActivityScope Scope, string Name);
