using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Dedup;
using Webcare.Realtime.Core.Ingest;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Persistence;
using Webcare.Realtime.Core.Wall;
using Webcare.Realtime.Core.Webcare;
using Webcare.Realtime.Grains;
using Webcare.Realtime.Grains.Contracts;
using Webcare.Realtime.Grains.Webcare;

namespace Webcare.Realtime.Ingestion;

/// <summary>
/// Takes a validated batch through the service: drop duplicates, enrich, then give every grain the batch's
/// mentions for it in one call (never one call per mention: that caps throughput far below the target),
/// and hand the walls one delta. Every source of mentions (HTTP, demo feed, replay) goes through here.
/// In durable mode (a <paramref name="log"/>) the mention log, not the in-memory index, decides what is
/// new, and a batch is stored before any grain sees it.
/// </summary>
public sealed class MentionPipeline(
    IGrainFactory grains,
    TopicMatcherCache topics,
    ISentimentScorer sentiment,
    IOptions<DedupOptions> dedup,
    IOptions<ConversationOptions> conversations,
    WebcareSettings webcare,
    TimeProvider clock,
    IMentionLog? log = null)
{
    /// <summary>How many of a batch's mentions travel to the walls; the rest are counted as omitted.</summary>
    public const int MentionsPerDelta = 50;

    public async Task<IngestOutcome> IngestAsync(
        string tenant, IReadOnlyList<Mention> batch, IReadOnlyList<IngestError> errors)
    {
        var outcome = log is not null
            ? await IngestDurablyAsync(log, tenant, batch, errors)
            : await IngestInMemoryAsync(tenant, batch, errors);
        WebcareMetrics.RecordOutcome(outcome.Accepted, outcome.Duplicates, outcome.Rejected);
        return outcome;
    }

    private async Task<IngestOutcome> IngestInMemoryAsync(
        string tenant, IReadOnlyList<Mention> batch, IReadOnlyList<IngestError> errors)
    {
        var fresh = await ClaimNewAsync(tenant, batch);
        var duplicates = batch.Count - fresh.Count;
        if (fresh.Count > 0)
        {
            var receivedAt = clock.GetUtcNow();
            var enriched = await EnrichAsync(tenant, fresh, receivedAt);
            Array.Sort(enriched, ByCreatedAt);
            try
            {
                await RouteAsync(tenant, enriched, enriched, duplicates, errors.Count, receivedAt);
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
            await PublishCountsOnlyAsync(tenant, duplicates, errors.Count);
        }
        return new IngestOutcome(fresh.Count, duplicates, errors.Count, errors);
    }

    /// <summary>
    /// Durable mode: store first (acknowledged only after the commit), then route. Every mention of the
    /// batch is routed, the ones already stored too: a batch whose earlier attempt committed but did not
    /// reach every grain (a grain call failed, the node died) reaches them on the client's retry. Grains
    /// count a mention once whatever how often it arrives (recently seen keys, and after a rebuild from
    /// the log the log's snapshot), so nothing is counted twice.
    /// </summary>
    private async Task<IngestOutcome> IngestDurablyAsync(
        IMentionLog log, string tenant, IReadOnlyList<Mention> batch, IReadOnlyList<IngestError> errors)
    {
        var unique = UniqueInBatch(batch);
        if (unique.Count == 0)
        {
            if (errors.Count > 0) await PublishCountsOnlyAsync(tenant, 0, errors.Count);
            return new IngestOutcome(0, 0, errors.Count, errors);
        }
        var receivedAt = clock.GetUtcNow();
        var enriched = await EnrichAsync(tenant, [.. unique.Select(u => u.Mention)], receivedAt);
        MentionLogAppend stored;
        try
        {
            stored = await log.AppendAsync(tenant, enriched);
        }
        // A permanent error (schema, constraint, data) is not wrapped: retrying cannot help (HTTP 500).
        catch (Exception ex) when (StorageFault.IsTransient(ex))
        {
            throw new IngestUnavailableException("the mention log could not store the batch; retry it", ex);
        }
        var fresh = new List<EnrichedMention>(stored.InsertedCount);
        for (var i = 0; i < enriched.Length; i++)
        {
            enriched[i] = enriched[i] with { LogTransaction = stored.Transactions[i] };
            if (stored.Inserted[i]) fresh.Add(enriched[i]);
        }
        Array.Sort(enriched, ByCreatedAt);
        var freshSorted = fresh.ToArray();
        Array.Sort(freshSorted, ByCreatedAt);
        var duplicates = batch.Count - freshSorted.Length;
        try
        {
            await RouteAsync(tenant, enriched, freshSorted, duplicates, errors.Count, receivedAt, stored.Transaction);
        }
        catch (Exception ex)
        {
            throw new IngestUnavailableException("the batch is stored but did not reach every grain; retry it", ex);
        }
        return new IngestOutcome(freshSorted.Length, duplicates, errors.Count, errors);
    }

    private static readonly Comparison<EnrichedMention> ByCreatedAt = (a, b) => a.Mention.CreatedAt.CompareTo(b.Mention.CreatedAt);

    private async Task<EnrichedMention[]> EnrichAsync(string tenant, IReadOnlyList<Mention> mentions, DateTimeOffset receivedAt)
    {
        var analyzer = new MentionAnalyzer(sentiment, await topics.GetAsync(tenant), webcare.OwnAccounts(tenant));
        var enriched = new EnrichedMention[mentions.Count];
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        for (var i = 0; i < mentions.Count; i++) enriched[i] = analyzer.Analyze(mentions[i], receivedAt);
        WebcareMetrics.EnrichmentDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        return enriched;
    }

    private Task PublishCountsOnlyAsync(string tenant, int duplicates, int rejected) =>
        grains.GetGrain<IWallFeedGrain>(tenant).PublishAsync(new WallDelta(
            [], 0, [], [], [], new IngestTotals(0, duplicates, rejected)));

    /// <summary>The batch without its repeats (same source and id), in batch order, with each identity's hash.</summary>
    private static List<(Mention Mention, ulong Hash)> UniqueInBatch(IReadOnlyList<Mention> batch)
    {
        var unique = new List<(Mention Mention, ulong Hash)>(batch.Count);
        var inBatch = new HashSet<ulong>(batch.Count);
        foreach (var mention in batch)
        {
            var hash = MentionKeyHash.Compute(mention.Key);
            if (inBatch.Add(hash)) unique.Add((mention, hash));
        }
        return unique;
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
        var unique = UniqueInBatch(batch);
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

    /// <param name="enriched">What the grains and the walls get (grains drop what they already counted, walls
    /// de-duplicate by identity): in durable mode also the mentions of a retried batch that an earlier,
    /// unacknowledged attempt stored, which would otherwise never reach a wall.</param>
    /// <param name="fresh">What is new to the service: counted as accepted, and queued for an answer.</param>
    private async Task RouteAsync(
        string tenant, EnrichedMention[] enriched, EnrichedMention[] fresh, int duplicates, int rejected,
        DateTimeOffset receivedAt, long? logTransaction = null)
    {
        var sourceCalls = enriched.GroupBy(e => e.Mention.Source)
            .Select(g => grains.GetGrain<ISourceGrain>(TenantKey.Of(tenant, g.Key)).RecordAsync([.. g]))
            .ToList();
        var topicCalls = enriched.SelectMany(e => e.Topics.Select(t => (Topic: t, Mention: e)))
            .GroupBy(x => x.Topic, StringComparer.Ordinal)
            .Select(g => grains.GetGrain<ITopicGrain>(TenantKey.Of(tenant, g.Key)).RecordAsync([.. g.Select(x => x.Mention)]))
            .ToList();
        var conversationCalls = RouteConversationsAsync(tenant, enriched);
        // Every conversation that needs an answer, including those of one mention still in the router. Only
        // what is new: the queue counts messages, and a retried batch must not count them twice.
        var intake = WebcareIntake.Select(fresh, webcare.Policies);
        var webcareCall = intake.Count == 0
            ? Task.CompletedTask
            : grains.GetGrain<IWebcareQueueGrain>(tenant).RecordAsync([.. intake]);

        var sources = await Task.WhenAll(sourceCalls);
        var topicSummaries = await Task.WhenAll(topicCalls);
        var conversationSummaries = await conversationCalls;
        await webcareCall;

        var shown = enriched.AsSpan(Math.Max(0, enriched.Length - MentionsPerDelta));
        var mentions = ImmutableArray.CreateBuilder<WallMention>(shown.Length);
        foreach (var e in shown) mentions.Add(WallMention.From(e));
        var delta = new WallDelta(
            mentions.MoveToImmutable(),
            enriched.Length - shown.Length,
            [.. sources],
            [.. topicSummaries],
            [.. ConversationRanking.Rank(conversationSummaries, receivedAt).Take(MentionsPerDelta)],
            new IngestTotals(fresh.Length, duplicates, rejected)) { LogTransaction = logTransaction };
        await grains.GetGrain<IWallFeedGrain>(tenant).PublishAsync(delta);
    }
}
