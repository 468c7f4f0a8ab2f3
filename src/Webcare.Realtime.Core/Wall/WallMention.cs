using System.Collections.Immutable;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Privacy;

namespace Webcare.Realtime.Core.Wall;

/// <summary>
/// What a wall shows of one mention. <see cref="Text"/> is the redacted text (personal data replaced by
/// placeholders such as [BSN]); the raw text never leaves the ingest path. The page renders every string
/// here as text, never as HTML.
/// </summary>
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
    string ConversationKey,
    bool PrivacySensitive,
    ImmutableArray<PiiKind> Pii)
{
    /// <summary>The complaint categories, for the wall's badges (the terms stay in the API).</summary>
    public ImmutableArray<ComplaintCategory> Categories { get; init; } = [];
    /// <summary>Written by the organisation's own account: a webcare answer, not public opinion.</summary>
    public bool FromOwnAccount { get; init; }
    /// <summary>How often the mention was shared when it arrived (what "most shared" on an alert ranks by).</summary>
    public long Shares { get; init; }

    public static WallMention From(EnrichedMention enriched)
    {
        var m = enriched.Mention;
        var scan = enriched.Scan;
        return new WallMention(m.Source, m.Id, m.CreatedAt, enriched.ReceivedAt, m.Author?.Handle, m.Author?.Name,
            m.Author?.Followers ?? 0, scan.RedactedText, m.Url, enriched.Sentiment.Score, enriched.Sentiment.Label,
            enriched.Topics, m.ConversationKey, scan.Sensitive, [.. scan.Matches.Select(p => p.Kind).Distinct()])
        {
            Categories = [.. enriched.Categories.Select(c => c.Category)],
            FromOwnAccount = enriched.FromOwnAccount,
            Shares = m.Metrics.Shares,
        };
    }
}
