using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Model;
using static Webcare.Realtime.Core.Tests.Support.TestMentions;

namespace Webcare.Realtime.Core.Tests.Aggregation;

public sealed class ConversationAggregateTests
{
    private static readonly DateTimeOffset At = Now.AddSeconds(30); // 12:00:30

    [Fact]
    public void Saved_through_json_and_restored_it_summarizes_the_same_and_still_refuses_mentions_it_counted()
    {
        var conversation = new ConversationAggregate("twitter:root");
        EnrichedMention[] thread =
        [
            Enriched(Mention("root", At.AddMinutes(-10), "Lang wachten", author: "alice", followers: 1_000, shares: 5), SentimentLabel.Negative),
            Enriched("r1", At.AddMinutes(-9), SentimentLabel.Negative, author: "bob", followers: 50, inReplyTo: "root"),
            Enriched("r2", At.AddMinutes(-2), SentimentLabel.Positive, author: "carol", followers: 7, inReplyTo: "r1"),
        ];
        Assert.All(thread, m => Assert.True(conversation.Record(m, At)));

        var json = System.Text.Json.JsonSerializer.Serialize(conversation.Save()); // as the grain storage writes it
        var restored = ConversationAggregate.Restore(System.Text.Json.JsonSerializer.Deserialize<ConversationAggregateState>(json)!);

        Assert.Equal(conversation.Summarize(At.AddMinutes(1)), restored.Summarize(At.AddMinutes(1)));
        Assert.False(restored.Record(Enriched("r1", At.AddMinutes(-9), SentimentLabel.Negative, author: "bob", inReplyTo: "root"), At));
        Assert.True(restored.Record(Enriched("r4", At.AddMinutes(1), SentimentLabel.Neutral, author: "bob", followers: 50, inReplyTo: "root"), At.AddMinutes(1)));
        var after = restored.Summarize(At.AddMinutes(1));
        Assert.Equal((4, 3, 1_057L), (after.Mentions, after.UniqueAuthors, after.Reach)); // bob is no new author
        Assert.Equal(2, after.LastTenMinutes); // r2 and r4: the root and r1 fell out of the ten-minute window
    }

    [Fact]
    public void Counts_RepliesSharesAuthorsAndReach()
    {
        var conversation = new ConversationAggregate("twitter:root");
        conversation.Record(Enriched(Mention("root", At.AddMinutes(-10), "Lang wachten", author: "alice", followers: 1_000, shares: 5), SentimentLabel.Negative), At);
        conversation.Record(Enriched("r1", At.AddMinutes(-9), SentimentLabel.Negative, author: "bob", followers: 50, inReplyTo: "root"), At);
        conversation.Record(Enriched("r2", At.AddMinutes(-8), SentimentLabel.Positive, author: "ALICE", followers: 1_000, inReplyTo: "r1"), At);
        conversation.Record(Enriched("s1", At.AddMinutes(-7), SentimentLabel.Neutral, author: "carol", followers: 200, sharedFrom: "root", shares: 3), At);
        conversation.Record(Enriched("r3", At.AddMinutes(-6), SentimentLabel.Neutral, inReplyTo: "root"), At); // no author

        var summary = conversation.Summarize(At);

        Assert.Equal("twitter:root", summary.Key);
        Assert.Equal("twitter", summary.Source);
        Assert.Equal(5, summary.Mentions);
        Assert.Equal(3, summary.Replies);
        Assert.Equal(5 + 3 + 1, summary.Shares); // share counts of the messages, plus the share itself
        Assert.Equal(3, summary.UniqueAuthors); // alice, bob, carol
        Assert.Equal(1_000 + 50 + 200, summary.Reach); // alice counted once
        Assert.Equal(new BucketCounts(5, 1, 2, 2), summary.Sentiment);
        Assert.Equal("root", summary.RootId);
        Assert.Equal("alice", summary.RootAuthor);
        Assert.Equal("Lang wachten", summary.RootText);
        Assert.Equal(At.AddMinutes(-10), summary.FirstSeen);
        Assert.Equal(At.AddMinutes(-6), summary.LastSeen);
        Assert.Equal(At, summary.AsOf);
        Assert.Equal(5, conversation.Mentions);
    }

