using System.Collections.Immutable;
using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Persistence;
using Webcare.Realtime.Core.Wall;
using Webcare.Realtime.Grains.Contracts;
using Webcare.Realtime.Grains.Webcare;

namespace Webcare.Realtime.Grains;

/// <summary>The stored form of one conversation (grain state, JSON).</summary>
[GenerateSerializer, Alias("webcare.conversation-state")]
public sealed class ConversationState
{
    [Id(0)] public ConversationAggregateState? Aggregate { get; set; }
    [Id(1)] public SpreadWatch.State? Spread { get; set; }
    [Id(2)] public ImmutableArray<WallMention> FirstMentions { get; set; } = [];

    /// <summary>When this state was written; a crash loses at most what was routed in the save interval after it.</summary>
    [Id(3)] public DateTimeOffset? SavedAt { get; set; }

    /// <summary>Written on deactivation: nothing was routed after it, so an activation has nothing to read back.</summary>
    [Id(4)] public bool Complete { get; set; }
}

/// <summary>
/// One conversation's spread. There can be very many, so an idle one is collected after two hours. Its
/// state is stored when it starts, every <see cref="SaveInterval"/> while it changes and when it is
/// collected. In durable mode (a <paramref name="history"/>) a crash loses nothing: an activation whose
/// state was not written by a clean deactivation reads back from the mention log what was received
/// around and after its last save (the log is the truth; the aggregate counts each mention once).
/// </summary>
[CollectionAgeLimit(Minutes = 120)]
public sealed class ConversationGrain(
    [PersistentState("conversation", GrainStorage.Name)] IPersistentState<ConversationState> state,
    TimeProvider clock,
    WebcareSettings webcare,
    IMentionHistory? history = null) : Grain, IConversationGrain
{
    /// <summary>
    /// How far around the last save a crashed conversation reads the log back: a mention is stamped
    /// received before it is stored and routed, and a save can run late on a busy silo.
    /// </summary>
    public static readonly TimeSpan CrashMargin = TimeSpan.FromMinutes(1);

    /// <summary>Not per batch: a viral thread gets a batch every few milliseconds.</summary>
    public static readonly TimeSpan SaveInterval = TimeSpan.FromSeconds(5);

    private ConversationAggregate? _aggregate;
    private SpreadWatch _spread = new();
    private readonly List<WallMention> _first = [];
    private bool _dirty;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Aggregate is { } stored) _aggregate = ConversationAggregate.Restore(stored);
        if (state.State.Spread is { } spread) _spread = SpreadWatch.Restore(spread);
        _first.AddRange(state.State.FirstMentions);
        if (history is not null && _aggregate is not null && !state.State.Complete && state.State.SavedAt is { } savedAt)
            await RecoverAsync((savedAt - CrashMargin, savedAt + SaveInterval + CrashMargin), cancellationToken);
        this.RegisterGrainTimer(SaveIfChangedAsync, SaveInterval, SaveInterval);
        await base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (this.SavesOnDeactivation(reason)) await SaveAsync(complete: true);
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <summary>
    /// The last activation ended without a clean save (a crash). What it lost was routed after its last
    /// save and before the next one would have run, so it was received within this window of the log.
    /// </summary>
    private async Task RecoverAsync((DateTimeOffset From, DateTimeOffset To) received, CancellationToken cancellationToken)
    {
        var (tenant, key) = TenantKey.Split(this.GetPrimaryKeyString());
        var stored = await history!.ReadConversationAsync(tenant, key, received, cancellationToken);
        if (Record(stored, clock.GetUtcNow())) await SaveAsync(complete: false);
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
        var started = _aggregate is null;
        _aggregate ??= new ConversationAggregate(key);
        foreach (var mention in mentions)
            if (_aggregate.Record(mention, now))
            {
                _dirty = true;
                if (_first.Count < 3) _first.Add(WallMention.From(mention));
            }
        // A new conversation, and one reactivated from a clean save, is stored at once: a crash before the
        // next timed save would otherwise leave nothing saying that (and from when) to read the log back.
        if ((started || state.State.Complete) && history is not null) await SaveAsync(complete: false);
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
