using System.Collections.Immutable;
using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Persistence;
using Webcare.Realtime.Core.Privacy;
using Webcare.Realtime.Core.Wall;
using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Grains;

/// <summary>The persisted part of a source or topic grain: its detectors' learned rhythm and open incidents.</summary>
[GenerateSerializer, Alias("webcare.activity-watch-state")]
public sealed class ActivityWatchRecord
{
    [Id(0)] public ActivityWatch.State? Watch { get; set; }
}

/// <summary>
/// Holds the sliding windows for one source or topic and watches its volume, negative volume and tone.
/// Kept alive: its windows live in memory, and there are only as many of these as there are sources and
/// topics. In durable mode (a <paramref name="history"/>) it rebuilds its windows from the mention log
/// when it activates. What the detectors learned (seasonal rhythm, calibration, open incidents) is
/// persisted in <see cref="GrainStorage.Name"/> when it changed, at most once a <see cref="SaveInterval"/>
/// and at once when an incident changes, and restored on activation: a restart neither forgets the rhythm
/// nor loses or re-raises an alert.
/// </summary>
[KeepAlive]
public abstract class ActivityGrain(
    [PersistentState("watch", GrainStorage.Name)] IPersistentState<ActivityWatchRecord> saved,
    TimeProvider clock,
    IMentionHistory? history) : Grain, IActivityGrain
{
    /// <summary>How often finished minutes are checked; a spike is seen at most this long after its minute closes.</summary>
    public static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(5);

    /// <summary>Learning alone is saved at most this often; an incident change is saved on the next tick.</summary>
    public static readonly TimeSpan SaveInterval = TimeSpan.FromMinutes(1);

    private readonly ActivityAggregate _aggregate = new();
    private ActivityWatch _watch = new(SeriesWatch.Amsterdam);
    private bool _learned;          // the watch changed since the last save
    private bool _incidentChanged;  // an incident event since the last save: save on the next tick
    private DateTimeOffset _savedAt = DateTimeOffset.MinValue;
    // What an alert card shows beside the numbers: first and most-shared mentions, words of the window.
    private AlertEvidence? _evidence;

    /// <summary>"topic" or "source": how alerts name what they are about.</summary>
    protected abstract string Scope { get; }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (saved.State.Watch is { } state) _watch = new ActivityWatch(SeriesWatch.Amsterdam, state: state);
        await RebuildFromLogAsync(cancellationToken);
        this.RegisterGrainTimer(TickAsync, TickInterval, TickInterval);
        await base.OnActivateAsync(cancellationToken);
    }

    public Task RebuildAsync() => RebuildFromLogAsync(CancellationToken.None);

    public Task EraseAsync(AuthorErasure erasure)
    {
        _evidence?.Erase(erasure);
        return RebuildFromLogAsync(CancellationToken.None);
    }

    private async Task RebuildFromLogAsync(CancellationToken cancellationToken)
    {
        if (history is null) return;
        var now = clock.GetUtcNow();
        var scope = Scope == "source" ? ActivityScope.Source : ActivityScope.Topic;
        _aggregate.Rebuild(await history.ReadActivityAsync(Tenant, scope, Name, now, cancellationToken), now);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if ((_learned || _incidentChanged) && this.SavesOnDeactivation(reason)) await SaveAsync(clock.GetUtcNow());
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <summary>The words an alert's top terms leave out as the subject's own: a source's name, a topic's name and query.</summary>
    protected virtual Task<AlertTerms> OwnTermsAsync() => Task.FromResult(AlertTerms.For(Name));

    public async Task<ActivitySummary> RecordAsync(ImmutableArray<EnrichedMention> mentions)
    {
        var now = clock.GetUtcNow();
        _evidence ??= new AlertEvidence(await OwnTermsAsync());
        foreach (var mention in mentions)
            if (_aggregate.Record(mention, now)) _evidence.Record(mention, now);
        // On ingest the minute still filling is judged too: the alert follows the tipping mention within a second.
        await WatchAsync(now, judgeFillingMinute: true);
        return _aggregate.Summarize(Name, now);
    }

    public Task<ActivitySummary> GetSummaryAsync() => Task.FromResult(_aggregate.Summarize(Name, clock.GetUtcNow()));

    public async Task TickAsync()
    {
        var now = clock.GetUtcNow();
        await WatchAsync(now, judgeFillingMinute: false);
        if (_incidentChanged || (_learned && now - _savedAt >= SaveInterval)) await SaveAsync(now);
    }

    private async Task SaveAsync(DateTimeOffset now)
    {
        saved.State.Watch = _watch.Snapshot();
        await saved.WriteStateAsync();
        (_learned, _incidentChanged, _savedAt) = (false, false, now);
    }

    private async Task WatchAsync(DateTimeOffset now, bool judgeFillingMinute)
    {
        var learnedUpTo = _watch.LastWatchedMinute;
        var (steps, minutes) = _watch.Watch(_aggregate, now, judgeFillingMinute);
        _learned |= _watch.LastWatchedMinute != learnedUpTo;
        if (steps.Count == 0) return;
        _incidentChanged = true;
        if (_evidence is null) _evidence = new AlertEvidence(await OwnTermsAsync());
        else _evidence.UseTerms(await OwnTermsAsync()); // rare (an alert step), and a topic's query may have changed
        var signals = steps.Select(step => Signal(step.Kind, step.Event, minutes));
        await GrainFactory.GetGrain<IAlertBookGrain>(Tenant).RecordAsync([.. signals]);
    }

    private AlertSignal Signal(AlertKind kind, Core.Detection.AlertEvent e, BucketCounts[] minutes)
    {
        var negativeOnly = kind is AlertKind.NegativeSpike or AlertKind.SentimentShift;
        var from = ActivityWatch.WindowStart(kind, e.OpenedAt);
        var why = _evidence!.Explain(from, negativeOnly);
        return new AlertSignal(Scope, Name, kind, e, [.. minutes.Select(b => negativeOnly ? b.Negative : b.Volume)], why.FirstMentions)
        {
            TopTerms = why.TopTerms,
            MostShared = why.MostShared,
        };
    }

    /// <summary>The source or topic name, without its tenant.</summary>
    private string Name => TenantKey.Split(this.GetPrimaryKeyString()).Name;

    private string Tenant => TenantKey.Split(this.GetPrimaryKeyString()).Tenant;
}

public sealed class SourceGrain(
    [PersistentState("watch", GrainStorage.Name)] IPersistentState<ActivityWatchRecord> saved,
    TimeProvider clock,
    IMentionHistory? history = null) : ActivityGrain(saved, clock, history), ISourceGrain
{
    protected override string Scope => "source";
}

public sealed class TopicGrain(
    [PersistentState("watch", GrainStorage.Name)] IPersistentState<ActivityWatchRecord> saved,
    TimeProvider clock,
    IMentionHistory? history = null) : ActivityGrain(saved, clock, history), ITopicGrain
{
    protected override string Scope => "topic";

    protected override async Task<AlertTerms> OwnTermsAsync()
    {
        var (tenant, name) = TenantKey.Split(this.GetPrimaryKeyString());
        var catalog = await GrainFactory.GetGrain<ITopicCatalogGrain>(tenant).GetAsync();
        var topic = catalog.Topics.FirstOrDefault(t => t.Name == name);
        return AlertTerms.For(name, topic?.Query);
    }
}
