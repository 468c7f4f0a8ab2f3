using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Privacy;
using Webcare.Realtime.Core.Wall;
using Webcare.Realtime.Core.Webcare;
using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Grains.Webcare;

[GenerateSerializer, Alias("webcare.webcare-queue-state")]
public sealed class WebcareQueueStorage
{
    [Id(0)] public WebcareQueueState Queue { get; set; } = WebcareQueueState.Empty;
    [Id(1)] public CrisisSetting Crisis { get; set; } = CrisisSetting.Auto;
}

/// <summary>
/// Keeps a tenant's <see cref="WebcareQueue"/>: ingests the pipeline's selection per batch, lets operators
/// act on cases, and once a second moves the clocks, raises and resolves SLA-breach alerts, follows crisis
/// mode and pushes the board to the walls when something changed (coalesced: never per mention). Stored on
/// <see cref="GrainStorage.Name"/>: at once after an operator's action (the audit trail must survive), at
/// most every few seconds after ingest.
/// </summary>
[KeepAlive]
public sealed class WebcareQueueGrain(
    [PersistentState("webcare-queue", GrainStorage.Name)] IPersistentState<WebcareQueueStorage> state,
    WebcareSettings settings,
    TimeProvider clock,
    ILogger<WebcareQueueGrain> logger) : Grain, IWebcareQueueGrain
{
    public static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan WriteInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan AlertCheckInterval = TimeSpan.FromSeconds(5);

    /// <summary>An open alert this severe (other than a late answer) puts the team in crisis mode when the setting is Auto.</summary>
    public const int CrisisSeverity = 7;

    private WebcareQueue _queue = null!;
    private bool _boardDirty = true;
    private bool _storageDirty;
    private DateTimeOffset _writtenAt;
    private DateTimeOffset _alertsCheckedAt = DateTimeOffset.MinValue;
    private string? _severeAlert;
    private string _publishedClocks = "";
    private long _forgottenLogged;
    private DateTimeOffset _forgottenLoggedAt = DateTimeOffset.MinValue;

    private string Tenant => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _queue = new WebcareQueue(settings.Limits);
        _queue.Import(state.State.Queue);
        _writtenAt = clock.GetUtcNow();
        this.RegisterGrainTimer(TickAsync, TickInterval, TickInterval);
        return base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_storageDirty && this.SavesOnDeactivation(reason)) await WriteAsync();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public Task RecordAsync(ImmutableArray<EnrichedMention> mentions)
    {
        if (_queue.Ingest(mentions, settings.Policies, Crisis.Active, clock.GetUtcNow()))
            _boardDirty = _storageDirty = true;
        return Task.CompletedTask;
    }

    public Task<WebcareBoard> GetBoardAsync() => Task.FromResult(Board(clock.GetUtcNow()));

    public Task<WebcareCaseDetail?> GetCaseAsync(string conversationKey) =>
        Task.FromResult(_queue.Find(conversationKey) is { } c ? WebcareCaseDetail.From(c, clock.GetUtcNow()) : null);

    public async Task<CaseActionResult> ActAsync(string conversationKey, CaseAction action, string who, string? note, string? assignee)
    {
        var result = _queue.Act(conversationKey, action, who, note, assignee, settings.Policies, Crisis.Active, clock.GetUtcNow());
        if (!result.Succeeded) return result;
        _boardDirty = _storageDirty = true;
        await WriteAsync();
        await PublishAsync(clock.GetUtcNow());
        return result;
    }

    public async Task<CrisisStatus> SetCrisisAsync(CrisisSetting setting, string who)
    {
        state.State.Crisis = setting;
        logger.LogInformation("Crisis mode for tenant {Tenant} set to {Setting} by {Who}", Tenant, setting, who);
        _boardDirty = _storageDirty = true;
        await TickAsync();
        await WriteAsync();
        return Crisis;
    }

    public async Task TickAsync()
    {
        var now = clock.GetUtcNow();
        await CheckAlertsAsync(now);
        if (_queue.Tick(settings.Policies, Crisis.Active, now)) _boardDirty = _storageDirty = true;
        var breaches = _queue.Breaches.Observe(_queue.Cases, now);
        if (breaches.Count > 0) await GrainFactory.GetGrain<IAlertBookGrain>(Tenant).RecordAsync([.. breaches]);
        if (_boardDirty || ClockFingerprint(now) != _publishedClocks) await PublishAsync(now);
        if (_storageDirty && now - _writtenAt >= WriteInterval) await WriteAsync();
        // Once a minute at most: a tenant that stays at its limit forgets cases on every tick, and one line a
        // second would bury the rest of the log.
        if (_queue.Forgotten > _forgottenLogged && now - _forgottenLoggedAt >= TimeSpan.FromMinutes(1))
        {
            logger.LogWarning("Webcare queue of tenant {Tenant} is at its limit: {Count} cases forgotten so far", Tenant, _queue.Forgotten);
            _forgottenLogged = _queue.Forgotten;
            _forgottenLoggedAt = now;
        }
    }

    /// <summary>Stored and shown at once: the stored queue and the walls must not keep what was erased.</summary>
    public async Task EraseAsync(AuthorErasure erasure)
    {
        if (!_queue.Erase(erasure)) return;
        _boardDirty = _storageDirty = true;
        await WriteAsync();
        await PublishAsync(clock.GetUtcNow());
    }

    public async Task ForgetOlderThanAsync(DateTimeOffset cutoff)
    {
        if (!_queue.ForgetOlderThan(cutoff)) return;
        _boardDirty = _storageDirty = true;
        await WriteAsync();
        await PublishAsync(clock.GetUtcNow());
    }

    private CrisisStatus Crisis => state.State.Crisis switch
    {
        CrisisSetting.On => new CrisisStatus(CrisisSetting.On, true, "door een operator aangezet"),
        CrisisSetting.Off => new CrisisStatus(CrisisSetting.Off, false, null),
        _ => new CrisisStatus(CrisisSetting.Auto, _severeAlert is not null, _severeAlert),
    };

    private async Task CheckAlertsAsync(DateTimeOffset now)
    {
        if (now - _alertsCheckedAt < AlertCheckInterval) return;
        _alertsCheckedAt = now;
        var alerts = await GrainFactory.GetGrain<IAlertBookGrain>(Tenant).GetAsync();
        var severe = alerts.FirstOrDefault(a => a.IsOpen && a.Kind != AlertKind.SlaBreach && a.Severity >= CrisisSeverity);
        var reason = severe is null ? null : $"open alert (ernst {severe.Severity}): {severe.Headline}";
        if (reason == _severeAlert) return;
        _severeAlert = reason;
        _boardDirty = true;
    }

    private WebcareBoard Board(DateTimeOffset now) => WebcareBoard.Of(_queue, Crisis, WebcareSettings.Zone, now);

    // The walls count down by themselves; a new frame is needed only when a clock changes colour.
    private static readonly int ClockStates = Enum.GetValues<ClockState>().Length;

    private string ClockFingerprint(DateTimeOffset now)
    {
        Span<int> counts = stackalloc int[ClockStates];
        foreach (var c in _queue.Cases)
            if (c.IsWaiting) counts[(int)c.Clock.StateAt(now)]++;
        return string.Join(',', counts.ToArray());
    }

    private Task PublishAsync(DateTimeOffset now)
    {
        _boardDirty = false;
        _publishedClocks = ClockFingerprint(now);
        return GrainFactory.GetGrain<IWallFeedGrain>(Tenant)
            .PublishAsync(new WallDelta([], 0, [], [], [], IngestTotals.Zero) { Webcare = Board(now) });
    }

    private async Task WriteAsync()
    {
        state.State.Queue = _queue.Export();
        // Cleared before the await: a batch recorded while the write is under way (RecordAsync interleaves) marks it dirty again.
        _storageDirty = false;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            _storageDirty = true;
            throw;
        }
        _writtenAt = clock.GetUtcNow();
    }
}
