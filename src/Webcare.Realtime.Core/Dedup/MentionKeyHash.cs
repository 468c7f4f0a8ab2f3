using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Core.Dedup;

/// <summary>
/// A stable 64-bit hash (FNV-1a over the UTF-16 code units). Stable across processes and versions, unlike
/// string.GetHashCode, because every node must route the same mention or conversation to the same
/// partition. 64 bits: at ten million remembered keys the chance of any false duplicate is about one in
/// 200,000.
/// </summary>
public static class MentionKeyHash
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Compute(MentionKey key)
    {
        var hash = Mix(Offset, key.Source);
        hash = (hash ^ 0x1F) * Prime; // unit separator: ("ab","c") and ("a","bc") differ
        return Mix(hash, key.Id);
    }

    public static ulong Compute(string value) => Mix(Offset, value);

    public static int Partition(ulong hash, int partitions) => (int)(hash % (ulong)partitions);

    private static ulong Mix(ulong hash, string value)
    {
        foreach (var c in value)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }
        return hash;
    }
}
