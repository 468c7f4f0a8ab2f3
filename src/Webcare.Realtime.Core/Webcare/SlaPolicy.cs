using System.Globalization;

namespace Webcare.Realtime.Core.Webcare;

public enum ClockState
{
    /// <summary>Running, more than a fifth of the time left.</summary>
    OnTime,
    /// <summary>Running, in the last fifth of the time.</summary>
    DueSoon,
    /// <summary>Running past its deadline.</summary>
    Breached,
    /// <summary>Stopped by a response before the deadline.</summary>
    Met,
    /// <summary>Stopped by a response after the deadline.</summary>
    Missed,
}

/// <summary>
/// One wait for an answer against a deadline. The deadlines are instants, worked out once in business time
/// when the clock starts, so reading the state is a comparison and the wall can count down by itself.
/// </summary>
public sealed record SlaClock(DateTimeOffset StartedAt, DateTimeOffset DueSoonAt, DateTimeOffset DueAt, string Policy)
{
    public DateTimeOffset? StoppedAt { get; init; }

    public bool IsRunning => StoppedAt is null;

    public ClockState StateAt(DateTimeOffset now) => StoppedAt switch
    {
        { } stopped => stopped <= DueAt ? ClockState.Met : ClockState.Missed,
        null when now >= DueAt => ClockState.Breached,
        null when now >= DueSoonAt => ClockState.DueSoon,
        _ => ClockState.OnTime,
    };

    public SlaClock Stop(DateTimeOffset at) => this with { StoppedAt = at < StartedAt ? StartedAt : at };
}

/// <summary>
/// How fast a source must be answered: within a span of business time (2 hours between 08:00 and 22:00
/// for X), or by the end of the next working day (e-mail-like sources such as reviews). "Due soon" is the
/// last fifth of the business time allowed.
/// </summary>
public sealed record SlaPolicy(string Source, BusinessCalendar Calendar, TimeSpan? Within, bool NextWorkingDay = false)
{
    public const double DueSoonShare = 0.8;

    public SlaClock Start(DateTimeOffset at) => Start(at, Describe());

    /// <param name="description">This policy's <see cref="Describe"/>, when the caller keeps it (a queue starts thousands of clocks).</param>
    public SlaClock Start(DateTimeOffset at, string description)
    {
        var due = NextWorkingDay ? Calendar.EndOfNextWorkingDay(at) : Calendar.Add(at, Within ?? TimeSpan.Zero);
        var budget = Calendar.Between(at, due);
        var dueSoon = Calendar.Add(at, budget * DueSoonShare);
        return new SlaClock(at, dueSoon, due, description);
    }

    /// <summary>For the wall and the API, e.g. "2 u (08:00–22:00 Mon,Tue,…)" or "volgende werkdag (09:00–17:00 Mon–Fri)".</summary>
    public string Describe() => NextWorkingDay
        ? $"volgende werkdag ({Calendar})"
        : $"{Duration.Format(Within ?? TimeSpan.Zero)} ({Calendar})";

    /// <summary>
    /// From configuration: <paramref name="within"/> a span ("02:00:00") or null with
    /// <paramref name="nextWorkingDay"/>; <paramref name="hours"/> like "08:00-22:00" ("00:00-24:00" round the
    /// clock); <paramref name="days"/> like "mon-fri", "ma-vr", "mon,wed,fri" or "all". Throws
    /// <see cref="FormatException"/> naming what is wrong.
    /// </summary>
    public static SlaPolicy Parse(string source, TimeSpan? within, bool nextWorkingDay, string? hours, string? days, TimeZoneInfo zone)
    {
        if (within is null == !nextWorkingDay)
            throw new FormatException($"SLA for '{source}': give either Within (e.g. 02:00:00) or NextWorkingDay=true");
        if (within is { } w && w <= TimeSpan.Zero)
            throw new FormatException($"SLA for '{source}': Within must be positive");
        var (open, close) = ParseHours(source, hours ?? "00:00-24:00");
        return new SlaPolicy(source.ToLowerInvariant(), new BusinessCalendar(zone, open, close, ParseDays(source, days ?? "all")), within, nextWorkingDay);
    }

    private static (TimeSpan Open, TimeSpan Close) ParseHours(string source, string hours)
    {
        var parts = hours.Split('-', '–');
        if (parts.Length == 2 && TryTime(parts[0], out var open) && TryTime(parts[1], out var close)
            && open < TimeSpan.FromHours(24) && close > TimeSpan.Zero && open != close)
            return (open, close);
        throw new FormatException($"SLA for '{source}': Hours '{hours}' is not like '08:00-22:00'");
    }

    private static bool TryTime(string text, out TimeSpan time)
    {
        text = text.Trim();
        if (text == "24:00") { time = TimeSpan.FromHours(24); return true; }
        return TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out time);
    }

    private static readonly string[][] DayNames =
    [
        ["sun", "zo", "sunday", "zondag"], ["mon", "ma", "monday", "maandag"], ["tue", "di", "tuesday", "dinsdag"],
        ["wed", "wo", "wednesday", "woensdag"], ["thu", "do", "thursday", "donderdag"], ["fri", "vr", "friday", "vrijdag"],
        ["sat", "za", "saturday", "zaterdag"],
    ];

    private static List<DayOfWeek> ParseDays(string source, string days)
    {
        var text = days.Trim().ToLowerInvariant();
        if (text is "all" or "alle" or "daily" or "dagelijks") return [.. BusinessCalendar.EveryDay];
        var result = new List<DayOfWeek>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-', StringSplitOptions.TrimEntries);
            if (range.Length is < 1 or > 2 || range.Any(r => Day(r) is null))
                throw new FormatException($"SLA for '{source}': Days '{days}' is not like 'mon-fri' or 'ma,wo,vr'");
            var from = (int)Day(range[0])!.Value;
            var to = (int)Day(range[^1])!.Value;
            for (var d = from; ; d = (d + 1) % 7)
            {
                result.Add((DayOfWeek)d);
                if (d == to) break;
            }
        }
        return result;
    }

    private static DayOfWeek? Day(string name)
    {
        for (var i = 0; i < DayNames.Length; i++)
            if (DayNames[i].Contains(name)) return (DayOfWeek)i;
        return null;
    }
}

/// <summary>Durations the way a Dutch control room reads them: "45 min", "2 u", "1 u 20 min", "3 d 4 u".</summary>
public static class Duration
{
    public static string Format(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = span.Negate();
        if (span.TotalDays >= 1) return span.Hours == 0 ? $"{(int)span.TotalDays} d" : $"{(int)span.TotalDays} d {span.Hours} u";
        if (span.TotalHours >= 1) return span.Minutes == 0 ? $"{(int)span.TotalHours} u" : $"{(int)span.TotalHours} u {span.Minutes} min";
        return $"{Math.Max(0, (int)span.TotalMinutes)} min";
    }
}
