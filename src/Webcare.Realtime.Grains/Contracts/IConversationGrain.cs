using System.Collections.Immutable;
using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Grains.Contracts;

/// <summary>One per conversation; the key is <see cref="Mention.ConversationKey"/> ("source:conversationId").</summary>
[Alias("webcare.conversation")]
public interface IConversationGrain : IGrainWithStringKey
{
    Task<ConversationSummary> RecordAsync(ImmutableArray<EnrichedMention> mentions);

    /// <summary>Null when the conversation has never been seen.</summary>
    Task<ConversationSummary?> GetSummaryAsync();
}
