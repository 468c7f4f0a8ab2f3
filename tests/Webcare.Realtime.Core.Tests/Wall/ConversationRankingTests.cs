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
            Conversation("twitter:never", lastTenMinutes: 3, reach: 10, lastSeen: null),
            Conversation("twitter:wide", lastTenMinutes: 3, reach: 1_000),
            Conversation("twitter:fast", lastTenMinutes: 40, reach: 1),
            Conversation("twitter:still", lastTenMinutes: 0, reach: 1_000_000),
        };

        var ranked = ConversationRanking.Rank(conversations).Select(c => c.Key);

        Assert.Equal(["twitter:fast", "twitter:wide", "twitter:a", "twitter:b", "twitter:old", "twitter:never", "twitter:still"], ranked);
    }

    [Fact]
    public void Rank_OfNothing_IsEmpty()
    {
        Assert.Empty(ConversationRanking.Rank([]));
    }
}
