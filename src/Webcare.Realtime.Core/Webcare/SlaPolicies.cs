using System.Collections.Frozen;

namespace Webcare.Realtime.Core.Webcare;

/// <summary>
/// A tenant's SLA per source, and the stricter one that applies in a crisis. A source without a policy is
/// not a channel the team answers on (news, say): its conversations never enter the queue.
/// </summary>
public sealed class SlaPolicies
{
    // Each policy with its description, made once: a clock carries the text, and thousands start a minute.
    private readonly FrozenDictionary<string, (SlaPolicy Policy, string Description)> _bySource;
    private readonly string? _crisisLabel;

    public SlaPolicies(IEnumerable<SlaPolicy> policies, SlaPolicy? crisis)
    {
        _bySource = policies.ToFrozenDictionary(p => p.Source, p => (p, p.Describe()), StringComparer.Ordinal);
        Crisis = crisis;
        _crisisLabel = crisis is null ? null : "crisis: " + crisis.Describe();
    }

    public SlaPolicy? Crisis { get; }

    public IEnumerable<SlaPolicy> All =>
        _bySource.Values.Select(entry => entry.Policy).OrderBy(p => p.Source, StringComparer.Ordinal);

    public SlaPolicy? For(string source) => _bySource.TryGetValue(source, out var entry) ? entry.Policy : null;

    /// <summary>
    /// What Dutch healthcare webcare teams commonly promise: X, Facebook and Instagram within two hours
    /// between 08:00 and 22:00 every day; reviews by the end of the next working day (09:00–17:00, Monday to
    /// Friday); in a crisis, within 30 minutes round the clock.
    /// </summary>
    public static SlaPolicies Default(TimeZoneInfo zone)
    {
        var social = new BusinessCalendar(zone, TimeSpan.FromHours(8), TimeSpan.FromHours(22), BusinessCalendar.EveryDay);
        var office = new BusinessCalendar(zone, TimeSpan.FromHours(9), TimeSpan.FromHours(17), BusinessCalendar.Weekdays);
        return new SlaPolicies(
        [
            new SlaPolicy("twitter", social, TimeSpan.FromHours(2)),
            new SlaPolicy("facebook", social, TimeSpan.FromHours(2)),
            new SlaPolicy("instagram", social, TimeSpan.FromHours(2)),
            new SlaPolicy("reviews", office, null, NextWorkingDay: true),
        ], new SlaPolicy("*", BusinessCalendar.AroundTheClock(zone), TimeSpan.FromMinutes(30)));
    }

    /// <summary>A new wait for an answer on this source, or null when the source is not answered on.</summary>
    public SlaClock? Start(string source, DateTimeOffset at, bool crisis)
    {
        if (!_bySource.TryGetValue(source, out var entry)) return null;
        var clock = entry.Policy.Start(at, entry.Description);
        return crisis ? Tighten(clock, at) : clock;
    }

    /// <summary>
    /// A running clock under crisis rules from <paramref name="now"/>: never later than the crisis SLA from
    /// now, never earlier than it already was (switching crisis mode on does not breach the whole queue at once).
    /// </summary>
    public SlaClock Tighten(SlaClock clock, DateTimeOffset now) => Tighten(clock, now, null);

    /// <summary>The crisis clock started at <paramref name="now"/>: what a whole queue is tightened against in one tick.</summary>
    public SlaClock? CrisisClockFrom(DateTimeOffset now) => Crisis?.Start(now);

    /// <param name="strictFromNow">
    /// <see cref="CrisisClockFrom"/>(<paramref name="now"/>), computed once for a whole queue: a tick in a
    /// crisis tightens thousands of clocks, and the business-calendar arithmetic is the same for each.
    /// </param>
    public SlaClock Tighten(SlaClock clock, DateTimeOffset now, SlaClock? strictFromNow)
    {
        if (Crisis is null || !clock.IsRunning) return clock;
        var strict = now > clock.StartedAt ? strictFromNow ?? Crisis.Start(now) : Crisis.Start(clock.StartedAt);
        if (strict.DueAt >= clock.DueAt) return clock;
        return clock with
        {
            DueAt = strict.DueAt,
            DueSoonAt = strict.DueSoonAt < clock.DueSoonAt ? strict.DueSoonAt : clock.DueSoonAt,
            Policy = _crisisLabel!,
        };
    }
}
