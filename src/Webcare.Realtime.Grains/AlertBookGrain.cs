using System.Collections.Immutable;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Wall;
using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Grains;

/// <summary>Keeps a tenant's <see cref="AlertBook"/> and pushes every change to the tenant's walls and its sinks (webhooks).</summary>
/// <summary>The stored form of a tenant's alert book (grain state, JSON).</summary>
[GenerateSerializer, Alias("webcare.alert-book-state")]
public sealed class AlertBookState
{
    [Id(0)] public ImmutableArray<Alert> Alerts { get; set; } = [];
}

[KeepAlive]
public sealed class AlertBookGrain(
    [PersistentState("alerts", GrainStorage.Name)] IPersistentState<AlertBookState> state,
    TimeProvider clock,
    IEnumerable<IAlertSink> sinks) : Grain, IAlertBookGrain
{
    /// <summary>A spreading conversation whose alert nothing has updated for this long is over.</summary>
    public static readonly TimeSpan SpreadingQuiet = TimeSpan.FromMinutes(30);

    private AlertBook _book = new();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The open incidents and their acknowledgements survive a crash or a move to another node.
        _book = AlertBook.Restore(state.State.Alerts, clock.GetUtcNow());
        this.RegisterGrainTimer(ResolveQuietAsync, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task ResolveQuietAsync()
    {
        var resolved = _book.ResolveQuiet(AlertKind.SpreadingConversation, SpreadingQuiet, clock.GetUtcNow());
        if (resolved.Count > 0) await SaveAndPublishAsync([.. resolved]);
    }

    public async Task RecordAsync(ImmutableArray<AlertSignal> signals)
    {
        var now = clock.GetUtcNow();
        var changed = signals.Select(s => _book.Apply(s, now)).ToImmutableArray();
        if (!changed.IsEmpty) await SaveAndPublishAsync(changed);
    }

    public Task<ImmutableArray<Alert>> GetAsync() => Task.FromResult<ImmutableArray<Alert>>([.. _book.Current(clock.GetUtcNow())]);

    public async Task<Alert?> AcknowledgeAsync(string id)
    {
        var alert = _book.Acknowledge(id, clock.GetUtcNow());
        if (alert is { State: AlertState.Acknowledged }) await SaveAndPublishAsync([alert]);
        return alert;
    }

    /// <summary>
    /// Stored on every change: changes are rare (a few per incident), and an acknowledgement an operator
    /// saw succeed must not come back as unacknowledged after a node fails.
    /// </summary>
    private async Task SaveAndPublishAsync(ImmutableArray<Alert> changed)
    {
        state.State.Alerts = [.. _book.All];
        await state.WriteStateAsync();
        await PublishAsync(changed);
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
