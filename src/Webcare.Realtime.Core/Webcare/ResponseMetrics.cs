using System.Collections.Immutable;

namespace Webcare.Realtime.Core.Webcare;

/// <summary>One first response: how long the first message waited, and whether it was within its SLA.</summary>
public sealed record ResponseSample(string Source, ImmutableArray<string> Topics, DateTimeOffset OpenedAt, DateTimeOffset RespondedAt, bool WithinSla)
{
    public double Minutes => Math.Max(0, (RespondedAt - OpenedAt).TotalMinutes);
}

/// <summary>
/// Response times for one source, topic or day: median and 90th percentile of the first-response time
/// (clock time the writer waited), the share answered within the SLA, and the waiting queue now.
/// </summary>
public sealed record ResponseStats(
    string Key, int Responded, double? MedianMinutes, double? P90Minutes, double? WithinSlaShare, int Waiting, DateTimeOffset? OldestWaitingSince);

/// <summary>The team's response times over the last <see cref="ResponseMetrics.Window"/>; days are Amsterdam calendar days of the first message.</summary>
public sealed record WebcareMetrics(
    ResponseStats Overall,
    ImmutableArray<ResponseStats> BySource,
    ImmutableArray<ResponseStats> ByTopic,
    ImmutableArray<ResponseStats> ByDay,
    DateTimeOffset AsOf);

public static class ResponseMetrics
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    public static WebcareMetrics Compute(IEnumerable<ResponseSample> samples, IEnumerable<WebcareCase> waiting, TimeZoneInfo zone, DateTimeOffset now)
    {
        var recent = samples.Where(s => s.RespondedAt > now - Window).ToList();
        var open = waiting.Where(c => c.IsWaiting).ToList();
        string Day(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd");

        ImmutableArray<ResponseStats> By(Func<ResponseSample, IEnumerable<string>> sampleKeys, Func<WebcareCase, IEnumerable<string>> caseKeys, bool newestFirst = false)
        {
            var keys = recent.SelectMany(sampleKeys).Concat(open.SelectMany(caseKeys)).Distinct(StringComparer.Ordinal);
            var stats = keys.Select(k => Stats(k, recent.Where(s => sampleKeys(s).Contains(k)), open.Where(c => caseKeys(c).Contains(k))));
            return [.. newestFirst ? stats.OrderByDescending(s => s.Key, StringComparer.Ordinal) : stats.OrderBy(s => s.Key, StringComparer.Ordinal)];
        }

        return new WebcareMetrics(
            Stats("all", recent, open),
            By(s => [s.Source], c => [c.Source]),
            By(s => s.Topics, c => c.Topics),
            By(s => [Day(s.OpenedAt)], c => [Day(c.Clock.StartedAt)], newestFirst: true),
            now);
    }

    private static ResponseStats Stats(string key, IEnumerable<ResponseSample> samples, IEnumerable<WebcareCase> waiting)
    {
        var minutes = samples.Select(s => (s.Minutes, s.WithinSla)).ToList();
        var sorted = minutes.Select(m => m.Minutes).Order().ToList();
        var open = waiting.ToList();
        return new ResponseStats(
            key,
            sorted.Count,
            Percentile(sorted, 0.5),
            Percentile(sorted, 0.9),
            sorted.Count == 0 ? null : Math.Round(minutes.Count(m => m.WithinSla) / (double)sorted.Count, 3),
            open.Count,
            open.Count == 0 ? null : open.Min(c => c.Clock.StartedAt));
    }

    /// <summary>Nearest rank: the smallest value with at least <paramref name="p"/> of the values at or below it.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return null;
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)], 1);
    }
}
