using Microsoft.Extensions.Options;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Ingest;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Webcare;
using Webcare.Realtime.Grains.Contracts;
using Webcare.Realtime.Ingestion;
using static Webcare.Realtime.Grains.Tests.TestMentions;
using Webcare.Realtime.Grains;
using Webcare.Realtime.Grains.Webcare;

namespace Webcare.Realtime.Grains.Tests;

/// <summary>The ingest path against the real cluster: duplicates, enrichment and one grain call per batch.</summary>
[Collection(ClusterCollection.Name)]
public sealed class MentionPipelineTests(ClusterFixture fixture)
{
    private MentionPipeline Pipeline() => new(
        fixture.Grains,
        new TopicMatcherCache(fixture.Grains, fixture.Clock),
        new RuleSentimentScorer(),
        Options.Create(new DedupOptions { Partitions = 4 }),
        Options.Create(new ConversationOptions { Shards = 4 }),
        new WebcareSettings(Options.Create(new WebcareOptions { OwnAccounts = { ["webcare-pipeline"] = [.. ClusterFixture.OwnAccounts] } })),
        fixture.Clock);

    [Fact]
    public async Task Posting_the_same_mention_twice_counts_it_once()
    {
        var tenant = "t-" + Guid.NewGuid();
        var source = "dup" + Guid.NewGuid().ToString("N")[..8];
        var now = fixture.Clock.GetUtcNow();
        var pipeline = Pipeline();
        Mention[] batch = [Make(source, "1", now), Make(source, "2", now), Make(source, "1", now)];

        var first = await pipeline.IngestAsync(tenant, batch, []);
        var second = await pipeline.IngestAsync(tenant, [Make(source, "2", now), Make(source, "3", now)], []);

        Assert.Equal((2, 1), (first.Accepted, first.Duplicates));
        Assert.Equal((1, 1), (second.Accepted, second.Duplicates));
        Assert.Equal(3, (await fixture.Grains.GetGrain<ISourceGrain>(TenantKey.Of(tenant, source)).GetSummaryAsync()).Total);
        var totals = (await fixture.Grains.GetGrain<IWallFeedGrain>(tenant).GetSnapshotAsync()).Totals;
        Assert.Equal((3, 2), (totals.Accepted, totals.Duplicates));
    }

    [Fact]
    public async Task A_batch_that_fails_midway_is_not_acknowledged_and_its_retry_is_accepted_in_full()
    {
        var tenant = "t-" + Guid.NewGuid();
        var source = "fails" + Guid.NewGuid().ToString("N")[..8];
        var now = fixture.Clock.GetUtcNow();
        Mention[] batch = [Make(source, "1", now), Make(source, "2", now), Make("ok" + source, "3", now)];
        var pipeline = Pipeline();

        FaultInjection.FailingKeys[TenantKey.Of(tenant, source)] = true;
        try
        {
            await Assert.ThrowsAsync<IngestUnavailableException>(() => pipeline.IngestAsync(tenant, batch, []));
        }
        finally
        {
            FaultInjection.FailingKeys.TryRemove(TenantKey.Of(tenant, source), out _);
        }

        var retry = await pipeline.IngestAsync(tenant, batch, []);
        Assert.Equal((3, 0), (retry.Accepted, retry.Duplicates));
        Assert.Equal(2, (await fixture.Grains.GetGrain<ISourceGrain>(TenantKey.Of(tenant, source)).GetSummaryAsync()).Total);
        // The grain that did take the first attempt does not count the retry again.
        Assert.Equal(1, (await fixture.Grains.GetGrain<ISourceGrain>(TenantKey.Of(tenant, "ok" + source)).GetSummaryAsync()).Total);
        var totals = (await fixture.Grains.GetGrain<IWallFeedGrain>(tenant).GetSnapshotAsync()).Totals;
        Assert.Equal(3, totals.Accepted);
    }

