using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Webcare;

namespace Webcare.Realtime.Core.Tests.Webcare;

/// <summary>Business time in Europe/Amsterdam: the clocks behind every SLA, across midnight, weekends and DST.</summary>
public sealed class SlaPolicyTests
{
    private static readonly TimeZoneInfo Amsterdam = SeriesWatch.Amsterdam;
    private static readonly SlaPolicies Defaults = SlaPolicies.Default(Amsterdam);
    private static readonly SlaPolicy Twitter = Defaults.For("twitter")!;
    private static readonly SlaPolicy Reviews = Defaults.For("reviews")!;

    /// <summary>An Amsterdam wall-clock time as an instant.</summary>
    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Amsterdam.GetUtcOffset(local));
    }

    [Fact]
    public void The_machine_has_Amsterdam_time_zone_data() =>
        Assert.Equal(TimeSpan.FromHours(1), Amsterdam.GetUtcOffset(new DateTime(2026, 1, 15)));

    [Fact]
    public void Two_hours_within_opening_hours_is_two_hours()
    {
        var clock = Twitter.Start(Local(2026, 11, 23, 10, 0));
        Assert.Equal(Local(2026, 11, 23, 12, 0), clock.DueAt);
        Assert.Equal(Local(2026, 11, 23, 11, 36), clock.DueSoonAt); // the last fifth: 24 minutes
    }

    [Fact]
    public void Carries_over_midnight_into_the_next_opening()
    {
        // 30 minutes before closing at 22:00, the other 90 minutes from 08:00.
        var clock = Twitter.Start(Local(2026, 11, 23, 21, 30));
        Assert.Equal(Local(2026, 11, 24, 9, 30), clock.DueAt);
        Assert.Equal(Local(2026, 11, 24, 9, 6), clock.DueSoonAt);
    }

    [Fact]
    public void A_post_at_night_waits_for_the_morning()
    {
        var clock = Twitter.Start(Local(2026, 11, 24, 2, 15));
        Assert.Equal(Local(2026, 11, 24, 10, 0), clock.DueAt);
        Assert.Equal(ClockState.OnTime, clock.StateAt(Local(2026, 11, 24, 9, 30)));
        Assert.Equal(ClockState.DueSoon, clock.StateAt(Local(2026, 11, 24, 9, 40)));
        Assert.Equal(ClockState.Breached, clock.StateAt(Local(2026, 11, 24, 10, 0)));
    }

    [Fact]
    public void Next_working_day_skips_the_weekend()
    {
        // Friday afternoon: due Monday at closing time; Saturday: also Monday.
        Assert.Equal(Local(2026, 11, 30, 17, 0), Reviews.Start(Local(2026, 11, 27, 16, 0)).DueAt);
        Assert.Equal(Local(2026, 11, 30, 17, 0), Reviews.Start(Local(2026, 11, 28, 11, 0)).DueAt);
        Assert.Equal(Local(2026, 11, 25, 17, 0), Reviews.Start(Local(2026, 11, 24, 8, 0)).DueAt);
    }

    [Fact]
    public void Next_working_day_is_due_soon_in_its_last_fifth_of_business_time()
    {
        // Friday 16:00 → Monday 17:00 is 1 + 8 = 9 business hours; the last fifth starts 1 h 48 min before the end.
        var clock = Reviews.Start(Local(2026, 11, 27, 16, 0));
        Assert.Equal(Local(2026, 11, 30, 15, 12), clock.DueSoonAt);
        Assert.Equal(ClockState.OnTime, clock.StateAt(Local(2026, 11, 29, 23, 0)));
    }

    [Fact]
    public void Spring_forward_night_does_not_shift_the_morning_opening()
    {
        // 29 March 2026: 02:00 CET becomes 03:00 CEST. Saturday 21:00 (20:00Z): one hour that evening,
        // one from Sunday 08:00 CEST (06:00Z).
        var clock = Twitter.Start(Local(2026, 3, 28, 21, 0));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero), clock.DueAt.ToUniversalTime());
        Assert.Equal(Local(2026, 3, 29, 9, 0), clock.DueAt);
    }

    [Fact]
    public void Fall_back_night_does_not_shift_the_morning_opening()
    {
        // 25 October 2026: 03:00 CEST becomes 02:00 CET. Saturday 21:00 CEST (19:00Z) → Sunday 09:00 CET (08:00Z).
        var clock = Twitter.Start(Local(2026, 10, 24, 21, 0));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 8, 0, 0, TimeSpan.Zero), clock.DueAt.ToUniversalTime());
    }

    [Fact]
    public void Around_the_clock_days_are_23_and_25_hours_long_on_the_dst_changes()
    {
        var always = BusinessCalendar.AroundTheClock(Amsterdam);
        Assert.Equal(TimeSpan.FromHours(23), always.Between(Local(2026, 3, 29, 0), Local(2026, 3, 30, 0)));
        Assert.Equal(TimeSpan.FromHours(25), always.Between(Local(2026, 10, 25, 0), Local(2026, 10, 26, 0)));
        Assert.Equal(TimeSpan.FromHours(24), always.Between(Local(2026, 11, 1, 0), Local(2026, 11, 2, 0)));
    }

    [Fact]
    public void Hours_across_midnight_belong_to_the_day_they_start()
    {
        var night = new BusinessCalendar(Amsterdam, TimeSpan.FromHours(20), TimeSpan.FromHours(2), [DayOfWeek.Friday]);
        // Friday 20:00 to Saturday 02:00 is six hours; Saturday evening is not a working evening.
        Assert.Equal(TimeSpan.FromHours(6), night.Between(Local(2026, 11, 27, 12), Local(2026, 11, 28, 23)));
        Assert.Equal(Local(2026, 11, 28, 1, 0), night.Add(Local(2026, 11, 27, 21), TimeSpan.FromHours(4)));
        Assert.Equal(Local(2026, 12, 4, 21, 0), night.Add(Local(2026, 11, 28, 1), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Business_time_between_skips_closed_hours()
    {
        var cal = Twitter.Calendar;
        Assert.Equal(TimeSpan.FromHours(2), cal.Between(Local(2026, 11, 23, 21), Local(2026, 11, 24, 9)));
        Assert.Equal(TimeSpan.Zero, cal.Between(Local(2026, 11, 23, 23), Local(2026, 11, 24, 7)));
        Assert.Equal(TimeSpan.Zero, cal.Between(Local(2026, 11, 24, 9), Local(2026, 11, 23, 9)));
    }

    [Fact]
    public void A_stopped_clock_tells_met_from_missed()
    {
        var clock = Twitter.Start(Local(2026, 11, 23, 10, 0));
        Assert.Equal(ClockState.Met, clock.Stop(Local(2026, 11, 23, 11, 59)).StateAt(Local(2026, 11, 23, 15, 0)));
        Assert.Equal(ClockState.Missed, clock.Stop(Local(2026, 11, 23, 12, 1)).StateAt(Local(2026, 11, 23, 15, 0)));
    }

    [Fact]
    public void Crisis_mode_tightens_running_clocks_but_never_breaches_them_at_once()
    {
        var started = Local(2026, 11, 23, 10, 0);
        var clock = Twitter.Start(started);
        var now = Local(2026, 11, 23, 10, 50);
        var tight = Defaults.Tighten(clock, now);
        Assert.Equal(now + TimeSpan.FromMinutes(30), tight.DueAt);
        Assert.Equal(started, tight.StartedAt);
        Assert.StartsWith("crisis", tight.Policy);
        // A clock already due sooner than the crisis SLA keeps its deadline.
        var late = Defaults.Tighten(clock, Local(2026, 11, 23, 11, 45));
        Assert.Equal(clock.DueAt, late.DueAt);
        // A night post in a crisis is due within 30 minutes, not in the morning.
        Assert.Equal(Local(2026, 11, 24, 2, 45), Defaults.Start("twitter", Local(2026, 11, 24, 2, 15), crisis: true)!.DueAt);
    }

    [Fact]
    public void Sources_without_a_policy_are_not_answered_on() => Assert.Null(Defaults.Start("news", Local(2026, 11, 23, 10), crisis: false));

    [Theory]
    [InlineData("02:00:00", false, "08:00-22:00", "mon-sun", "2 u (08:00–22:00 Sun,Mon,Tue,Wed,Thu,Fri,Sat)")]
    [InlineData(null, true, "09:00-17:00", "ma-vr", "volgende werkdag (09:00–17:00 Mon,Tue,Wed,Thu,Fri)")]
    [InlineData("00:30:00", false, "00:00-24:00", "all", "30 min (00:00–24:00 Sun,Mon,Tue,Wed,Thu,Fri,Sat)")]
    [InlineData("01:00:00", false, "08:00-22:00", "za,zo", "1 u (08:00–22:00 Sun,Sat)")]
    public void Parses_configuration(string? within, bool nextWorkingDay, string hours, string days, string described)
    {
        var policy = SlaPolicy.Parse("Twitter", within is null ? null : TimeSpan.Parse(within), nextWorkingDay, hours, days, Amsterdam);
        Assert.Equal("twitter", policy.Source);
        Assert.Equal(described, policy.Describe());
    }

    [Theory]
    [InlineData(null, false, "08:00-22:00", "all", "Within")]
    [InlineData("02:00:00", true, "08:00-22:00", "all", "Within")]
    [InlineData("02:00:00", false, "8-22", "all", "Hours")]
    [InlineData("02:00:00", false, "08:00-08:00", "all", "Hours")]
    [InlineData("02:00:00", false, "08:00-22:00", "weekdays", "Days")]
    [InlineData("-01:00:00", false, "08:00-22:00", "all", "positive")]
    public void Refuses_bad_configuration_naming_the_setting(string? within, bool nextWorkingDay, string hours, string days, string named)
    {
        var error = Assert.Throws<FormatException>(() =>
            SlaPolicy.Parse("twitter", within is null ? null : TimeSpan.Parse(within), nextWorkingDay, hours, days, Amsterdam));
        Assert.Contains(named, error.Message);
        Assert.Contains("twitter", error.Message);
    }

    [Fact]
    public void A_calendar_that_answered_for_other_dates_first_answers_as_a_new_one_does()
    {
        // The calendar keeps recent days by date modulo 8: dates 8 and 16 days apart share a slot, and the
        // 2026 daylight-saving changes (29 March, 25 October) fall inside the dates asked.
        var shared = new BusinessCalendar(Amsterdam, TimeSpan.FromHours(20), TimeSpan.FromHours(2), BusinessCalendar.Weekdays);
        var starts = Enumerable.Range(0, 400).Select(i => new DateTimeOffset(2026, 3, 20, 7, 0, 0, TimeSpan.Zero).AddHours(i * 29.5)).ToArray();
        foreach (var at in starts.Concat(starts.Reverse()))
        {
            var fresh = new BusinessCalendar(Amsterdam, TimeSpan.FromHours(20), TimeSpan.FromHours(2), BusinessCalendar.Weekdays);
            Assert.Equal(fresh.Add(at, TimeSpan.FromHours(3)), shared.Add(at, TimeSpan.FromHours(3)));
            Assert.Equal(fresh.Between(at, at.AddDays(3)), shared.Between(at, at.AddDays(3)));
            Assert.Equal(fresh.EndOfNextWorkingDay(at), shared.EndOfNextWorkingDay(at));
        }
    }

    [Fact]
    public void Round_the_clock_business_time_is_plain_elapsed_time_across_the_daylight_saving_changes()
    {
        var always = BusinessCalendar.AroundTheClock(Amsterdam);
        var beforeSpring = new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.FromHours(1));
        Assert.Equal(beforeSpring.AddHours(5), always.Add(beforeSpring, TimeSpan.FromHours(5)));
        Assert.Equal(TimeSpan.FromHours(24), always.Between(beforeSpring, beforeSpring.AddHours(24)));
        var beforeAutumn = new DateTimeOffset(2026, 10, 24, 23, 0, 0, TimeSpan.FromHours(2));
        Assert.Equal(TimeSpan.FromHours(24), always.Between(beforeAutumn, beforeAutumn.AddHours(24)));
    }
}
