using System.Collections.Immutable;
using Webcare.Realtime.Core.Analysis;

namespace Webcare.Realtime.Core.Model;

/// <summary>A mention with what the ingest path read from it; this is what grains and walls receive.</summary>
public sealed record EnrichedMention(Mention Mention, SentimentResult Sentiment, ImmutableArray<string> Topics)
{
    /// <summary>When the service accepted it; used for the ingest-to-wall latency.</summary>
    public DateTimeOffset ReceivedAt { get; init; }
}