    [Fact]
    public async Task A_batch_reaches_each_grain_in_one_call()
    {
        var tenant = "t-" + Guid.NewGuid();
        var now = fixture.Clock.GetUtcNow();
        var sources = new[] { "routea" + Guid.NewGuid().ToString("N")[..6], "routeb" + Guid.NewGuid().ToString("N")[..6] };
        var batch = Enumerable.Range(0, 400).Select(i => Make(sources[i % 2], $"m{i}", now.AddSeconds(-i),
            i % 4 == 0 ? "Weer lang wachten bij de poli" : "Parkeren is hier niet te doen",
            conversationId: $"c{i % 10}")).ToList();
        GrainCallCounter.Calls.Clear();

        var outcome = await Pipeline().IngestAsync(tenant, batch, [new IngestError(3, "bad line")]);

        Assert.Equal(400, outcome.Accepted);
        Assert.Equal(1, outcome.Rejected);
        Assert.Equal(2, GrainCallCounter.Count("source.RecordAsync"));
        Assert.Equal(2, GrainCallCounter.Count("topic.RecordAsync")); // wachttijd and parkeren
        Assert.Equal(10, GrainCallCounter.Count("conversation.RecordAsync")); // c0..c9, each in one source (i % 2 follows i % 10)
        Assert.InRange(GrainCallCounter.Count("mentionindex.ClaimAsync"), 1, 4);
        Assert.Equal(1, GrainCallCounter.Count($"wallfeed/{tenant}.PublishAsync"));
        Assert.InRange(GrainCallCounter.Count("conversationshard.RouteAsync"), 1, 4);

        var wachttijd = await fixture.Grains.GetGrain<ITopicGrain>(TenantKey.Of(tenant, "wachttijd")).GetSummaryAsync();
        Assert.True(wachttijd.Total >= 100);
        var snapshot = await fixture.Grains.GetGrain<IWallFeedGrain>(tenant).GetSnapshotAsync();
        Assert.Equal(MentionPipeline.MentionsPerDelta, snapshot.Mentions.Length);
        Assert.Equal(now, snapshot.Mentions[0].CreatedAt); // newest first
        Assert.Equal(1, snapshot.Totals.Rejected);
        Assert.Contains(snapshot.Sources, s => s.Key == sources[0] && s.Total == 200);
    }

    [Fact]
    public async Task A_conversation_gets_its_own_grain_only_when_a_second_mention_joins_it()
    {
        var tenant = "t-" + Guid.NewGuid();
        var root = "root-" + Guid.NewGuid().ToString("N");
        var now = fixture.Clock.GetUtcNow();
        var pipeline = Pipeline();
        GrainCallCounter.Calls.Clear();

        await pipeline.IngestAsync(tenant, [Make("twitter", root, now.AddMinutes(-2), "Al uren wachten", "@eerste", 300)], []);
        Assert.Equal(0, GrainCallCounter.Count("conversation.RecordAsync"));
        var shard = fixture.Grains.GetGrain<IConversationShardGrain>(new ConversationOptions { Shards = 4 }.ShardOf(tenant, "twitter:" + root));
        Assert.Equal(1, (await shard.GetPendingAsync("twitter:" + root))!.Mentions);

        await pipeline.IngestAsync(tenant, [Make("twitter", "reply-" + root, now, "Herkenbaar", "@tweede", 700, conversationId: root, inReplyTo: root)], []);
        Assert.Equal(1, GrainCallCounter.Count("conversation.RecordAsync"));
        Assert.Null(await shard.GetPendingAsync("twitter:" + root));
        var summary = await fixture.Grains.GetGrain<IConversationGrain>(TenantKey.Of(tenant, "twitter:" + root)).GetSummaryAsync();
        Assert.Equal((2, 1, 1000L), (summary!.Mentions, summary.Replies, summary.Reach));
        Assert.Equal("@eerste", summary.RootAuthor);
    }

    [Fact]
    public async Task Tenants_share_nothing_even_for_the_same_mention()
    {
        var (a, b) = ("ta-" + Guid.NewGuid().ToString("N")[..6], "tb-" + Guid.NewGuid().ToString("N")[..6]);
        var now = fixture.Clock.GetUtcNow();
        var pipeline = Pipeline();
        Mention[] same = [Make("twitter", "shared-1", now, "Lang wachten"), Make("twitter", "shared-2", now, "Lang wachten", conversationId: "shared-1")];

        Assert.Equal(2, (await pipeline.IngestAsync(a, same, [])).Accepted);
        Assert.Equal(2, (await pipeline.IngestAsync(b, same, [])).Accepted); // not a duplicate for another tenant
        await pipeline.IngestAsync(b, [Make("twitter", "only-b", now)], []);

        Assert.Equal(2, (await fixture.Grains.GetGrain<ISourceGrain>(TenantKey.Of(a, "twitter")).GetSummaryAsync()).Total);
        Assert.Equal(3, (await fixture.Grains.GetGrain<ISourceGrain>(TenantKey.Of(b, "twitter")).GetSummaryAsync()).Total);
        Assert.Equal(2, (await fixture.Grains.GetGrain<IWallFeedGrain>(a).GetSnapshotAsync()).Totals.Accepted);
        Assert.DoesNotContain((await fixture.Grains.GetGrain<IWallFeedGrain>(a).GetSnapshotAsync()).Mentions, m => m.Id == "only-b");
    }

