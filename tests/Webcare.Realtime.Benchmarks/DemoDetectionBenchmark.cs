using System.Diagnostics;
using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Analysis.Topics;
using Webcare.Realtime.Core.Demo;
using Webcare.Realtime.Core.Detection;

namespace Webcare.Realtime.Benchmarks;

/// <summary>
/// Detection on the demo feed's incidents, in stream time: the demo stream goes through the host's
/// analyzer, the grains' aggregate and the grains' <see cref="ActivityWatch"/> (the same code, called the
/// way ActivityGrain calls it: on every ingest with the filling minute, and at every minute boundary), per
/// topic and per source. Reports the delay from each incident's known onset to the first alert on its
/// organisation's or theme's topic, and every alert outside an incident as false. A second run with no
/// incidents counts the alerts of a quiet day (target 0).
/// </summary>
internal static class DemoDetectionBenchmark
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero); // a Monday

    private sealed record Raised(DateTimeOffset At, string Scope, string Subject, AlertKind Kind, int Severity, long Incident);

    public static int Run(string[] args)
    {
        var warmupDays = Arg(args, "--warmup-days", 3);
        var days = Arg(args, "--days", 2);
        // The demo's default (an incident every 30 minutes) keeps a wall lively; a real hospital has far fewer.
        var periodMinutes = Arg(args, "--incident-period-minutes", 30);
        var seed = Arg(args, "--seed", (int)DemoFeedOptions.Default.Seed);
        // Tone shifts (the negative share rises, the volume does not) every 6 hours, 3 h 10 min after each period start.
        var tonePeriodMinutes = Arg(args, "--tone-period-minutes", 360);
        // For tuning the tone detector: --tone-half-score S --tone-max-dispersion D --tone-min-rise R --tone-min-opinions N --tone-min-excess E --tone-window MINUTES (defaults: SentimentShiftOptions).
        var toneOptions = SentimentShiftOptions.Default with
        {
            HalfScoreAt = ArgDouble(args, "--tone-half-score", SentimentShiftOptions.Default.HalfScoreAt),
            MaxDispersion = ArgDouble(args, "--tone-max-dispersion", SentimentShiftOptions.Default.MaxDispersion),
            MinShareRise = ArgDouble(args, "--tone-min-rise", SentimentShiftOptions.Default.MinShareRise),
            MinOpinions = (long)ArgDouble(args, "--tone-min-opinions", SentimentShiftOptions.Default.MinOpinions),
            MinExcess = ArgDouble(args, "--tone-min-excess", SentimentShiftOptions.Default.MinExcess),
            WindowMinutes = Arg(args, "--tone-window", SentimentShiftOptions.Default.WindowMinutes),
        };
        var clock = Stopwatch.StartNew();

        var withIncidents = new DemoFeed(DemoFeedOptions.Default with
        {
            Seed = seed,
            IncidentPeriod = TimeSpan.FromMinutes(periodMinutes),
            ToneShiftPeriod = tonePeriodMinutes > 0 ? TimeSpan.FromMinutes(tonePeriodMinutes) : null,
            ToneShiftOffset = TimeSpan.FromMinutes(Math.Min(190, Math.Max(tonePeriodMinutes - 41, 0))),
        });
        var measureFrom = Start.AddDays(warmupDays);
        var measureTo = measureFrom.AddDays(days);
        var incidents = withIncidents.IncidentsBetween(measureFrom, measureTo);
        var toneShifts = withIncidents.ToneShiftsBetween(measureFrom, measureTo);
        // What a tone detector can know: the organisation topic's opinions (once per conversation) before and after each onset.
        var probes = toneShifts.SelectMany(t => new[] { (t.Organisation, t.Onset), (t.Organisation, t.Onset.AddMinutes(2)), (t.Organisation, t.Onset.AddMinutes(10)) }).ToHashSet();
        var opinionsAt = new Dictionary<(string, DateTimeOffset), BucketCounts[]>();
        var raised = Replay(withIncidents, measureFrom, measureTo, toneOptions, probes, opinionsAt);
        bool During(Raised r) =>
            incidents.Any(i => r.At >= i.Onset.AddMinutes(-1) && r.At <= i.End.AddMinutes(30))
            || toneShifts.Any(t => r.At >= t.Onset.AddMinutes(-1) && r.At <= t.End.AddMinutes(30));

        var delays = new List<double>();
        var missed = 0;
        foreach (var incident in incidents)
        {
            var first = raised.Where(r => r.Scope == "topic" && (r.Subject == incident.Organisation || r.Subject == incident.ThemeTopic)
                    && r.At >= incident.Onset.AddMinutes(-1) && r.At <= incident.End.AddMinutes(30))
                .OrderBy(r => r.At).FirstOrDefault();
            if (first is null) missed++;
            else delays.Add(Math.Max(0, (first.At - incident.Onset).TotalMinutes));
        }
        var outside = raised.Where(r => !During(r)).ToList();

        // Each tone shift: the first sentiment-shift alert on its organisation's topic, and whether a volume spike fired there too.
        var toneDelays = new List<double>();
        var toneMissed = 0;
        var toneVolumeAlerts = 0;
        foreach (var shift in toneShifts)
        {
            bool InShift(Raised r) => r.Scope == "topic" && r.Subject == shift.Organisation && r.At >= shift.Onset.AddMinutes(-1) && r.At <= shift.End.AddMinutes(30);
            var first = raised.Where(r => r.Kind == AlertKind.SentimentShift && InShift(r)).OrderBy(r => r.At).FirstOrDefault();
            if (first is null) toneMissed++;
            else toneDelays.Add(Math.Max(0, (first.At - shift.Onset).TotalMinutes));
            if (raised.Any(r => r.Kind == AlertKind.VolumeSpike && InShift(r))) toneVolumeAlerts++;
        }
        toneDelays.Sort();
        BucketCounts Closed(string org, DateTimeOffset at, int minutes) =>
            opinionsAt.TryGetValue((org, at), out var window) ? window[^(minutes + 1)..^1].Aggregate(default(BucketCounts), (a, b) => a + b) : default;
        var before = toneShifts.Select(t => Closed(t.Organisation, t.Onset, 20)).ToList();
        var first2 = toneShifts.Select(t => Closed(t.Organisation, t.Onset.AddMinutes(2), 2)).ToList();
        var first10 = toneShifts.Select(t => Closed(t.Organisation, t.Onset.AddMinutes(10), 10)).ToList();

        // The spreading complaint of each incident: its alert on that very conversation.
        var spreadDelays = new List<double>();
        foreach (var incident in incidents)
        {
            var first = raised.FirstOrDefault(r => r.Kind == AlertKind.SpreadingConversation && r.Subject == incident.ConversationKey);
            if (first is not null) spreadDelays.Add((first.At - incident.Onset).TotalMinutes);
        }
        spreadDelays.Sort();

        var quiet = new DemoFeed(DemoFeedOptions.Default with { Seed = seed, IncidentPeriod = null });
        var quietFrom = Start.AddDays(warmupDays);
        var quietAlerts = Replay(quiet, quietFrom, quietFrom.AddDays(1), toneOptions);

        delays.Sort();
        Console.WriteLine($"demo feed, seed {seed}, an incident every {periodMinutes} minutes, {warmupDays} days of warm-up, then {days} days measured; {incidents.Count} incidents");
        Console.WriteLine($"detection delay from onset (stream time, minutes): median {Percentile(delays, 50):F2}, p90 {Percentile(delays, 90):F2}, max {(delays.Count > 0 ? delays[^1] : double.NaN):F2}; missed {missed} of {incidents.Count}");
        var outsideSeries = outside.Count(r => r.Kind != AlertKind.SpreadingConversation);
        Console.WriteLine($"topic and source alerts raised during incidents: {raised.Count(r => r.Kind != AlertKind.SpreadingConversation) - outsideSeries}; outside incidents (false): {outsideSeries}" +
            (periodMinutes <= 40 ? " (vacuous at this period: the incident windows cover all the time)" : ""));
        foreach (var r in outside.Where(r => r.Kind != AlertKind.SpreadingConversation).Take(10)) Console.WriteLine($"  false: {r.At:u} {r.Scope} {r.Subject} {r.Kind} severity {r.Severity}");
        Console.WriteLine($"tone shifts (every {tonePeriodMinutes} min, {withIncidents.Options.ToneShiftDuration.TotalMinutes:F0} min each, volume unchanged): {toneShifts.Count}; sentiment-shift alert on the organisation's topic: {toneShifts.Count - toneMissed}, delay from onset median {Percentile(toneDelays, 50):F2}, p90 {Percentile(toneDelays, 90):F2}, max {(toneDelays.Count > 0 ? toneDelays[^1] : double.NaN):F2} min; missed {toneMissed}; a volume spike there too: {toneVolumeAlerts}");
        static string Opinions(List<BucketCounts> counts) =>
            $"{counts.Average(c => c.Positive + c.Negative):F1} opinions, {counts.Sum(c => c.Negative) / Math.Max(1.0, counts.Sum(c => c.Positive + c.Negative)):P0} negative";
        if (toneShifts.Count > 0)
            Console.WriteLine($"  the organisation topic's opinions, once per conversation, per shift on average: 20 min before onset {Opinions(before)}; first 2 min {Opinions(first2)}; first 10 min {Opinions(first10)}");
        for (var i = 0; i < toneShifts.Count; i++)
        {
            var shift = toneShifts[i];
            var first = raised.Where(r => r.Kind == AlertKind.SentimentShift && r.Scope == "topic" && r.Subject == shift.Organisation
                && r.At >= shift.Onset.AddMinutes(-1) && r.At <= shift.End.AddMinutes(30)).OrderBy(r => r.At).FirstOrDefault();
            Console.WriteLine($"    {shift.Onset:u} {shift.Organisation}: before {before[i].Negative}/{before[i].Positive + before[i].Negative} negative, first 2 min {first2[i].Negative}/{first2[i].Positive + first2[i].Negative}, first 10 min {first10[i].Negative}/{first10[i].Positive + first10[i].Negative}; " +
                (first is null ? "missed" : $"alert after {(first.At - shift.Onset).TotalMinutes:F0} min"));
        }
        Console.WriteLine($"sentiment-shift alerts in all: {raised.Count(r => r.Kind == AlertKind.SentimentShift)} (outside incidents and tone shifts: {outside.Count(r => r.Kind == AlertKind.SentimentShift)})");
        Console.WriteLine($"spreading complaint of each incident flagged: {spreadDelays.Count} of {incidents.Count}; delay from onset median {Percentile(spreadDelays, 50):F2} min, max {(spreadDelays.Count > 0 ? spreadDelays[^1] : double.NaN):F2}");
        Console.WriteLine($"  of which other conversations flagged as spreading outside incidents: {outside.Count(r => r.Kind == AlertKind.SpreadingConversation)}");
        Console.WriteLine($"quiet replay (no incidents, 24 h after the same warm-up): {quietAlerts.Count(r => r.Kind != AlertKind.SpreadingConversation)} topic and source alerts; {quietAlerts.Count(r => r.Kind == AlertKind.SpreadingConversation)} conversations flagged as spreading");
        foreach (var r in quietAlerts.Where(r => r.Kind != AlertKind.SpreadingConversation).Take(10)) Console.WriteLine($"  quiet: {r.At:u} {r.Scope} {r.Subject} {r.Kind} severity {r.Severity}");
        Console.WriteLine($"  of which sentiment shifts: {quietAlerts.Count(r => r.Kind == AlertKind.SentimentShift)}");
        Console.WriteLine($"({clock.Elapsed.TotalSeconds:F1} s)");
        return 0;
    }

    /// <summary>The stream from <see cref="Start"/> to <paramref name="to"/>; returns the alerts raised from <paramref name="from"/> on.</summary>
    private static List<Raised> Replay(DemoFeed feed, DateTimeOffset from, DateTimeOffset to, SentimentShiftOptions toneOptions,
        IReadOnlySet<(string Topic, DateTimeOffset At)>? probes = null, Dictionary<(string, DateTimeOffset), BucketCounts[]>? opinionsAt = null)
    {
        var analyzer = new MentionAnalyzer(new RuleSentimentScorer(), new TopicMatcher(DemoFeed.DefaultTopics));
        var watched = new Dictionary<(string Scope, string Subject), (ActivityAggregate Aggregate, ActivityWatch Watch)>();
        var conversations = new Dictionary<string, (ConversationAggregate Aggregate, SpreadWatch Watch)>();
        var raised = new List<Raised>();

        void Note(string scope, string subject, IEnumerable<ActivityWatch.Step> steps, DateTimeOffset at)
        {
            // An early raise on the filling minute and its confirmation when the minute closes are one alert.
            foreach (var step in steps)
                if (step.Event.Kind == AlertEventKind.Raised && at >= from
                    && !raised.Any(r => r.Scope == scope && r.Subject == subject && r.Kind == step.Kind && r.Incident == step.Event.IncidentNumber))
                    raised.Add(new Raised(at, scope, subject, step.Kind, step.Event.Severity, step.Event.IncidentNumber));
        }

        for (var minute = Start; minute < to; minute = minute.AddMinutes(1))
        {
            foreach (var mention in feed.Generate(minute, minute.AddMinutes(1)))
            {
                var enriched = analyzer.Analyze(mention, mention.CreatedAt);
                // As ConversationGrain: every mention of a conversation, its summary, the spread watch.
                var key = mention.ConversationKey;
                if (!conversations.TryGetValue(key, out var c)) conversations[key] = c = (new ConversationAggregate(key), new SpreadWatch());
                c.Aggregate.Record(enriched, mention.CreatedAt);
                if (c.Watch.Observe(c.Aggregate.Summarize(mention.CreatedAt)) is { Kind: AlertEventKind.Raised } spread && mention.CreatedAt >= from)
                    raised.Add(new Raised(mention.CreatedAt, "conversation", key, AlertKind.SpreadingConversation, spread.Severity, spread.IncidentNumber));
                foreach (var series in enriched.Topics.Select(t => ("topic", t)).Append(("source", mention.Source)))
                {
                    if (!watched.TryGetValue(series, out var w)) watched[series] = w = (new ActivityAggregate(opinionWindow: TimeSpan.FromMinutes(toneOptions.WindowMinutes)), new ActivityWatch(SeriesWatch.Amsterdam, toneOptions));
                    w.Aggregate.Record(enriched, mention.CreatedAt);
                    Note(series.Item1, series.Item2, w.Watch.Watch(w.Aggregate, mention.CreatedAt, judgeFillingMinute: true).Steps, mention.CreatedAt);
                }
            }
            var boundary = minute.AddMinutes(1);
            foreach (var (key, w) in watched)
            {
                Note(key.Scope, key.Subject, w.Watch.Watch(w.Aggregate, boundary, judgeFillingMinute: false).Steps, boundary);
                if (key.Scope == "topic" && probes?.Contains((key.Subject, boundary)) == true) opinionsAt![(key.Subject, boundary)] = w.Aggregate.OpinionMinuteWindow(boundary);
            }
        }
        return raised;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static double ArgDouble(string[] args, string name, double fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;
    }
}
