using System.Collections.Immutable;

namespace Webcare.Realtime.Core.Aggregation;

public sealed record AuthorReach(string Handle, long Followers, int Mentions);

/// <summary>
/// The authors with the largest reach, kept in bounded memory: the table is pruned back to the largest
/// <c>keep × 4</c> whenever it grows past that, so a flood of new authors cannot grow it without limit.
/// </summary>
public sealed class TopAuthors(int keep = 10)
{
    private readonly Dictionary<string, (long Followers, int Mentions)> _authors = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string handle, long followers, int mentions = 1)
    {
        _authors[handle] = _authors.TryGetValue(handle, out var known)
            ? (Math.Max(known.Followers, followers), known.Mentions + mentions)
            : (followers, mentions);
        if (_authors.Count > keep * 8) Prune(keep * 4);
    }

    public ImmutableArray<AuthorReach> Top() =>
        [.. _authors.OrderByDescending(a => a.Value.Followers).ThenByDescending(a => a.Value.Mentions)
            .ThenBy(a => a.Key, StringComparer.Ordinal).Take(keep)
            .Select(a => new AuthorReach(a.Key, a.Value.Followers, a.Value.Mentions))];

    public void Clear() => _authors.Clear();

    private void Prune(int size)
    {
        foreach (var drop in _authors.OrderByDescending(a => a.Value.Followers).Skip(size).Select(a => a.Key).ToList())
            _authors.Remove(drop);
    }
}
