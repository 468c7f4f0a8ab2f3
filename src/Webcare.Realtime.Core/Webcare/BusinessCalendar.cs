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
    }

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
        var total = TimeSpan.Zero;
        foreach (var (start, end) in IntervalsFrom(from))
        {
            if (start >= to) break;
            var s = start > from ? start : from;
            var e = end < to ? end : to;
            if (e > s) total += e - s;
        }
        return total;
    }

    /// <summary>The instant when <paramref name="duration"/> of business time has passed since <paramref name="from"/>.</summary>
    public DateTimeOffset Add(DateTimeOffset from, TimeSpan duration)
    {
        var remaining = duration < TimeSpan.Zero ? TimeSpan.Zero : duration;
        foreach (var (start, end) in IntervalsFrom(from))
        {
            var s = start > from ? start : from;
            if (end <= s) continue;
            if (remaining <= end - s) return s + remaining;
            remaining -= end - s;
        }
        throw new InvalidOperationException("business time does not fit in ten years");
    }

    /// <summary>The close of the first working day after the local day of <paramref name="from"/>.</summary>
    public DateTimeOffset EndOfNextWorkingDay(DateTimeOffset from)
    {
        var today = LocalDate(from);
        foreach (var (date, _, end) in DaysFrom(today.AddDays(1))) return end;
        throw new InvalidOperationException("no working day in ten years");
    }

    /// <summary>The business intervals that end after <paramref name="from"/>, in order.</summary>
    private IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> IntervalsFrom(DateTimeOffset from)
    {
        // Start a day early: hours past midnight belong to the day before.
        foreach (var (_, start, end) in DaysFrom(LocalDate(from).AddDays(-1)))
            if (end > from) yield return (start, end);
    }

    private IEnumerable<(DateOnly Date, DateTimeOffset Start, DateTimeOffset End)> DaysFrom(DateOnly first)
    {
        for (var i = 0; i < MaxDaysAhead; i++)
        {
            var date = first.AddDays(i);
            if (!Days.Contains(date.DayOfWeek)) continue;
            var midnight = date.ToDateTime(TimeOnly.MinValue);
            var closeAt = Close > Open ? midnight + Close : midnight.AddDays(1) + Close;
            yield return (date, ToInstant(midnight + Open), ToInstant(closeAt));
        }
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
