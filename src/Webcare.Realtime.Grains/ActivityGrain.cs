using System.Collections.Immutable;
using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Persistence;
using Webcare.Realtime.Core.Wall;
using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Grains;

/// <summary>
/// Holds the sliding windows for one source or topic and watches its volume and negative volume for
/// spikes. Kept alive: its 24-hour series and the detectors' learned rhythm live in memory, and there are
/// only as many of these as there are sources and topics. In durable mode (a <paramref name="history"/>)
/// it rebuilds its windows from the mention log when it activates.
/// </summary>
[KeepAlive]
public abstract class ActivityGrain(TimeProvider clock, IMentionHistory? history) : Grain, IActivityGrain
{
    /// <summary>How often finished minutes are checked; a spike is seen at most this long after its minute closes.</summary>
    public static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(5);

    private const int FirstMentionsPerMinute = 3;

    private readonly ActivityAggregate _aggregate = new();
    private readonly ActivityWatch _watch = new(SeriesWatch.Amsterdam);
    // The first few (and first few negative) mentions of each recent minute: what an alert card shows.
    private readonly SortedDictionary<DateTimeOffset, (List<WallMention> All, List<WallMention> Negative)> _firstMentions = [];

    /// <summary>"topic" or "source": how alerts name what they are about.</summary>
    protected abstract string Scope { get; }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await RebuildFromLogAsync(cancellationToken);
        this.RegisterGrainTimer(TickAsync, TickInterval, TickInterval);
        await base.OnActivateAsync(cancellationToken);
    }

    public Task RebuildAsync() => RebuildFromLogAsync(CancellationToken.None);

    private async Task RebuildFromLogAsync(CancellationToken cancellationToken)
    {
        if (history is null) return;
        var now = clock.GetUtcNow();
        var scope = Scope == "source" ? ActivityScope.Source : ActivityScope.Topic;
        _aggregate.Rebuild(await history.ReadActivityAsync(Tenant, scope, Name, now, cancellationToken), now);
    }

    public async Task<ActivitySummary> RecordAsync(ImmutableArray<EnrichedMention> mentions)
    {
        var now = clock.GetUtcNow();
        foreach (var mention in mentions)
            if (_aggregate.Record(mention, now)) KeepIfFirst(mention, now);
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
        var signals = steps.Select(step => Signal(step.Kind, step.Event, minutes, negativeOnly: step.Kind == AlertKind.NegativeSpike));
        await GrainFactory.GetGrain<IAlertBookGrain>(Tenant).RecordAsync([.. signals]);
    }

    private AlertSignal Signal(AlertKind kind, Core.Detection.AlertEvent e, BucketCounts[] minutes, bool negativeOnly)
    {
        var first = _firstMentions.Where(m => m.Key >= e.OpenedAt)
            .SelectMany(m => negativeOnly ? m.Value.Negative : m.Value.All).Take(FirstMentionsPerMinute);
        return new AlertSignal(Scope, Name, kind, e, [.. minutes.Select(b => negativeOnly ? b.Negative : b.Volume)], [.. first]);
    }

    private void KeepIfFirst(EnrichedMention mention, DateTimeOffset now)
    {
        var at = mention.Mention.CreatedAt > now ? now : mention.Mention.CreatedAt;
        var minute = new DateTimeOffset(at.UtcTicks - at.UtcTicks % SeriesWatch.Bucket.Ticks, TimeSpan.Zero);
        if (minute < now - TimeSpan.FromHours(1)) return;
        if (!_firstMentions.TryGetValue(minute, out var kept)) _firstMentions[minute] = kept = ([], []);
        if (kept.All.Count < FirstMentionsPerMinute) kept.All.Add(WallMention.From(mention));
        if (mention.PublicLabel == SentimentLabel.Negative && kept.Negative.Count < FirstMentionsPerMinute)
            kept.Negative.Add(WallMention.From(mention));
        while (_firstMentions.Count > 0 && _firstMentions.First().Key < now - TimeSpan.FromHours(1))
            _firstMentions.Remove(_firstMentions.First().Key);
    }

    /// <summary>The source or topic name, without its tenant.</summary>
    private string Name => TenantKey.Split(this.GetPrimaryKeyString()).Name;

    private string Tenant => TenantKey.Split(this.GetPrimaryKeyString()).Tenant;
}

public sealed class SourceGrain(TimeProvider clock, IMentionHistory? history = null) : ActivityGrain(clock, history), ISourceGrain
{
    protected override string Scope => "source";
}

public sealed class TopicGrain(TimeProvider clock, IMentionHistory? history = null) : ActivityGrain(clock, history), ITopicGrain
{
    protected override string Scope => "topic";
}
