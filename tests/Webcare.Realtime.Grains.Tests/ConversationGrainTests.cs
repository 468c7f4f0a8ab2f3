using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Grains.Contracts;
using static Webcare.Realtime.Grains.Tests.TestMentions;

namespace Webcare.Realtime.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ConversationGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Tracks_replies_shares_unique_authors_and_reach_across_batches()
    {
        var now = fixture.Clock.GetUtcNow();
        var key = "twitter:conv-" + Guid.NewGuid();
        var root = key.Split(':')[1];
        var grain = fixture.Grains.GetGrain<IConversationGrain>(key);

        await grain.RecordAsync(Batch(
            Enrich(Make("twitter", root, now.AddMinutes(-3), "Al 3 uur wachten op de SEH", "@boos", 800), SentimentLabel.Negative)));
        var summary = await grain.RecordAsync(Batch(
            Enrich(Make("twitter", "r1", now.AddMinutes(-2), "Herkenbaar!", "@ook", 200, conversationId: root, inReplyTo: root), SentimentLabel.Negative),
            Enrich(Make("twitter", "s1", now.AddMinutes(-1), "RT", "@deler", 5000, conversationId: root, sharedFrom: root)),
            Enrich(Make("twitter", "r2", now, "Zelfde hier", "@ook", 200, conversationId: root, inReplyTo: root))));

        Assert.Equal(4, summary.Mentions);
        Assert.Equal(2, summary.Replies);
        Assert.Equal(1, summary.Shares);
        Assert.Equal(3, summary.UniqueAuthors);
        Assert.Equal(6000, summary.Reach);
        Assert.Equal(root, summary.RootId);
        Assert.Equal("@boos", summary.RootAuthor);
        Assert.Equal(2, summary.Sentiment.Negative);
        Assert.Equal(4, summary.LastTenMinutes);
    }

    [Fact]
    public async Task An_unknown_conversation_has_no_summary()
    {
        var summary = await fixture.Grains.GetGrain<IConversationGrain>("twitter:never-seen-" + Guid.NewGuid()).GetSummaryAsync();
        Assert.Null(summary);
    }
}