    [Fact]
    public async Task Mentions_are_enriched_with_sentiment_and_topics()
    {
        var tenant = "t-" + Guid.NewGuid();
        var source = "enrich" + Guid.NewGuid().ToString("N")[..6];
        var now = fixture.Clock.GetUtcNow();
        await Pipeline().IngestAsync(tenant, [
            Make(source, "neg", now, "Schandalig, al weken op de wachtlijst en niemand belt terug"),
            Make(source, "pos", now, "Wat een lieve verpleging, bedankt voor de topzorg!"),
        ], []);

        var mentions = (await fixture.Grains.GetGrain<IWallFeedGrain>(tenant).GetSnapshotAsync()).Mentions;
        var negative = Assert.Single(mentions, m => m.Id == "neg");
        var positive = Assert.Single(mentions, m => m.Id == "pos");
        Assert.Equal(SentimentLabel.Negative, negative.Label);
        Assert.Equal(SentimentLabel.Positive, positive.Label);
        Assert.Contains("wachttijd", negative.Topics);
        Assert.Empty(positive.Topics);
    }

    [Fact]
    public async Task A_single_complaint_reaches_the_webcare_queue_and_the_own_accounts_answer_stops_its_clock()
    {
        const string tenant = "webcare-pipeline";
        var id = "c-" + Guid.NewGuid().ToString("N")[..8];
        var now = fixture.Clock.GetUtcNow();
        var pipeline = Pipeline();
        GrainCallCounter.Calls.Clear();

        await pipeline.IngestAsync(tenant, [
            Make("twitter", id, now, "Schandalig, al weken op de wachtlijst en niemand belt terug", "@jdevries", 900),
            Make("twitter", "praise-" + id, now, "Wat een lieve verpleging, bedankt voor de topzorg!", "@blij"),
        ], []);
        // Per key: the webcare grain tests' clusters call the same grain types at the same time.
        Assert.Equal(1, GrainCallCounter.Count($"webcarequeue/{tenant}.RecordAsync"));
        Assert.DoesNotContain(GrainCallCounter.Calls.Keys, k => k.StartsWith("conversation/") && k.Contains(id)); // still a conversation of one
        var queue = fixture.Grains.GetGrain<IWebcareQueueGrain>(tenant);
        var item = Assert.Single((await queue.GetBoardAsync()).Queue, i => i.Key == "twitter:" + id);
        Assert.Equal(ClockState.OnTime, item.Clock);

        await pipeline.IngestAsync(tenant, [
            Make("twitter", id + "-w", now.AddMinutes(4), "@jdevries Wat vervelend, en begrijpelijk dat je hiervan baalt! Stuur je ons een DM? ^Sanne",
                "@ZIEKENHUISX", 14_000, conversationId: id, inReplyTo: id),
        ], []);
        Assert.Contains(GrainCallCounter.Calls.Keys, k => k.StartsWith("conversation/") && k.Contains(id)); // now a conversation of two
        Assert.DoesNotContain((await queue.GetBoardAsync()).Queue, i => i.Key == "twitter:" + id);
        Assert.Equal(CaseState.Responded, (await queue.GetCaseAsync("twitter:" + id))!.Item.State);

        // The answer's friendly words are not public opinion: the conversation stays as negative as its author.
        var conversation = await fixture.Grains.GetGrain<IConversationGrain>(TenantKey.Of(tenant, "twitter:" + id)).GetSummaryAsync();
        Assert.Equal((2, 0, 1), (conversation!.Mentions, conversation.Sentiment.Positive, conversation.Sentiment.Negative));
        var answer = Assert.Single((await fixture.Grains.GetGrain<IWallFeedGrain>(tenant).GetSnapshotAsync()).Mentions, m => m.Id == id + "-w");
        Assert.True(answer.FromOwnAccount);
    }
}
