using Webcare.Realtime.Core.Persistence;

namespace Webcare.Realtime.Grains.Contracts;

/// <summary>
/// Durable mode: deletes mentions older than <c>Retention:Days</c> on an Orleans reminder (so it runs on one
/// node of the cluster, and again after a restart); one grain, key 0.
/// </summary>
[Alias("webcare.retention")]
public interface IRetentionGrain : IGrainWithIntegerKey
{
    /// <summary>Registers the reminder (idempotent; every node calls it at start-up).</summary>
    Task StartAsync();

    /// <summary>Purges now and rebuilds what the purged mentions fed.</summary>
    Task<Deletion> PurgeNowAsync();
}
