using System.Collections.Immutable;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Grains.Tests;

internal static class TestMentions
{
    public static Mention Make(string source, string id, DateTimeOffset at, string text = "Prima geholpen, bedankt!",
        string? author = null, long followers = 0, string? conversationId = null, string? inReplyTo = null, string? sharedFrom = null) =>
        new(source, id, at, text)
        {
            Author = author is null ? null : new Author(author, null, followers),
            ConversationId = conversationId,
            InReplyTo = inReplyTo,
            SharedFrom = sharedFrom,
        };

    public static EnrichedMention Enrich(Mention mention, SentimentLabel label = SentimentLabel.Neutral, params string[] topics) =>
        new(mention, new SentimentResult((int)label * 0.5, label), [.. topics]) { ReceivedAt = mention.CreatedAt };

    public static ImmutableArray<EnrichedMention> Batch(params EnrichedMention[] mentions) => [.. mentions];
}
