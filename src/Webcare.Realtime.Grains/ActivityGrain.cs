using System.Collections.Immutable;
using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Wall;
using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Grains;

/// <summary>
/// Holds the sliding windows for one source or topic and watches its volume and negative volume for
/// spikes. Kept alive: its 24-hour series and the detectors' learned rhythm live in memory, and there are
/// only as many of these as there are sources and topics.
/// </summary>
[KeepAlive]
public abstract class ActivityGrain(TimeProvider clock) : Grain, IActivityGrain
{
    /// <summary>How often finished minutes are checked; a spike is seen at most this long after its minute closes.</summary>
    public static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(5);

    private readonly ActivityAggregate _aggregate = new();
    private readonly ActivityWatch _watch = new(SeriesWatch.Amsterdam);
    // What an alert card shows beside the numbers: first and most-shared mentions, words of the window.
    private AlertEvidence? _evidence;

    /// <summary>"topic" or "source": how alerts name what they are about.</summary>
    protected abstract string Scope { get; }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(TickAsync, TickInterval, TickInterval);
        return base.OnActivateAsync(cancellationToken);
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

    public Task TickAsync() => WatchAsync(clock.GetUtcNow(), judgeFillingMinute: false);

    private async Task WatchAsync(DateTimeOffset now, bool judgeFillingMinute)
    {
        var (steps, minutes) = _watch.Watch(_aggregate, now, judgeFillingMinute);
        if (steps.Count == 0) return;
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

public sealed class SourceGrain(TimeProvider clock) : ActivityGrain(clock), ISourceGrain
{
    protected override string Scope => "source";
}

public sealed class TopicGrain(TimeProvider clock) : ActivityGrain(clock), ITopicGrain
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
