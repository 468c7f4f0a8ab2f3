using System.Collections.Concurrent;
using Webcare.Realtime.Core.Analysis.Topics;
using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Ingestion;

/// <summary>
/// Each host compiles each tenant's topic queries once and asks the catalog at most once a second whether
/// they changed, so a topic edited on any node applies everywhere within a second, without a grain call
/// per batch.
/// </summary>
public sealed class TopicMatcherCache(IGrainFactory grains, TimeProvider clock)
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    private sealed class Entry
    {
        public readonly SemaphoreSlim Refresh = new(1, 1);
        public TopicMatcher Matcher = TopicMatcher.Empty;
        public long Version = -1;
        public DateTimeOffset CheckedAt = DateTimeOffset.MinValue;
    }

    private readonly ConcurrentDictionary<string, Entry> _tenants = new(StringComparer.Ordinal);

    public async ValueTask<TopicMatcher> GetAsync(string tenant)
    {
        var entry = _tenants.GetOrAdd(tenant, _ => new Entry());
        if (clock.GetUtcNow() - entry.CheckedAt < RefreshInterval) return entry.Matcher;
        await entry.Refresh.WaitAsync();
        try
        {
            if (clock.GetUtcNow() - entry.CheckedAt < RefreshInterval) return entry.Matcher;
            var catalog = await grains.GetGrain<ITopicCatalogGrain>(tenant).GetAsync();
            if (catalog.Version != entry.Version)
            {
                entry.Matcher = new TopicMatcher(catalog.Topics);
                entry.Version = catalog.Version;
            }
            entry.CheckedAt = clock.GetUtcNow();
            return entry.Matcher;
        }
        finally
        {
            entry.Refresh.Release();
        }
    }

    /// <summary>Forces the tenant's next batch to re-read the catalog (after this host changed it).</summary>
    public void Invalidate(string tenant)
    {
        if (_tenants.TryGetValue(tenant, out var entry)) entry.CheckedAt = DateTimeOffset.MinValue;
    }
}
