using System.Collections.Immutable;
using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Privacy;

namespace Webcare.Realtime.Grains.Contracts;

/// <summary>
/// One shard of the conversation router (<see cref="ConversationRouter"/>); the key is "tenant/shard"
/// (<see cref="ConversationOptions.ShardOf"/>), the shard from the conversation key's stable hash. It keeps conversations of one mention, so that only real
/// conversations get a <see cref="IConversationGrain"/>.
/// </summary>
[Alias("webcare.conversation-shard")]
public interface IConversationShardGrain : IGrainWithStringKey
{
    /// <summary>Which mentions to forward to which conversation grain.</summary>
    Task<ImmutableArray<ConversationRoute>> RouteAsync(ImmutableArray<EnrichedMention> mentions);

    /// <summary>The summary of a conversation that is still a single mention here, or null.</summary>
    Task<ConversationSummary?> GetPendingAsync(string conversationKey);

    /// <summary>GDPR erasure: forget the author's mentions and words (see <see cref="AuthorErasure"/>).</summary>
    Task EraseAsync(AuthorErasure erasure);
}
