using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Wall;
using Webcare.Realtime.Core.Tests.Support;

namespace Webcare.Realtime.Core.Tests.Wall;

public sealed class WallMentionTests
{
    [Fact]
    public void From_CopiesWhatTheWallShows()
    {
        var mention = new Mention("twitter", "7", TestMentions.Now.AddMinutes(-2), "<b>Lang</b> wachten")
        {
            Author = new Author("jan", "Jan de Vries", 1234),
            Url = "https://x.com/jan/status/7",
            InReplyTo = "6",
        };
        var enriched = new EnrichedMention(mention, new SentimentResult(-0.42, SentimentLabel.Negative), ["Wachttijden"])
        {
            ReceivedAt = TestMentions.Now,
            Categories = [new CategoryMatch(ComplaintCategory.WaitingTime, ["wachten"]), new CategoryMatch(ComplaintCategory.Costs, ["rekening"])],
        };

        var wall = WallMention.From(enriched);

        Assert.Equal("twitter", wall.Source);
        Assert.Equal("7", wall.Id);
        Assert.Equal(TestMentions.Now.AddMinutes(-2), wall.CreatedAt);
        Assert.Equal(TestMentions.Now, wall.ReceivedAt);
        Assert.Equal("jan", wall.AuthorHandle);
        Assert.Equal("Jan de Vries", wall.AuthorName);
        Assert.Equal(1234, wall.Followers);
        Assert.Equal("<b>Lang</b> wachten", wall.Text); // as data: the page escapes it
        Assert.Equal("https://x.com/jan/status/7", wall.Url);
        Assert.Equal(-0.42, wall.Sentiment);
        Assert.Equal(SentimentLabel.Negative, wall.Label);
        Assert.Equal(["Wachttijden"], wall.Topics.ToArray());
        Assert.Equal("twitter:6", wall.ConversationKey);
        Assert.Equal([ComplaintCategory.WaitingTime, ComplaintCategory.Costs], wall.Categories.ToArray());
    }

    [Fact]
    public void From_WithoutAuthor_HasNoHandleAndNoFollowers()
    {
        var wall = WallMention.From(TestMentions.Enriched(TestMentions.Mention("1")));

        Assert.Null(wall.AuthorHandle);
        Assert.Null(wall.AuthorName);
        Assert.Equal(0, wall.Followers);
        Assert.Null(wall.Url);
        Assert.Equal("twitter:1", wall.ConversationKey);
    }
}