    [Fact]
    public void Reach_CountsEachAuthorsFollowersOnce()
    {
        var conversation = new ConversationAggregate("twitter:1");
        for (var i = 0; i < 50; i++)
            conversation.Record(Enriched($"m{i}", At, author: i % 2 == 0 ? "jan" : "Jan", followers: 300, inReplyTo: "1"), At);

        var summary = conversation.Summarize(At);

        Assert.Equal(1, summary.UniqueAuthors);
        Assert.Equal(300, summary.Reach);
        Assert.Equal(50, summary.Mentions);
    }

    [Fact]
    public void Reach_IgnoresNegativeFollowerCounts()
    {
        var conversation = new ConversationAggregate("twitter:1");
        conversation.Record(Enriched("1", At, author: "a", followers: -500), At);
        conversation.Record(Enriched("2", At, author: "b", followers: 20), At);

        Assert.Equal(20, conversation.Summarize(At).Reach);
    }

    [Fact]
    public void ReplyArrivingBeforeTheRoot_IsTheRootOnlyUntilTheRootArrives()
    {
        var conversation = new ConversationAggregate("twitter:root");

        conversation.Record(Enriched(Mention("reply", At.AddMinutes(-1), "Eens!", author: "bob", inReplyTo: "root")), At);
        Assert.Equal("reply", conversation.Summarize(At).RootId);

        conversation.Record(Enriched(Mention("root", At.AddMinutes(-5), "De SEH is dicht", author: "alice")), At);
        var summary = conversation.Summarize(At);
        Assert.Equal("root", summary.RootId);
        Assert.Equal("alice", summary.RootAuthor);
        Assert.Equal("De SEH is dicht", summary.RootText);

        // Later replies and shares never take the root's place.
        conversation.Record(Enriched(Mention("reply2", At.AddMinutes(-10), "Ouder antwoord", inReplyTo: "root")), At);
        conversation.Record(Enriched(Mention("share", At.AddMinutes(-10), "RT", sharedFrom: "root")), At);
        Assert.Equal("root", conversation.Summarize(At).RootId);
    }

    [Fact]
    public void ShareArrivingBeforeTheRoot_IsReplacedByTheRoot()
    {
        var conversation = new ConversationAggregate("twitter:root");
        conversation.Record(Enriched(Mention("share", At, "RT", sharedFrom: "root")), At);
        conversation.Record(Enriched(Mention("root", At.AddMinutes(-2), "origineel")), At);

        Assert.Equal("root", conversation.Summarize(At).RootId);
    }

    [Fact]
    public void Root_IsTheEarliestNonReply()
    {
        var conversation = new ConversationAggregate("twitter:thread");
        conversation.Record(Enriched(Mention("second", At.AddMinutes(-3), conversationId: "thread")), At);
        conversation.Record(Enriched(Mention("third", At.AddMinutes(-1), conversationId: "thread")), At);
        Assert.Equal("second", conversation.Summarize(At).RootId);

        conversation.Record(Enriched(Mention("first", At.AddMinutes(-5), conversationId: "thread")), At);
        Assert.Equal("first", conversation.Summarize(At).RootId);
    }

