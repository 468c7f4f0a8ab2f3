using System.Collections.Immutable;
using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Persistence;
using Webcare.Realtime.Core.Wall;
using Webcare.Realtime.Grains.Contracts;
using Webcare.Realtime.Grains.Webcare;

namespace Webcare.Realtime.Grains;

/// <summary>The stored form of one conversation (grain state, JSON): a checkpoint, the mention log is the truth.</summary>
[GenerateSerializer, Alias("webcare.conversation-state")]
public sealed class ConversationState
{
    [Id(0)] public ConversationAggregateState? Aggregate { get; set; }
    [Id(1)] public SpreadWatch.State? Spread { get; set; }
    [Id(2)] public ImmutableArray<WallMention> FirstMentions { get; set; } = [];

    /// <summary>When this state was written; an activation reads back from the log what was received since (less a margin).</summary>
    [Id(3)] public DateTimeOffset? SavedAt { get; set; }

    /// <summary>Written on deactivation (kept for states stored before checkpoints were read back on every activation).</summary>
    [Id(4)] public bool Complete { get; set; }
}

/// <summary>
/// One conversation's spread. There can be very many (a hundred new ones a second under load), so an idle one
/// is collected after two hours, and in durable mode (a <paramref name="history"/>) its state is not written
/// as it starts or changes: every activation reads the conversation back from the mention log by its key
/// (the log is the truth; the aggregate counts each mention once), all of it when nothing was stored, else
/// what was received since the stored checkpoint. The checkpoint is written when the grain is collected and
/// every <see cref="CheckpointInterval"/> while it changes, so a long thread's read-back stays short. A crash
/// therefore loses nothing and costs no write per new conversation.
/// </summary>
[CollectionAgeLimit(Minutes = 120)]
public sealed class ConversationGrain(
    [PersistentState("conversation", GrainStorage.Name)] IPersistentState<ConversationState> state,
    TimeProvider clock,
    WebcareSettings webcare,
    IMentionHistory? history = null) : Grain, IConversationGrain
{
    /// <summary>
    /// How far before the checkpoint an activation reads the log back: a mention is stamped received before
    /// it is stored and routed, and a checkpoint can be taken while earlier mentions are still on their way.
    /// </summary>
    public static readonly TimeSpan CrashMargin = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Not per batch and not every few seconds: a checkpoint only shortens what an activation reads back.
    /// Writing it every 5 s (and at every start) was ~330 writes a second under the durable benchmark's load.
    /// </summary>
    public static readonly TimeSpan CheckpointInterval = TimeSpan.FromMinutes(5);

    private ConversationAggregate? _aggregate;
    private SpreadWatch _spread = new();
    private readonly List<WallMention> _first = [];
    private bool _dirty;
    // The first mentions came from the log, which does not store PII spans and categories: the live
    // mentions of the next batch replace them (they are the same mentions for a new conversation).
    private bool _firstFromLog;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Aggregate is { } stored) _aggregate = ConversationAggregate.Restore(stored);
        if (state.State.Spread is { } spread) _spread = SpreadWatch.Restore(spread);
        _first.AddRange(state.State.FirstMentions);
        if (history is not null) await ReadBackAsync(state.State.SavedAt - CrashMargin, cancellationToken);
        this.RegisterGrainTimer(SaveIfChangedAsync, CheckpointInterval, CheckpointInterval);
        await base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (this.SavesOnDeactivation(reason)) await SaveAsync(complete: true);
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <summary>
    /// What the log holds of this conversation beyond the checkpoint (everything when there is none): a new
    /// conversation's first batch (stored before it is routed), or what a crash lost since the last checkpoint.
    /// </summary>
    private async Task ReadBackAsync(DateTimeOffset? receivedSince, CancellationToken cancellationToken)
    {
        var (tenant, key) = TenantKey.Split(this.GetPrimaryKeyString());
        var stored = await history!.ReadConversationAsync(tenant, key, receivedSince, cancellationToken);
        if (stored.IsEmpty) return;
        _aggregate ??= new ConversationAggregate(key);
        var firstBefore = _first.Count;
        Record(stored, clock.GetUtcNow());
        _firstFromLog = _first.Count > firstBefore;
    }

    /// <summary>
    /// GDPR erasure (or any deletion from the log): the conversation again from what the log still holds. A
    /// conversation with nothing left is deleted from storage.
    /// </summary>
    public async Task<ConversationSummary?> RebuildAsync()
    {
        if (history is null || _aggregate is null)
        {
            DeactivateOnIdle();
            return null;
        }
        var (tenant, key) = TenantKey.Split(this.GetPrimaryKeyString());
        var stored = await history.ReadConversationAsync(tenant, key);
        _aggregate = new ConversationAggregate(key);
        _first.Clear();
        var now = clock.GetUtcNow();
        Record(stored, now);
        if (_aggregate.Mentions == 0)
        {
            _aggregate = null;
            _dirty = false;
            await state.ClearStateAsync();
            DeactivateOnIdle();
            return null;
        }
        await SaveAsync(complete: false);
        return _aggregate.Summarize(now);
    }

    /// <summary>Records mentions read back from the log (an own account's are marked, as the ingest marks them); true when any was new.</summary>
    private bool Record(ImmutableArray<EnrichedMention> stored, DateTimeOffset now)
    {
        if (stored.IsEmpty) return false;
        var own = webcare.OwnAccounts(TenantKey.Split(this.GetPrimaryKeyString()).Tenant);
        var changed = false;
        foreach (var mention in stored)
        {
            var marked = own.IsOwn(mention.Mention) ? mention with { FromOwnAccount = true } : mention;
            if (!_aggregate!.Record(marked, now)) continue;
            changed = _dirty = true;
            if (_first.Count < 3) _first.Add(WallMention.From(marked));
        }
        return changed;
    }

    public async Task<ConversationSummary> RecordAsync(ImmutableArray<EnrichedMention> mentions)
    {
        var now = clock.GetUtcNow();
        var (tenant, key) = TenantKey.Split(this.GetPrimaryKeyString());
        _aggregate ??= new ConversationAggregate(key);
        if (_firstFromLog) PreferLive(mentions);
        foreach (var mention in mentions)
            if (_aggregate.Record(mention, now))
            {
                _dirty = true;
                if (_first.Count < 3) _first.Add(WallMention.From(mention));
            }
        var summary = _aggregate.Summarize(now);
        if (_spread.Observe(summary) is { } spreading)
        {
            _dirty = true;
            await GrainFactory.GetGrain<IAlertBookGrain>(tenant).RecordAsync(
                [new AlertSignal("conversation", key, AlertKind.SpreadingConversation, spreading, [], [.. _first])]);
        }
        return summary;
    }

    public Task<ConversationSummary?> GetSummaryAsync()
    {
        var summary = _aggregate?.Summarize(clock.GetUtcNow());
        if (summary is null) DeactivateOnIdle(); // a lookup of an unknown id should not keep a grain alive
        return Task.FromResult(summary);
    }

    /// <summary>The first mentions as the ingest enriched them (with categories and PII kinds) where this batch has them.</summary>
    private void PreferLive(ImmutableArray<EnrichedMention> mentions)
    {
        _firstFromLog = false;
        for (var i = 0; i < _first.Count; i++)
            foreach (var mention in mentions)
                if (mention.Mention.Id == _first[i].Id && mention.Mention.Source == _first[i].Source)
                {
                    _first[i] = WallMention.From(mention);
                    break;
                }
    }

    private Task SaveIfChangedAsync() => _dirty ? SaveAsync(complete: false) : Task.CompletedTask;

    private async Task SaveAsync(bool complete)
    {
        if (_aggregate is null || (!_dirty && state.State.Complete == complete)) return;
        state.State.Aggregate = _aggregate.Save();
        state.State.Spread = _spread.Save();
        state.State.FirstMentions = [.. _first];
        state.State.SavedAt = clock.GetUtcNow();
        state.State.Complete = complete;
        _dirty = false;
        await state.WriteStateAsync();
    }
}
