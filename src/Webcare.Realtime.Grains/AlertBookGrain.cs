using System.Collections.Immutable;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Privacy;
using Webcare.Realtime.Core.Wall;
using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Grains;

/// <summary>The stored form of a tenant's alert book (grain state, JSON).</summary>
[GenerateSerializer, Alias("webcare.alert-book-state")]
public sealed class AlertBookState
{
    [Id(0)] public ImmutableArray<Alert> Alerts { get; set; } = [];
}

/// <summary>Keeps a tenant's <see cref="AlertBook"/> and pushes every change to the tenant's walls and its sinks (webhooks).</summary>
[KeepAlive]
public sealed class AlertBookGrain(
    [PersistentState("alerts", GrainStorage.Name)] IPersistentState<AlertBookState> state,
    TimeProvider clock,
    IEnumerable<IAlertSink> sinks) : Grain, IAlertBookGrain
{
    /// <summary>A spreading conversation whose alert nothing has updated for this long is over.</summary>
    public static readonly TimeSpan SpreadingQuiet = TimeSpan.FromMinutes(30);

    /// <summary>How often detector-driven changes are stored: at most this much of them is lost in a crash.</summary>
    public static readonly TimeSpan SaveInterval = TimeSpan.FromSeconds(1);

    private AlertBook _book = new();
    private bool _dirty;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The open incidents and their acknowledgements survive a crash or a move to another node.
        _book = AlertBook.Restore(state.State.Alerts, clock.GetUtcNow());
        this.RegisterGrainTimer(ResolveQuietAsync, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        this.RegisterGrainTimer(SaveIfChangedAsync, SaveInterval, SaveInterval);
        return base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (this.SavesOnDeactivation(reason)) await SaveIfChangedAsync();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task ResolveQuietAsync()
    {
        var resolved = _book.ResolveQuiet(AlertKind.SpreadingConversation, SpreadingQuiet, clock.GetUtcNow());
        if (resolved.Count > 0) await ChangedAsync([.. resolved]);
    }

    public async Task RecordAsync(ImmutableArray<AlertSignal> signals)
    {
        var now = clock.GetUtcNow();
        var changed = signals.Select(s => _book.Apply(s, now)).ToImmutableArray();
        if (!changed.IsEmpty) await ChangedAsync(changed);
    }

    public Task<ImmutableArray<Alert>> GetAsync() => Task.FromResult<ImmutableArray<Alert>>([.. _book.Current(clock.GetUtcNow())]);

    public async Task<Alert?> AcknowledgeAsync(string id)
    {
        var alert = _book.Acknowledge(id, clock.GetUtcNow());
        if (alert is { State: AlertState.Acknowledged })
        {
            // At once: an acknowledgement an operator saw succeed must not come back unacknowledged after a node fails.
            _dirty = true;
            await SaveIfChangedAsync();
            await PublishAsync([alert]);
        }
        return alert;
    }

    /// <summary>
    /// Stored at once (the stored book must not keep what was erased) and shown on the walls; the sinks get
    /// it as an erasure (stored again, not announced: nothing about the incident changed).
    /// </summary>
    public async Task EraseAsync(AuthorErasure erasure)
    {
        var changed = _book.Erase(erasure);
        if (changed.Count == 0) return;
        _dirty = true;
        await SaveIfChangedAsync();
        foreach (var sink in sinks)
            foreach (var alert in changed) sink.NotifyErased(this.GetPrimaryKeyString(), alert);
        await GrainFactory.GetGrain<IWallFeedGrain>(this.GetPrimaryKeyString())
            .PublishAsync(new WallDelta([], 0, [], [], [], IngestTotals.Zero) { Alerts = [.. changed] });
    }

    /// <summary>
    /// Detector-driven changes are stored within <see cref="SaveInterval"/>, not on every change: a viral
    /// thread updates its alert with nearly every batch, and writing the whole book each time halved ingest
    /// throughput (BENCHMARKS.md). A change lost in a crash is raised again by the detectors, whose state is
    /// stored too.
    /// </summary>
    private Task ChangedAsync(ImmutableArray<Alert> changed)
    {
        _dirty = true;
        return PublishAsync(changed);
    }

    private async Task SaveIfChangedAsync()
    {
        if (!_dirty) return;
        _dirty = false;
        state.State.Alerts = [.. _book.All];
        await state.WriteStateAsync();
    }

    private Task PublishAsync(ImmutableArray<Alert> alerts)
    {
        var tenant = this.GetPrimaryKeyString();
        foreach (var sink in sinks)
            foreach (var alert in alerts) sink.Notify(tenant, alert);
        return GrainFactory.GetGrain<IWallFeedGrain>(tenant)
            .PublishAsync(new WallDelta([], 0, [], [], [], IngestTotals.Zero) { Alerts = alerts });
    }
}