    [Fact]
    public void Growth_ComparesTheLastTenMinutesWithTheTenBefore()
    {
        var conversation = new ConversationAggregate("twitter:1");
        DateTimeOffset[] times =
        [
            At.AddSeconds(-20), // 12:00:10
            At.AddMinutes(-5).AddSeconds(-30), // 11:55:00
            At.AddMinutes(-9).AddSeconds(-20), // 11:51:10, the oldest minute of the last ten
            At.AddMinutes(-15).AddSeconds(-30), // 11:45:00
            At.AddMinutes(-19).AddSeconds(-20), // 11:41:10, the oldest minute of the ten before
            At.AddMinutes(-19).AddSeconds(-40), // 11:40:50, older than both
            At.AddMinutes(-30), // 11:30:30
        ];
        for (var i = 0; i < times.Length; i++) conversation.Record(Enriched($"m{i}", times[i]), At);

        var summary = conversation.Summarize(At);

        Assert.Equal(3, summary.LastTenMinutes);
        Assert.Equal(2, summary.PreviousTenMinutes);
        Assert.Equal(0.3, summary.GrowthPerMinute);
        Assert.Equal(7, summary.Mentions);

        var later = conversation.Summarize(At.AddMinutes(10)); // 12:10:30
        Assert.Equal(0, later.LastTenMinutes);
        Assert.Equal(3, later.PreviousTenMinutes);
        Assert.Equal(0, later.GrowthPerMinute);
    }

    [Theory]
    [InlineData(1, 0.1)]
    [InlineData(7, 0.7)]
    [InlineData(25, 2.5)]
    [InlineData(333, 33.3)]
    public void GrowthPerMinute_IsTheLastTenMinutesOverTen(int lastTen, double expected)
    {
        var conversation = new ConversationAggregate("twitter:1");
        for (var i = 0; i < lastTen; i++) conversation.Record(Enriched($"m{i}", At.AddSeconds(-i % 600)), At);

        Assert.Equal(expected, conversation.Summarize(At).GrowthPerMinute);
    }

    [Fact]
    public void FutureTimestamp_IsCountedAsNow()
    {
        var conversation = new ConversationAggregate("twitter:1");
        conversation.Record(Enriched("1", At.AddMinutes(3)), At);

        var summary = conversation.Summarize(At);

        Assert.Equal(1, summary.LastTenMinutes);
        Assert.Equal(At, summary.LastSeen);
        Assert.Equal(At, summary.FirstSeen);
    }

    [Fact]
    public void DistinctAuthors_AreCappedAtMaxTrackedAuthors_ButEveryMentionCounts()
    {
        var conversation = new ConversationAggregate("twitter:viral");
        var total = ConversationAggregate.MaxTrackedAuthors + 5;
        for (var i = 0; i < total; i++)
            conversation.Record(Enriched($"m{i}", At, author: $"author{i}", followers: 2, inReplyTo: "viral"), At);

        var summary = conversation.Summarize(At);

        Assert.Equal(10_000, ConversationAggregate.MaxTrackedAuthors);
        Assert.Equal(ConversationAggregate.MaxTrackedAuthors, summary.UniqueAuthors);
        Assert.Equal(2L * ConversationAggregate.MaxTrackedAuthors, summary.Reach);
        Assert.Equal(total, summary.Mentions);
        Assert.Equal(total, summary.Replies);
    }

    [Fact]
    public void EmptyConversation_TakesItsSourceFromTheKey()
    {
        var summary = new ConversationAggregate("facebook:123").Summarize(At);

        Assert.Equal("facebook", summary.Source);
        Assert.Equal(0, summary.Mentions);
        Assert.Null(summary.RootId);
        Assert.Null(summary.FirstSeen);
        Assert.Equal(0, summary.LastTenMinutes);
        Assert.Null(summary.Sentiment.NetSentiment);
    }

    [Fact]
    public void The_organisations_own_answers_do_not_soften_the_conversations_sentiment()
    {
        var conversation = new ConversationAggregate("twitter:root");
        conversation.Record(Enriched(Mention("root", At.AddMinutes(-10), "Lang wachten", author: "alice"), SentimentLabel.Negative), At);
        conversation.Record(Enriched("w", At.AddMinutes(-5), SentimentLabel.Positive, author: "ZiekenhuisX", inReplyTo: "root") with { FromOwnAccount = true }, At);

        var summary = conversation.Summarize(At);
        Assert.Equal(2, summary.Mentions);
        Assert.Equal((0, 1, -1.0), (summary.Sentiment.Positive, summary.Sentiment.Negative, summary.Sentiment.NetSentiment!.Value));
    }
}
