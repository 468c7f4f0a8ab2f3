using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Core.Tests.Aggregation;

public sealed class ConversationRouterTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static EnrichedMention M(string id, string? conversation = null, string? inReplyTo = null) =>
        new(new Mention("twitter", id, At, "tekst") { ConversationId = conversation, InReplyTo = inReplyTo },
            SentimentResult.Neutral, []);

    [Fact]
    public void A_single_mention_waits_and_is_forwarded_with_the_second()
    {
        var router = new ConversationRouter(100, 100);
        Assert.Empty(router.Route([M("1")]));
        Assert.NotNull(router.Pending("twitter:1"));

        var routes = router.Route([M("2", conversation: "1", inReplyTo: "1")]);
        var route = Assert.Single(routes);
        Assert.Equal("twitter:1", route.Key);
        Assert.Equal(["1", "2"], route.Mentions.Select(m => m.Mention.Id));
        Assert.Null(router.Pending("twitter:1"));

        var later = Assert.Single(router.Route([M("3", conversation: "1")]));
        Assert.Equal(["3"], later.Mentions.Select(m => m.Mention.Id)); // the first mention is not sent twice
    }

    [Fact]
    public void Two_mentions_of_one_conversation_in_a_batch_are_forwarded_at_once()
    {
        var router = new ConversationRouter(100, 100);
        var route = Assert.Single(router.Route([M("a", conversation: "c"), M("b", conversation: "c"), M("x")]));
        Assert.Equal("twitter:c", route.Key);
        Assert.Equal(2, route.Mentions.Length);
        Assert.Equal(1, router.PendingCount);
    }

    [Fact]
    public void Waiting_mentions_are_bounded_and_the_oldest_is_forgotten_first()
    {
        var router = new ConversationRouter(pendingCapacity: 3, promotedCapacity: 100);
        router.Route([M("1"), M("2"), M("3"), M("4")]);
        Assert.Equal(3, router.PendingCount);
        Assert.Null(router.Pending("twitter:1"));
        Assert.NotNull(router.Pending("twitter:4"));

        // A reply to a forgotten conversation starts it at the reply: nothing is invented, nothing counted twice.
        Assert.Empty(router.Route([M("r", conversation: "1")]));
        Assert.NotNull(router.Pending("twitter:1"));
    }

    [Fact]
    public void Many_promotions_and_evictions_keep_memory_bounded()
    {
        var router = new ConversationRouter(pendingCapacity: 50, promotedCapacity: 50);
        for (var i = 0; i < 10_000; i++)
        {
            router.Route([M($"root{i}")]);
            if (i % 3 == 0) router.Route([M($"reply{i}", conversation: $"root{i}")]);
        }
        Assert.InRange(router.PendingCount, 1, 50);
    }
}
