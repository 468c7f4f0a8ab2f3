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
}
