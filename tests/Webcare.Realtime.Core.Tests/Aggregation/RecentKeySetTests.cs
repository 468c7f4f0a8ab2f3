using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Dedup;
using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Core.Tests.Aggregation;

public sealed class RecentKeySetTests
{
    [Fact]
    public void A_key_is_new_once_then_a_duplicate()
    {
        var set = new RecentKeySet(10);
        Assert.True(set.TryAdd(1));
        Assert.False(set.TryAdd(1));
    }

    [Fact]
    public void The_oldest_keys_are_forgotten_past_the_capacity()
    {
        var set = new RecentKeySet(3);
        foreach (var key in new ulong[] { 1, 2, 3, 4 }) set.TryAdd(key);
        Assert.Equal(3, set.Count);
        Assert.True(set.TryAdd(1)); // forgotten, so new again
        Assert.False(set.TryAdd(4));
    }

    [Fact]
    public void A_released_key_is_accepted_again()
    {
        var set = new RecentKeySet(10);
        set.TryAdd(7);
        set.Release(7);
        Assert.True(set.TryAdd(7));
        Assert.False(set.TryAdd(7));
    }

    [Fact]
    public void A_released_and_re_added_key_is_not_forgotten_by_its_older_entry()
    {
        var set = new RecentKeySet(3);
        set.TryAdd(1);
        set.Release(1);
        set.TryAdd(1);   // queue: 1, 1
        set.TryAdd(2);   // queue: 1, 1, 2
        set.TryAdd(3);   // queue over capacity: the first 1 leaves, the second still holds it
        Assert.False(set.TryAdd(1));
        Assert.False(set.TryAdd(3));
    }
}

public sealed class IdempotentRecordingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static EnrichedMention M(string id) =>
        new(new Mention("twitter", id, Now, "tekst") { ConversationId = "c", Author = new Author("@a", null, 10) },
            SentimentResult.Neutral, []);

    [Fact]
    public void An_activity_aggregate_counts_a_retried_mention_once()
    {
        var aggregate = new ActivityAggregate();
        Assert.True(aggregate.Record(M("1"), Now));
        Assert.False(aggregate.Record(M("1"), Now));
        Assert.True(aggregate.Record(M("2"), Now));
        Assert.Equal(2, aggregate.Summarize("twitter", Now).LastHour.Volume);
    }

    [Fact]
    public void A_conversation_counts_a_retried_mention_once()
    {
        var conversation = new ConversationAggregate("twitter:c");
        conversation.Record(M("1"), Now);
        conversation.Record(M("1"), Now);
        Assert.Equal(1, conversation.Summarize(Now).Mentions);
    }
}
