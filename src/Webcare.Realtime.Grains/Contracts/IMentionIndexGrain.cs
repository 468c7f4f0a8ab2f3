using System.Collections.Immutable;

namespace Webcare.Realtime.Grains.Contracts;

/// <summary>
/// One partition of a tenant's duplicate filter; the key is "tenant/partition", the partition chosen by
/// <see cref="Core.Dedup.MentionKeyHash"/> so every node routes a mention to the same one.
/// </summary>
[Alias("webcare.mention-index")]
public interface IMentionIndexGrain : IGrainWithStringKey
{
    /// <summary>For each key hash, true when it is new (and is now claimed), false for a duplicate.</summary>
    Task<ImmutableArray<bool>> ClaimAsync(ImmutableArray<ulong> keyHashes);

    /// <summary>Gives back claims whose mentions could not be processed, so a retry is not a duplicate.</summary>
    Task ReleaseAsync(ImmutableArray<ulong> keyHashes);
}
