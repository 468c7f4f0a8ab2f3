using Webcare.Realtime.Core.Wall;
using static Webcare.Realtime.Core.Tests.Support.TestMentions;

namespace Webcare.Realtime.Core.Tests.Wall;

public sealed class WallFeedStateTests
{
    [Fact]
    public void NewState_IsEmpty()
    {
        var state = new WallFeedState();

        var snapshot = state.Snapshot(Now);

        Assert.Empty(snapshot.Mentions);
        Assert.Empty(snapshot.Sources);
        Assert.Empty(snapshot.Topics);
        Assert.Empty(snapshot.Conversations);
        Assert.Equal(IngestTotals.Zero, snapshot.Totals);
        Assert.Equal(Now, snapshot.AsOf);
        Assert.Equal(100, state.MentionCapacity);
        Assert.Equal(500, state.ConversationCapacity);
    }

    [Fact]
    public void Mentions_AreBoundedAndTheSnapshotIsNewestFirst()
    {
        var state = new WallFeedState(mentionCapacity: 3);

        state.Apply(Delta(mentions: [WallMention("1"), WallMention("2")]));
        state.Apply(Delta(mentions: [WallMention("3"), WallMention("4"), WallMention("5")]));

        Assert.Equal(["5", "4", "3"], state.Snapshot(Now).Mentions.Select(m => m.Id));
    }

    [Fact]
    public void Mentions_BelowCapacity_AreAllKept()
    {
        var state = new WallFeedState(mentionCapacity: 10);
        for (var i = 1; i <= 4; i++) state.Apply(Delta(mentions: [WallMention(i.ToString())]));

        Assert.Equal(["4", "3", "2", "1"], state.Snapshot(Now).Mentions.Select(m => m.Id));
    }

    [Fact]
    public void Aggregates_AreReplacedByKey_KeepingTheLatest()
    {
        var state = new WallFeedState();

        state.Apply(Delta(sources: [Activity("twitter", 1), Activity("facebook", 1)], topics: [Activity("SEH", 1)]));
        state.Apply(Delta(sources: [Activity("twitter", 2)], topics: [Activity("SEH", 5), Activity("Parkeren", 1)]));

        Assert.Equal(2, state.Source("twitter")!.Total);
        Assert.Equal(1, state.Source("facebook")!.Total);
        Assert.Null(state.Source("instagram"));
        Assert.Equal(5, state.Topic("SEH")!.Total);
        Assert.Null(state.Topic("seh")); // keys are exact
        var snapshot = state.Snapshot(Now);
        Assert.Equal(["facebook", "twitter"], snapshot.Sources.Select(s => s.Key)); // ordered by key
        Assert.Equal([2L, 1L], snapshot.Sources.Reverse().Select(s => s.Total));
        Assert.Equal(["Parkeren", "SEH"], snapshot.Topics.Select(t => t.Key));
    }

    [Fact]
    public void Conversations_AreReplacedByKey_AndShownByRank()
    {
        var state = new WallFeedState(conversationsShown: 2);

        state.Apply(Delta(conversations: [Conversation("twitter:a", lastTenMinutes: 9), Conversation("twitter:b", lastTenMinutes: 5)]));
        state.Apply(Delta(conversations: [Conversation("twitter:a", lastTenMinutes: 1), Conversation("twitter:c", lastTenMinutes: 7)]));

        var shown = state.Snapshot(Now).Conversations;
        Assert.Equal(["twitter:c", "twitter:b"], shown.Select(c => c.Key)); // a dropped to 1
    }

    [Fact]
    public void Totals_Accumulate()
    {
        var state = new WallFeedState();

        Assert.Equal(new IngestTotals(3, 1, 2), state.Apply(Delta(counts: new IngestTotals(3, 1, 2))));
        Assert.Equal(new IngestTotals(13, 1, 2), state.Apply(Delta(counts: new IngestTotals(10, 0, 0))));
        Assert.Equal(new IngestTotals(13, 1, 2), state.Apply(Delta()));

        Assert.Equal(new IngestTotals(13, 1, 2), state.Totals);
        Assert.Equal(new IngestTotals(13, 1, 2), state.Snapshot(Now).Totals);
    }

    [Fact]
    public void PastConversationCapacity_TheMostActiveHalfIsKept()
    {
        var state = new WallFeedState(conversationCapacity: 4, conversationsShown: 100);
        int[] activity = [5, 1, 9, 3];
        for (var i = 0; i < activity.Length; i++)
            state.Apply(Delta(conversations: [Conversation($"twitter:{i}", lastTenMinutes: activity[i])]));
        Assert.Equal(4, state.Snapshot(Now).Conversations.Length); // at capacity: nothing forgotten yet

        state.Apply(Delta(conversations: [Conversation("twitter:4", lastTenMinutes: 7)]));

        Assert.Equal(["twitter:2", "twitter:4"], state.Snapshot(Now).Conversations.Select(c => c.Key)); // 9 and 7
    }

    [Fact]
    public void PastConversationCapacity_TiesAreBrokenByReachThenRecency()
    {
        var state = new WallFeedState(conversationCapacity: 2, conversationsShown: 100);

        state.Apply(Delta(conversations:
        [
            Conversation("twitter:quiet", lastTenMinutes: 2, reach: 10, lastSeen: Now),
            Conversation("twitter:wide", lastTenMinutes: 2, reach: 50_000, lastSeen: Now.AddMinutes(-5)),
            Conversation("twitter:old", lastTenMinutes: 2, reach: 10, lastSeen: Now.AddMinutes(-8)),
        ]));

        Assert.Equal(["twitter:wide"], state.Snapshot(Now).Conversations.Select(c => c.Key));
    }

    [Fact]
    public void ManyConversations_StayWithinCapacity()
    {
        var state = new WallFeedState(conversationCapacity: 50, conversationsShown: 1_000);
        for (var i = 0; i < 10_000; i++)
            state.Apply(Delta(conversations: [Conversation($"twitter:{i}", lastTenMinutes: i % 97)]));

        var kept = state.Snapshot(Now).Conversations;
        Assert.InRange(kept.Length, 25, 50);
        Assert.Contains(kept, c => c.LastTenMinutes == 96); // the busiest survive
    }
}
