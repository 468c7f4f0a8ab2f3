using System.Collections.Immutable;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Privacy;

namespace Webcare.Realtime.Core.Model;

/// <summary>A mention with what the ingest path read from it; this is what grains and walls receive.</summary>
public sealed record EnrichedMention(
    Mention Mention, SentimentResult Sentiment, ImmutableArray<string> Topics, PrivacyScan? Privacy = null)
{
    /// <summary>When the service accepted it; used for the ingest-to-wall latency.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The complaint categories with the terms that triggered them (none: not a complaint we recognise).</summary>
    public ImmutableArray<CategoryMatch> Categories { get; init; } = [];

    /// <summary>
    /// Durable mode: the id of the mention-log transaction that stored it, so a grain rebuilt from the log
    /// can tell whether its rebuild already counted it (see <see cref="Persistence.MentionLogSnapshot"/>).
    /// </summary>
    public long? LogTransaction { get; init; }

    /// <summary>
    /// Written by one of the tenant's own accounts (<see cref="Webcare.OwnAccounts"/>): a response, which
    /// never counts as public sentiment about the organisation.
    /// </summary>
    public bool FromOwnAccount { get; init; }

    /// <summary>The sentiment label as public opinion: an own account's words are neutral, whatever their tone.</summary>
    public SentimentLabel PublicLabel => FromOwnAccount ? SentimentLabel.Neutral : Sentiment.Label;

    /// <summary>
    /// The privacy scan, made here if the enrichment did not: nothing downstream can reach the raw text
    /// for display by forgetting to scan.
    /// </summary>
    public PrivacyScan Scan => Privacy ?? PiiDetector.Scan(Mention.Text);

    /// <summary>The text with personal data replaced by placeholders: the only text a wall or the read API shows.</summary>
    public string DisplayText => Scan.RedactedText;
}
