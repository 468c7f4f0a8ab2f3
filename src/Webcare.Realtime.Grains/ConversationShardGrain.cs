using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Dedup;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Privacy;
using Webcare.Realtime.Core.Persistence;
using Webcare.Realtime.Grains.Contracts;
using Webcare.Realtime.Grains.Webcare;

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

/// <summary>
/// One shard of the conversation router. Its waiting first mentions live in memory only; in durable mode a
/// restart (or a move to another node) loses none that matters: a reply that waits here because its
/// conversation is unknown has its thread's root looked up in the mention log (batched, once a
/// <see cref="LookupInterval"/>, off the ingest path), and a stored root promotes the conversation as if it
/// had still been waiting. Lookups stop once this activation has kept back as many first mentions as a shard
/// remembers: by then everything the previous activation held would have been forgotten anyway.
/// </summary>
[KeepAlive]
public sealed class ConversationShardGrain(
    IOptions<ConversationOptions> options, TimeProvider clock, WebcareSettings webcare, IMentionHistory? history = null)
    : Grain, IConversationShardGrain
{
    public static readonly TimeSpan LookupInterval = TimeSpan.FromSeconds(1);

    private readonly ConversationRouter _router = new(options.Value.PendingPerShard, options.Value.PromotedPerShard);
    // Replies waiting here whose thread root may be in the log: conversation key -> the root's identity.
    private readonly Dictionary<string, MentionKey> _lookups = new(StringComparer.Ordinal);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (history is not null) this.RegisterGrainTimer(LookUpRootsAsync, LookupInterval, LookupInterval);
        return base.OnActivateAsync(cancellationToken);
    }

    public Task<ImmutableArray<ConversationRoute>> RouteAsync(ImmutableArray<EnrichedMention> mentions)
    {
        var routes = _router.Route(mentions);
        if (history is not null && _router.PendingAdded <= options.Value.PendingPerShard)
            foreach (var enriched in mentions)
            {
                var m = enriched.Mention;
                var root = m.ConversationId ?? m.InReplyTo ?? m.SharedFrom;
                if (root is not null && root != m.Id && ReferenceEquals(_router.Pending(m.ConversationKey), enriched))
                    _lookups.TryAdd(m.ConversationKey, new MentionKey(m.Source, root));
            }
        return Task.FromResult<ImmutableArray<ConversationRoute>>([.. routes]);
    }

    private async Task LookUpRootsAsync()
    {
        if (_lookups.Count == 0) return;
        var wanted = _lookups.ToList();
        _lookups.Clear();
        var tenant = TenantKey.Split(this.GetPrimaryKeyString()).Tenant;
        var found = await history!.ReadMentionsAsync(tenant, [.. wanted.Select(w => w.Value)]);
        if (found.IsEmpty) return;
        var own = webcare.OwnAccounts(tenant);
        var byKey = found.ToDictionary(f => f.Mention.Key);
        var calls = new List<Task>();
        foreach (var (conversation, rootKey) in wanted)
        {
            if (!byKey.TryGetValue(rootKey, out var root)) continue;
            if (own.IsOwn(root.Mention)) root = root with { FromOwnAccount = true };
            var route = _router.Adopt(conversation, root);
            calls.Add(GrainFactory.GetGrain<IConversationGrain>(TenantKey.Of(tenant, route.Key)).RecordAsync(route.Mentions));
        }
        await Task.WhenAll(calls);
    }

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
