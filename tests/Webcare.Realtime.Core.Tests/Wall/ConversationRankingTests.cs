using Webcare.Realtime.Core.Wall;
using static Webcare.Realtime.Core.Tests.Support.TestMentions;

namespace Webcare.Realtime.Core.Tests.Wall;

public sealed class ConversationRankingTests
{
    [Fact]
    public void Rank_IsByGrowthThenReachThenRecencyThenKey()
    {
        var conversations = new[]
        {
            Conversation("twitter:b", lastTenMinutes: 3, reach: 10, lastSeen: Now),
            Conversation("twitter:a", lastTenMinutes: 3, reach: 10, lastSeen: Now),
            Conversation("twitter:old", lastTenMinutes: 3, reach: 10, lastSeen: Now.AddMinutes(-5)),
            Conversation("twitter:never", lastTenMinutes: 3, reach: 10, neverSeen: true),
            Conversation("twitter:wide", lastTenMinutes: 3, reach: 1_000, lastSeen: Now),
            Conversation("twitter:fast", lastTenMinutes: 40, reach: 1, lastSeen: Now),
            Conversation("twitter:still", lastTenMinutes: 0, reach: 1_000_000, lastSeen: Now),
        };

        var ranked = ConversationRanking.Rank(conversations, Now).Select(c => c.Key);

        // "never" has no time, so its growth cannot be current: it ranks with the still ones, by reach.
        Assert.Equal(["twitter:fast", "twitter:wide", "twitter:a", "twitter:b", "twitter:old", "twitter:still", "twitter:never"], ranked);
    }

    [Fact]
    public void Rank_OfNothing_IsEmpty()
    {
        Assert.Empty(ConversationRanking.Rank([], Now));
    }

    [Fact]
    public void Growth_that_has_been_quiet_for_ten_minutes_no_longer_counts()
    {
        var conversations = new[]
        {
            Conversation("twitter:yesterday", lastTenMinutes: 50, reach: 10, lastSeen: Now.AddMinutes(-11)),
            Conversation("twitter:today", lastTenMinutes: 2, reach: 10, lastSeen: Now.AddMinutes(-1)),
        };
        Assert.Equal(["twitter:today", "twitter:yesterday"], ConversationRanking.Rank(conversations, Now).Select(c => c.Key));
    }
}
