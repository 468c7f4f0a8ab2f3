using System.Collections.Immutable;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Wall;
using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Grains;

/// <summary>Keeps a tenant's <see cref="AlertBook"/> and pushes every change to the tenant's walls and its sinks (webhooks).</summary>
[KeepAlive]
public sealed class AlertBookGrain(TimeProvider clock, IEnumerable<IAlertSink> sinks) : Grain, IAlertBookGrain
{
    /// <summary>A spreading conversation whose alert nothing has updated for this long is over.</summary>
    public static readonly TimeSpan SpreadingQuiet = TimeSpan.FromMinutes(30);

    private readonly AlertBook _book = new();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(ResolveQuietAsync, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task ResolveQuietAsync()
    {
        var resolved = _book.ResolveQuiet(AlertKind.SpreadingConversation, SpreadingQuiet, clock.GetUtcNow());
        if (resolved.Count > 0) await PublishAsync([.. resolved]);
    }

    public async Task RecordAsync(ImmutableArray<AlertSignal> signals)
    {
        var now = clock.GetUtcNow();
        var changed = signals.Select(s => _book.Apply(s, now)).ToImmutableArray();
        await PublishAsync(changed);
    }

    public Task<ImmutableArray<Alert>> GetAsync() => Task.FromResult<ImmutableArray<Alert>>([.. _book.Current(clock.GetUtcNow())]);

    public async Task<Alert?> AcknowledgeAsync(string id)
    {
        var alert = _book.Acknowledge(id, clock.GetUtcNow());
        if (alert is { State: AlertState.Acknowledged }) await PublishAsync([alert]);
        return alert;
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
