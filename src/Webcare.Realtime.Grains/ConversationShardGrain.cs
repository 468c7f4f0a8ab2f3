using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Dedup;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Privacy;
using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Grains;

public sealed class ConversationOptions
{
    /// <summary>Shards of the conversation router; every node must use the same number.</summary>
    public int Shards { get; set; } = 8;

    /// <summary>Conversations of one mention remembered per shard (each holds its mention).</summary>
    public int PendingPerShard { get; set; } = 50_000;

    /// <summary>Promoted conversation keys remembered per shard.</summary>
    public int PromotedPerShard { get; set; } = 1_000_000;

    /// <summary>The key of the router shard that owns this conversation of this tenant: "tenant/shard".</summary>
    public string ShardOf(string tenant, string conversationKey) =>
        TenantKey.Of(tenant, MentionKeyHash.Partition(MentionKeyHash.Compute(conversationKey), Shards).ToString());
}

[KeepAlive]
public sealed class ConversationShardGrain(IOptions<ConversationOptions> options, TimeProvider clock)
    : Grain, IConversationShardGrain
{
    private readonly ConversationRouter _router = new(options.Value.PendingPerShard, options.Value.PromotedPerShard);

    public Task<ImmutableArray<ConversationRoute>> RouteAsync(ImmutableArray<EnrichedMention> mentions) =>
        Task.FromResult<ImmutableArray<ConversationRoute>>([.. _router.Route(mentions)]);

    public Task EraseAsync(AuthorErasure erasure)
    {
        _router.Forget(m => erasure.Wrote(m.Mention));
        return Task.CompletedTask;
    }

    public Task<ConversationSummary?> GetPendingAsync(string conversationKey)
    {
        if (_router.Pending(conversationKey) is not { } mention) return Task.FromResult<ConversationSummary?>(null);
        var now = clock.GetUtcNow();
        var single = new ConversationAggregate(conversationKey);
        single.Record(mention, now);
        return Task.FromResult<ConversationSummary?>(single.Summarize(now));
    }
}
