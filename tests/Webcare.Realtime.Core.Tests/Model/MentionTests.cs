using Webcare.Realtime.Core.Model;
using static Webcare.Realtime.Core.Tests.Support.TestMentions;

namespace Webcare.Realtime.Core.Tests.Model;

public sealed class MentionTests
{
    [Theory]
    [InlineData("c", "r", "s", "twitter:c")] // the explicit conversation wins
    [InlineData(null, "r", "s", "twitter:r")] // else the message it answers
    [InlineData(null, null, "s", "twitter:s")] // else the message it shares
    [InlineData(null, null, null, "twitter:42")] // else itself
    public void ConversationKey_FollowsThePrecedence(string? conversationId, string? inReplyTo, string? sharedFrom, string expected)
    {
        var mention = Mention("42", conversationId: conversationId, inReplyTo: inReplyTo, sharedFrom: sharedFrom);

        Assert.Equal(expected, mention.ConversationKey);
    }

    [Fact]
    public void ConversationKey_IsScopedBySource()
    {
        Assert.NotEqual(Mention("1", source: "twitter").ConversationKey, Mention("1", source: "facebook").ConversationKey);
    }

    [Fact]
    public void IsReplyAndIsShare_FollowTheirFields()
    {
        Assert.False(Mention().IsReply);
        Assert.False(Mention().IsShare);
        Assert.True(Mention(inReplyTo: "0").IsReply);
        Assert.False(Mention(inReplyTo: "0").IsShare);
        Assert.True(Mention(sharedFrom: "0").IsShare);
        Assert.False(Mention(sharedFrom: "0").IsReply);
    }

    [Fact]
    public void Key_IsSourceAndId()
    {
        var a = new Mention("twitter", "1", Now, "een");
        var b = new Mention("twitter", "1", Now.AddMinutes(1), "andere tekst");

        Assert.Equal(new MentionKey("twitter", "1"), a.Key);
        Assert.Equal(a.Key, b.Key); // the same source and id is the same mention
        Assert.NotEqual(a.Key, new Mention("facebook", "1", Now, "een").Key);
        Assert.Equal("twitter/1", a.Key.ToString());
    }

    [Fact]
    public void Metrics_DefaultToNone()
    {
        Assert.Same(MentionMetrics.None, new Mention("twitter", "1", Now, "x").Metrics);
        Assert.Equal(new MentionMetrics(0, 0), MentionMetrics.None);
    }
}
