using System.Collections.Immutable;
using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Wall;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Grains;

/// <summary>The stored form of one conversation (grain state, JSON).</summary>
[GenerateSerializer, Alias("webcare.conversation-state")]
public sealed class ConversationState
{
    [Id(0)] public ConversationAggregateState? Aggregate { get; set; }
    [Id(1)] public SpreadWatch.State? Spread { get; set; }
    [Id(2)] public ImmutableArray<WallMention> FirstMentions { get; set; } = [];
}

/// <summary>
/// One conversation's spread. There can be very many, so an idle one is collected after two hours. Its
/// state is stored every <see cref="SaveInterval"/> while it changes and when it is collected: in durable
/// mode it survives a crash or a move to another node, losing at most the last interval.
/// </summary>
[CollectionAgeLimit(Minutes = 120)]
public sealed class ConversationGrain(
    [PersistentState("conversation", GrainStorage.Name)] IPersistentState<ConversationState> state,
    TimeProvider clock) : Grain, IConversationGrain
{
    /// <summary>Not per batch: a viral thread gets a batch every few milliseconds.</summary>
    public static readonly TimeSpan SaveInterval = TimeSpan.FromSeconds(5);

    private ConversationAggregate? _aggregate;
    private SpreadWatch _spread = new();
    private readonly List<WallMention> _first = [];
    private bool _dirty;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Aggregate is { } stored) _aggregate = ConversationAggregate.Restore(stored);
        if (state.State.Spread is { } spread) _spread = SpreadWatch.Restore(spread);
        _first.AddRange(state.State.FirstMentions);
        this.RegisterGrainTimer(SaveIfChangedAsync, SaveInterval, SaveInterval);
        return base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (this.SavesOnDeactivation(reason)) await SaveIfChangedAsync();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task<ConversationSummary> RecordAsync(ImmutableArray<EnrichedMention> mentions)
    {
        var now = clock.GetUtcNow();
        var (tenant, key) = TenantKey.Split(this.GetPrimaryKeyString());
        _aggregate ??= new ConversationAggregate(key);
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

    private async Task SaveIfChangedAsync()
    {
        if (!_dirty || _aggregate is null) return;
        state.State.Aggregate = _aggregate.Save();
        state.State.Spread = _spread.Save();
        state.State.FirstMentions = [.. _first];
        _dirty = false;
        await state.WriteStateAsync();
    }
}
