using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Ingestion;

/// <summary>
/// Each host compiles the topic queries once and asks the catalog at most once a second whether they
/// changed, so a topic edited on any node applies everywhere within a second, without a grain call per
/// batch.
/// </summary>
public sealed class TopicMatcherCache(IGrainFactory grains, TimeProvider clock)
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private KeywordTopicMatcher _matcher = KeywordTopicMatcher.Empty;
    private long _version = -1;
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    public async ValueTask<KeywordTopicMatcher> GetAsync(string tenant)
    {
        if (clock.GetUtcNow() - _checkedAt < RefreshInterval) return _matcher;
        await _refresh.WaitAsync();
        try
        {
            if (clock.GetUtcNow() - _checkedAt < RefreshInterval) return _matcher;
            var catalog = await grains.GetGrain<ITopicCatalogGrain>(tenant).GetAsync();
            if (catalog.Version != _version)
            {
                _matcher = new KeywordTopicMatcher(catalog.Topics);
                _version = catalog.Version;
            }
            _checkedAt = clock.GetUtcNow();
            return _matcher;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Forces the next batch to re-read the catalog (after this host changed it).</summary>
    public void Invalidate() => _checkedAt = DateTimeOffset.MinValue;
}
