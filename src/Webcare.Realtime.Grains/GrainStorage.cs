using Microsoft.Extensions.DependencyInjection;

namespace Webcare.Realtime.Grains;

/// <summary>The grain-storage provider name every persistent grain uses (memory by default, PostgreSQL in durable mode).</summary>
public static class GrainStorage
{
    public const string Name = "webcare";

    /// <summary>
    /// Whether a grain should store its last changes as it deactivates. Always, except when the whole silo shuts
    /// down on storage that dies with it (the embedded in-memory mode): then there is nothing to keep, and a
    /// thousand conversations writing would only slow Ctrl+C down.
    /// </summary>
    public static bool SavesOnDeactivation(this IGrainBase grain, DeactivationReason reason) =>
        reason.ReasonCode != DeactivationReasonCode.ShuttingDown
        || grain.GrainContext.ActivationServices.GetService<GrainStorageLifetime>() is not { OutlivesProcess: false };
}

/// <summary>Registered by the host with the storage provider: does grain state outlive the process?</summary>
public sealed record GrainStorageLifetime(bool OutlivesProcess);
