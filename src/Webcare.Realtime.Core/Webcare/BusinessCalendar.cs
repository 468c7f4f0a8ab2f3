using System.Collections.Immutable;
using System.Globalization;

namespace Webcare.Realtime.Core.Webcare;

/// <summary>
/// When a webcare team works: opening hours on some days of the week, in a time zone (Europe/Amsterdam for
/// Dutch teams). Counts business time between instants and adds business time to an instant, through
/// midnight, weekends and the daylight-saving changes: each day's opening hours are local clock times,
/// converted to instants on that day's own offset. Hours may run past midnight (20:00–02:00 belongs to the
/// day it starts on), and 00:00–24:00 on every day is round the clock.
/// </summary>
public sealed class BusinessCalendar
{
    private const int MaxDaysAhead = 3700;

    public BusinessCalendar(TimeZoneInfo zone, TimeSpan open, TimeSpan close, IEnumerable<DayOfWeek> days)
    {
        if (open < TimeSpan.Zero || open >= TimeSpan.FromHours(24))
            throw new ArgumentOutOfRangeException(nameof(open), "opening time must be in 00:00–23:59");
        if (close <= TimeSpan.Zero || close > TimeSpan.FromHours(24))
            throw new ArgumentOutOfRangeException(nameof(close), "closing time must be in 00:01–24:00");
        Zone = zone;
        Open = open;
        Close = close;
        Days = [.. days.Distinct().Order()];
        if (Days.IsEmpty) throw new ArgumentException("a calendar needs at least one working day", nameof(days));
        foreach (var day in Days) _workingDays |= 1 << (int)day;
    }

    private readonly int _workingDays; // bit n: DayOfWeek n

    public TimeZoneInfo Zone { get; }
    public TimeSpan Open { get; }
    public TimeSpan Close { get; }
    public ImmutableArray<DayOfWeek> Days { get; }

    public static readonly ImmutableArray<DayOfWeek> EveryDay =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static readonly ImmutableArray<DayOfWeek> Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public static BusinessCalendar AroundTheClock(TimeZoneInfo zone) => new(zone, TimeSpan.Zero, TimeSpan.FromHours(24), EveryDay);

    public bool IsAroundTheClock => Open == TimeSpan.Zero && Close == TimeSpan.FromHours(24) && Days.Length == 7;

    /// <summary>Business time in [from, to); zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return TimeSpan.Zero;
        // Round the clock the days tile time without gaps, also across the daylight-saving changes.
        if (IsAroundTheClock) return to - from;
        var total = TimeSpan.Zero;
        // Start a day early: hours past midnight belong to the day before.
        var first = LocalDate(from).AddDays(-1);
        for (var i = 0; i < MaxDaysAhead; i++)
        {
            var day = DayOf(first.AddDays(i));
            if (!day.Works || day.End <= from) continue;
            if (day.Start >= to) break;
            var s = day.Start > from ? day.Start : from;
            var e = day.End < to ? day.End : to;
            if (e > s) total += e - s;
        }
        return total;
    }

    /// <summary>The instant when <paramref name="duration"/> of business time has passed since <paramref name="from"/>.</summary>
    public DateTimeOffset Add(DateTimeOffset from, TimeSpan duration)
    {
        var remaining = duration < TimeSpan.Zero ? TimeSpan.Zero : duration;
        if (IsAroundTheClock) return from + remaining;
        var first = LocalDate(from).AddDays(-1);
        for (var i = 0; i < MaxDaysAhead; i++)
        {
            var day = DayOf(first.AddDays(i));
            if (!day.Works || day.End <= from) continue;
            var s = day.Start > from ? day.Start : from;
            if (remaining <= day.End - s) return s + remaining;
            remaining -= day.End - s;
        }
        throw new InvalidOperationException("business time does not fit in ten years");
    }

    /// <summary>The close of the first working day after the local day of <paramref name="from"/>.</summary>
    public DateTimeOffset EndOfNextWorkingDay(DateTimeOffset from)
    {
        var first = LocalDate(from).AddDays(1);
        for (var i = 0; i < MaxDaysAhead; i++)
            if (DayOf(first.AddDays(i)) is { Works: true } day) return day.End;
        throw new InvalidOperationException("no working day in ten years");
    }

    /// <summary>One local date's business hours as instants (meaningless when the team does not work that day).</summary>
    private sealed record Day(int DayNumber, bool Works, DateTimeOffset Start, DateTimeOffset End);

    // A queue starts a clock for every mention that needs an answer, and each clock reads the same two or
    // three dates, whose time-zone conversions were most of its cost. A few recent dates are kept, one slot
    // per date modulo the array's length; grains share the calendar, so a slot is replaced whole (a
    // reference write is atomic) and racing writers store the same value.
    private readonly Day?[] _recentDays = new Day?[8];

    private Day DayOf(DateOnly date)
    {
        var slot = date.DayNumber & (8 - 1);
        if (_recentDays[slot] is { } known && known.DayNumber == date.DayNumber) return known;
        var day = Compute(date);
        _recentDays[slot] = day;
        return day;
    }

    private Day Compute(DateOnly date)
    {
        if ((_workingDays & (1 << (int)date.DayOfWeek)) == 0) return new Day(date.DayNumber, false, default, default);
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        var closeAt = Close > Open ? midnight + Close : midnight.AddDays(1) + Close;
        return new Day(date.DayNumber, true, ToInstant(midnight + Open), ToInstant(closeAt));
    }

    private DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>
    /// A local clock time as an instant. A time the spring change skips (02:30 on the last Sunday of March)
    /// is read as the moment the clock jumps; a time the autumn change repeats as its first occurrence.
    /// </summary>
    private DateTimeOffset ToInstant(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var probe = local;
        while (Zone.IsInvalidTime(probe)) probe = probe.AddMinutes(1);
        if (probe != local)
        {
            // The first valid minute after the gap, at the offset in force then.
            return new DateTimeOffset(probe, Zone.GetUtcOffset(probe));
        }
        if (Zone.IsAmbiguousTime(local)) return new DateTimeOffset(local, Zone.GetAmbiguousTimeOffsets(local).Max());
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Open:hh\\:mm}–{(Close == TimeSpan.FromHours(24) ? "24:00" : Close.ToString("hh\\:mm", CultureInfo.InvariantCulture))} {string.Join(",", Days.Select(d => d.ToString()[..3]))}");
}
