namespace Webcare.Realtime.Core.Demo;

/// <summary>
/// How busy social media about Dutch care is over a day, relative to the daytime average: near silent from
/// 01:00 to 05:00, waking up from 06:00, busy 08:00–22:00 with small peaks around 10:00 and 20:00.
/// </summary>
/// <remarks>
/// Amsterdam is approximated as UTC+1 (winter time) all year: a pure function of the instant, no time-zone
/// database, and in summer the curve is simply an hour early, which no one watching a demo will notice.
/// </remarks>
internal static class DemoDailyRhythm
{
    private const long MillisecondsPerHour = 3_600_000;
    private const long AmsterdamOffsetMs = MillisecondsPerHour;

    // Level at the start of each local hour; linear in between so the rate never jumps.
    private static ReadOnlySpan<double> HourlyLevel =>
    [
        0.25, 0.15, 0.10, 0.08, 0.08, 0.12, 0.30, 0.60, 0.90, 1.05, 1.15, 1.10,
        1.00, 1.05, 1.05, 1.00, 0.95, 0.90, 0.90, 1.00, 1.10, 1.00, 0.70, 0.45,
    ];

    /// <summary>The level at a Unix time in milliseconds; about 1 on average between 08:00 and 22:00.</summary>
    public static double LevelAt(long unixMs)
    {
        var local = unixMs + AmsterdamOffsetMs;
        var msOfDay = ((local % (24 * MillisecondsPerHour)) + 24 * MillisecondsPerHour) % (24 * MillisecondsPerHour);
        var hour = (int)(msOfDay / MillisecondsPerHour);
        var fraction = (double)(msOfDay % MillisecondsPerHour) / MillisecondsPerHour;
        var levels = HourlyLevel;
        return levels[hour] + (levels[(hour + 1) % 24] - levels[hour]) * fraction;
    }
}
