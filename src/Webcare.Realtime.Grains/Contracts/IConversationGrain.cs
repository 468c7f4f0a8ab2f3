using System.Collections.Immutable;
using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Grains.Contracts;

/// <summary>One per conversation of two or more mentions; the key is "tenant/source:conversationId" (<see cref="Mention.ConversationKey"/> with its tenant).</summary>
[Alias("webcare.conversation")]
public interface IConversationGrain : IGrainWithStringKey
{
    Task<ConversationSummary> RecordAsync(ImmutableArray<EnrichedMention> mentions);

    /// <summary>Durable mode: the conversation again from what the mention log holds (after an erasure); null when nothing is left.</summary>
    Task<ConversationSummary?> RebuildAsync();

    /// <summary>Null when the conversation has never been seen.</summary>
    Task<ConversationSummary?> GetSummaryAsync();
}
