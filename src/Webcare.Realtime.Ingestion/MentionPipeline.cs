using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Dedup;
using Webcare.Realtime.Core.Ingest;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Wall;
using Webcare.Realtime.Grains;
using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Ingestion;

/// <summary>
/// Takes a validated batch through the service: drop duplicates, enrich, then give every grain the batch's
/// mentions for it in one call (never one call per mention: that caps throughput far below the target),
/// and hand the walls one delta. Every source of mentions (HTTP, demo feed, replay) goes through here.
/// </summary>
public sealed class MentionPipeline(
    IGrainFactory grains,
    TopicMatcherCache topics,
    ISentimentScorer sentiment,
    IOptions<DedupOptions> dedup,
    IOptions<ConversationOptions> conversations,
    TimeProvider clock)
{
    /// <summary>How many of a batch's mentions travel to the walls; the rest are counted as omitted.</summary>
    public const int MentionsPerDelta = 50;

    public async Task<IngestOutcome> IngestAsync(
        string tenant, IReadOnlyList<Mention> batch, IReadOnlyList<IngestError> errors)
    {
        var fresh = await ClaimNewAsync(tenant, batch);
        var duplicates = batch.Count - fresh.Count;
        if (fresh.Count > 0)
        {
            var matcher = await topics.GetAsync(tenant);
            var analyzer = new MentionAnalyzer(sentiment, matcher);
            var receivedAt = clock.GetUtcNow();
            var enriched = new EnrichedMention[fresh.Count];
            var enrichStarted = System.Diagnostics.Stopwatch.GetTimestamp();
            for (var i = 0; i < fresh.Count; i++) enriched[i] = analyzer.Analyze(fresh[i], receivedAt);
            WebcareMetrics.EnrichmentDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(enrichStarted).TotalSeconds);
            Array.Sort(enriched, (a, b) => a.Mention.CreatedAt.CompareTo(b.Mention.CreatedAt));
            try
            {
                await RouteAsync(tenant, enriched, duplicates, errors.Count, receivedAt);
            }
            catch (Exception ex)
            {
                // The batch is not acknowledged: give its claims back so the client's retry counts it.
                await ReleaseAsync(tenant, fresh);
                throw new IngestUnavailableException("the batch could not reach every grain; retry it", ex);
            }
        }
        else if (batch.Count > 0 || errors.Count > 0)
        {
            await grains.GetGrain<IWallFeedGrain>(tenant).PublishAsync(new WallDelta(
                [], 0, [], [], [], new IngestTotals(0, duplicates, errors.Count)));
        }
        WebcareMetrics.RecordOutcome(fresh.Count, duplicates, errors.Count);
        return new IngestOutcome(fresh.Count, duplicates, errors.Count, errors);
    }

    private async Task ReleaseAsync(string tenant, List<Mention> claimed)
    {
        var partitions = dedup.Value.Partitions;
        await Task.WhenAll(claimed.Select(m => MentionKeyHash.Compute(m.Key))
            .GroupBy(hash => MentionKeyHash.Partition(hash, partitions))
            .Select(g => grains.GetGrain<IMentionIndexGrain>(TenantKey.Of(tenant, g.Key.ToString())).ReleaseAsync([.. g])));
    }

    /// <summary>The mentions of the batch not seen before, in batch order; one grain call per partition.</summary>
    private async Task<List<Mention>> ClaimNewAsync(string tenant, IReadOnlyList<Mention> batch)
    {
        var partitions = dedup.Value.Partitions;
        var unique = new List<(Mention Mention, ulong Hash)>(batch.Count);
        var inBatch = new HashSet<ulong>(batch.Count);
        foreach (var mention in batch)
        {
            var hash = MentionKeyHash.Compute(mention.Key);
            if (inBatch.Add(hash)) unique.Add((mention, hash));
        }
        var groups = unique.GroupBy(u => MentionKeyHash.Partition(u.Hash, partitions)).ToList();
        var claims = await Task.WhenAll(groups.Select(g =>
            grains.GetGrain<IMentionIndexGrain>(TenantKey.Of(tenant, g.Key.ToString())).ClaimAsync([.. g.Select(u => u.Hash)])));
        var isNew = new HashSet<ulong>();
        for (var g = 0; g < groups.Count; g++)
        {
            var i = 0;
            foreach (var item in groups[g])
                if (claims[g][i++]) isNew.Add(item.Hash);
        }
        return [.. unique.Where(u => isNew.Contains(u.Hash)).Select(u => u.Mention)];
    }

    /// <summary>
    /// Through the router shards (one call each) to the grains of conversations with more than one mention.
    /// </summary>
    private async Task<ConversationSummary[]> RouteConversationsAsync(string tenant, EnrichedMention[] enriched)
    {
        var shards = enriched.GroupBy(e => conversations.Value.ShardOf(tenant, e.Mention.ConversationKey));
        var routes = await Task.WhenAll(shards.Select(g =>
            grains.GetGrain<IConversationShardGrain>(g.Key).RouteAsync([.. g])));
        return await Task.WhenAll(routes.SelectMany(r => r).Select(route =>
            grains.GetGrain<IConversationGrain>(TenantKey.Of(tenant, route.Key)).RecordAsync(route.Mentions)));
    }

    private async Task RouteAsync(string tenant, EnrichedMention[] enriched, int duplicates, int rejected, DateTimeOffset receivedAt)
    {
        var sourceCalls = enriched.GroupBy(e => e.Mention.Source)
            .Select(g => grains.GetGrain<ISourceGrain>(TenantKey.Of(tenant, g.Key)).RecordAsync([.. g]))
            .ToList();
        var topicCalls = enriched.SelectMany(e => e.Topics.Select(t => (Topic: t, Mention: e)))
            .GroupBy(x => x.Topic, StringComparer.Ordinal)
            .Select(g => grains.GetGrain<ITopicGrain>(TenantKey.Of(tenant, g.Key)).RecordAsync([.. g.Select(x => x.Mention)]))
            .ToList();
        var conversationCalls = RouteConversationsAsync(tenant, enriched);

        var sources = await Task.WhenAll(sourceCalls);
        var topicSummaries = await Task.WhenAll(topicCalls);
        var conversationSummaries = await conversationCalls;

        var shown = enriched.AsSpan(Math.Max(0, enriched.Length - MentionsPerDelta));
        var mentions = ImmutableArray.CreateBuilder<WallMention>(shown.Length);
        foreach (var e in shown) mentions.Add(WallMention.From(e));
        var delta = new WallDelta(
            mentions.MoveToImmutable(),
            enriched.Length - shown.Length,
            [.. sources],
            [.. topicSummaries],
            [.. ConversationRanking.Rank(conversationSummaries, receivedAt).Take(MentionsPerDelta)],
            new IngestTotals(enriched.Length, duplicates, rejected));
        await grains.GetGrain<IWallFeedGrain>(tenant).PublishAsync(delta);
    }
}
