using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Analysis;

namespace Webcare.Realtime.Core.Tests.Aggregation;

public sealed class ConversationOpinionsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(20);

    private static BucketCounts Total(ConversationOpinions opinions, DateTimeOffset newest) =>
        opinions.MinuteWindow(newest).Aggregate(default(BucketCounts), (a, b) => a + b);

    [Fact]
    public void A_complaint_with_agreeing_replies_and_retweets_is_one_opinion()
    {
        var opinions = new ConversationOpinions(Window);
        Assert.True(opinions.Record(1, T0, SentimentLabel.Negative));
        for (var i = 1; i <= 15; i++) Assert.False(opinions.Record(1, T0.AddSeconds(30 * i), SentimentLabel.Negative));
        Assert.True(opinions.Record(2, T0.AddMinutes(3), SentimentLabel.Positive));

        Assert.Equal(new BucketCounts(2, 1, 0, 1), Total(opinions, T0.AddMinutes(10)));
    }

    [Fact]
    public void A_conversation_speaks_again_once_its_last_opinion_left_the_window()
    {
        var opinions = new ConversationOpinions(Window);
        Assert.True(opinions.Record(1, T0, SentimentLabel.Negative));
        Assert.False(opinions.Record(1, T0.AddMinutes(19).AddSeconds(59), SentimentLabel.Negative));
        Assert.True(opinions.Record(1, T0.AddMinutes(20), SentimentLabel.Negative));

        var minutes = opinions.MinuteWindow(T0.AddMinutes(20));
        Assert.Equal(1, minutes[^1].Negative);  // 12:20
        Assert.Equal(1, minutes[^21].Negative); // 12:00
        Assert.Equal(2, minutes.Sum(m => m.Negative));
    }

    [Fact]
    public void Neutral_mentions_neither_count_nor_use_up_the_conversations_turn()
    {
        var opinions = new ConversationOpinions(Window);
        Assert.False(opinions.Record(1, T0, SentimentLabel.Neutral)); // a question
        Assert.True(opinions.Record(1, T0.AddMinutes(1), SentimentLabel.Negative)); // an angry answer under it

        Assert.Equal(new BucketCounts(1, 0, 0, 1), Total(opinions, T0.AddMinutes(1)));
    }

    [Fact]
    public void A_late_mention_of_a_conversation_counted_later_is_not_counted_twice()
    {
        var opinions = new ConversationOpinions(Window);
        Assert.True(opinions.Record(1, T0.AddMinutes(5), SentimentLabel.Negative));
        Assert.False(opinions.Record(1, T0, SentimentLabel.Negative)); // arrives late, five minutes older
        Assert.True(opinions.Record(1, T0.AddMinutes(25), SentimentLabel.Negative));
    }

    [Fact]
    public void Memory_is_bounded_and_forgets_conversations_counted_before_the_window_first()
    {
        var opinions = new ConversationOpinions(Window, capacity: 3);
        for (ulong c = 1; c <= 3; c++) Assert.True(opinions.Record(c, T0, SentimentLabel.Negative));
        // Full, but all three were counted before the window: forgotten to make room.
        Assert.True(opinions.Record(4, T0.AddMinutes(21), SentimentLabel.Negative));
        Assert.False(opinions.Record(4, T0.AddMinutes(22), SentimentLabel.Negative));
        Assert.True(opinions.Record(5, T0.AddMinutes(22), SentimentLabel.Negative));
        Assert.True(opinions.Record(6, T0.AddMinutes(22), SentimentLabel.Negative));
        // Full of conversations within the window: a seventh cannot be remembered, so it counts each time.
        Assert.True(opinions.Record(7, T0.AddMinutes(23), SentimentLabel.Negative));
        Assert.True(opinions.Record(7, T0.AddMinutes(24), SentimentLabel.Negative));
        // The remembered ones still count once.
        Assert.False(opinions.Record(5, T0.AddMinutes(24), SentimentLabel.Negative));
    }

    [Fact]
    public void A_full_set_forgets_again_once_the_window_passes_its_oldest_count()
    {
        var opinions = new ConversationOpinions(Window, capacity: 3);
        Assert.True(opinions.Record(1, T0, SentimentLabel.Negative));
        Assert.True(opinions.Record(2, T0.AddMinutes(5), SentimentLabel.Negative));
        Assert.True(opinions.Record(3, T0.AddMinutes(10), SentimentLabel.Negative));
        // Full, nothing counted before the window yet: new conversations count each time, none is remembered.
        for (ulong c = 10; c < 1_000; c++) Assert.True(opinions.Record(c, T0.AddMinutes(15), SentimentLabel.Negative));
        Assert.Equal(3, opinions.Remembered);
        // 20 minutes after the first count it can go, and makes room; the others are still within the window.
        Assert.True(opinions.Record(4, T0.AddMinutes(20), SentimentLabel.Negative));
        Assert.False(opinions.Record(4, T0.AddMinutes(21), SentimentLabel.Negative));
        Assert.False(opinions.Record(2, T0.AddMinutes(21), SentimentLabel.Negative));
        Assert.True(opinions.Record(5, T0.AddMinutes(21), SentimentLabel.Negative));
        Assert.True(opinions.Record(5, T0.AddMinutes(21), SentimentLabel.Negative)); // full again: not remembered
        Assert.Equal(3, opinions.Remembered);
    }

    [Fact]
    public void A_busy_stream_remembers_about_two_windows_of_conversations_not_all_it_saw()
    {
        var opinions = new ConversationOpinions(Window);
        ulong conversation = 0;
        for (var second = 0; second < 3 * 3600; second += 6) // ten new conversations a minute for three hours
        {
            Assert.True(opinions.Record(++conversation, T0.AddSeconds(second), SentimentLabel.Negative));
            Assert.InRange(opinions.Remembered, 1, 2 * 20 * 10 + 1);
        }
        Assert.InRange(opinions.Remembered, 20 * 10, 2 * 20 * 10 + 1);
    }

    [Fact]
    public void Minutes_older_than_the_hour_held_are_refused()
    {
        var opinions = new ConversationOpinions(Window);
        Assert.True(opinions.Record(1, T0.AddHours(2), SentimentLabel.Positive));
        Assert.False(opinions.Record(2, T0, SentimentLabel.Negative));
        Assert.Equal(new BucketCounts(1, 1, 0, 0), Total(opinions, T0.AddHours(2)));
    }
}
