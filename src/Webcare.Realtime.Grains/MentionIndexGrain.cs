using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Webcare.Realtime.Core.Dedup;
using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Grains;

public sealed class DedupOptions
{
    /// <summary>How many partitions the duplicate filter is split over; every node must use the same number.</summary>
    public int Partitions { get; set; } = 8;

    /// <summary>Identities remembered per partition; the oldest are forgotten first.</summary>
    public int CapacityPerPartition { get; set; } = 1_000_000;
}

[KeepAlive]
public sealed class MentionIndexGrain(IOptions<DedupOptions> options) : Grain, IMentionIndexGrain
{
    private readonly RecentKeySet _seen = new(options.Value.CapacityPerPartition);

    public Task<ImmutableArray<bool>> ClaimAsync(ImmutableArray<ulong> keyHashes)
    {
        var result = ImmutableArray.CreateBuilder<bool>(keyHashes.Length);
        foreach (var hash in keyHashes) result.Add(_seen.TryAdd(hash));
        return Task.FromResult(result.MoveToImmutable());
    }

    public Task ReleaseAsync(ImmutableArray<ulong> keyHashes)
    {
        foreach (var hash in keyHashes) _seen.Release(hash);
        return Task.CompletedTask;
    }
}
