using System.Collections.Immutable;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Core.Wall;

/// <summary>What a wall shows of one mention. The page renders every string here as text, never as HTML.</summary>
public sealed record WallMention(
    string Source,
    string Id,
    DateTimeOffset CreatedAt,
    DateTimeOffset ReceivedAt,
    string? AuthorHandle,
    string? AuthorName,
    long Followers,
    string Text,
    string? Url,
    double Sentiment,
    SentimentLabel Label,
    ImmutableArray<string> Topics,
    string ConversationKey)
{
    public static WallMention From(EnrichedMention enriched)
    {
        var m = enriched.Mention;
        return new WallMention(m.Source, m.Id, m.CreatedAt, enriched.ReceivedAt, m.Author?.Handle, m.Author?.Name,
            m.Author?.Followers ?? 0, m.Text, m.Url, enriched.Sentiment.Score, enriched.Sentiment.Label,
            enriched.Topics, m.ConversationKey);
    }
}
