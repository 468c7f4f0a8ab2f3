using System.Collections.Immutable;
using Orleans.Core.Internal;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Detection;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Webcare;
using Webcare.Realtime.Grains.Contracts;
using Webcare.Realtime.Grains.Webcare;

namespace Webcare.Realtime.Grains.Tests;

/// <summary>
/// A cluster of its own, so these tests can move the clock to the weekday or DST weekend they need. Only
/// ever forward: the silo's activation collector runs on the same clock.
/// </summary>
public sealed class WebcareClusterFixture() : ClusterFixture(Local(2026, 3, 25, 10, 0))
{
    public static DateTimeOffset Local(DateOnly date, int hour, int minute = 0)
    {
        var local = date.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, SeriesWatch.Amsterdam.GetUtcOffset(local));
    }

    public static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0) => Local(new DateOnly(year, month, day), hour, minute);

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), SeriesWatch.Amsterdam).DateTime);

    /// <summary>The next such weekday after today (at least tomorrow), in Amsterdam.</summary>
    public DateOnly Next(DayOfWeek day)
    {
        var date = Today.AddDays(1);
        while (date.DayOfWeek != day) date = date.AddDays(1);
        return date;
    }

    /// <summary>The next Saturday before the spring change (the last Sunday of March), after today.</summary>
    public DateOnly NextSpringForwardSaturday()
    {
        for (var year = Today.Year; ; year++)
        {
            var sunday = new DateOnly(year, 3, 31);
            while (sunday.DayOfWeek != DayOfWeek.Sunday) sunday = sunday.AddDays(-1);
            if (sunday.AddDays(-1) > Today) return sunday.AddDays(-1);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WebcareClusterCollection : ICollectionFixture<WebcareClusterFixture>
{
    public const string Name = "webcare-cluster";
}

/// <summary>The tenant's queue grain: lifecycle, SLA clocks in business time, breach alerts, crisis mode and storage.</summary>
[Collection(WebcareClusterCollection.Name)]
public sealed class WebcareQueueGrainTests(WebcareClusterFixture fixture)
{
    private static DateTimeOffset Local(DateOnly date, int hour, int minute = 0) => WebcareClusterFixture.Local(date, hour, minute);

    private static string NewTenant() => "t-" + Guid.NewGuid().ToString("N")[..10];

    private static EnrichedMention Complaint(string id, DateTimeOffset at, string source = "twitter", string author = "jdevries",
        string text = "Al 3 uur wachten op de SEH, niemand vertelt iets", string? replyTo = null) =>
        new(new Mention(source, id, at, text) { Author = new Author(author, null, 800), ConversationId = replyTo ?? id, InReplyTo = replyTo },
            new SentimentResult(-0.7, SentimentLabel.Negative), []) { ReceivedAt = at };

    private static EnrichedMention Answer(string id, string replyTo, DateTimeOffset at, string source = "twitter") =>
        new(new Mention(source, id, at, "@jdevries Vervelend! Stuur je ons een DM? ^Sanne")
            {
                Author = new Author("ZiekenhuisX", "Ziekenhuis X", 14_000), ConversationId = replyTo, InReplyTo = replyTo,
            },
            new SentimentResult(0.5, SentimentLabel.Positive), []) { ReceivedAt = at, FromOwnAccount = true };

    private async Task<int> Activations() =>
        (await fixture.Grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics())
            .Where(s => s.GrainType.Contains(nameof(WebcareQueueGrain))).Sum(s => s.ActivationCount);

    private IWebcareQueueGrain Queue(string tenant) => fixture.Grains.GetGrain<IWebcareQueueGrain>(tenant);

    private async Task<WebcareQueueItem?> ItemAfterTick(string tenant, string key)
    {
        await Queue(tenant).TickAsync();
        return (await Queue(tenant).GetBoardAsync()).Queue.SingleOrDefault(i => i.Key == key);
    }

    [Fact]
    public async Task A_case_goes_from_new_to_resolved_and_back_with_an_audit_trail()
    {
        var tenant = NewTenant();
        var t0 = Local(fixture.Next(DayOfWeek.Wednesday), 10);
        fixture.Clock.Set(t0);
        var queue = Queue(tenant);
        await queue.RecordAsync([Complaint("1", t0)]);

        var item = (await queue.GetBoardAsync()).Queue.Single();
        Assert.Equal(("twitter:1", CaseState.New, ClockState.OnTime), (item.Key, item.State, item.Clock));
        Assert.Equal(t0 + TimeSpan.FromHours(2), item.DueAt);

        var assigned = await queue.ActAsync("twitter:1", CaseAction.Assign, "teamlead", null, "sanne");
        Assert.Equal((CaseState.Assigned, "sanne"), (assigned.Case!.State, assigned.Case.AssignedTo));

        fixture.Clock.Set(t0 + TimeSpan.FromMinutes(20));
        await queue.RecordAsync([Answer("1-w", "1", t0 + TimeSpan.FromMinutes(20))]);
        var board = await queue.GetBoardAsync();
        Assert.Empty(board.Queue);
        Assert.Equal((1, 20.0, 1.0), (board.Metrics.Overall.Responded, board.Metrics.Overall.MedianMinutes, board.Metrics.Overall.WithinSlaShare));

        var refused = await queue.ActAsync("twitter:1", CaseAction.Reopen, "teamlead", null, null);
        Assert.False(refused.Succeeded);
        Assert.Equal([CaseAction.Assign, CaseAction.Resolve, CaseAction.Note], refused.Allowed.ToArray());

        await queue.ActAsync("twitter:1", CaseAction.Resolve, "sanne", "gebeld, opgelost", null);
        fixture.Clock.Set(t0 + TimeSpan.FromHours(1));
        await queue.RecordAsync([Complaint("1-r", t0 + TimeSpan.FromHours(1), text: "Nu weer niks gehoord over de uitslag", replyTo: "1")]);

        var detail = (await queue.GetCaseAsync("twitter:1"))!;
        Assert.Equal(CaseState.Reopened, detail.Item.State);
        Assert.Equal(ClockState.OnTime, detail.Item.Clock);
        Assert.Equal([CaseAction.Open, CaseAction.Assign, CaseAction.Respond, CaseAction.Resolve, CaseAction.Reopen], detail.History.Select(e => e.Action).ToArray());
        Assert.Equal(["@jdevries", "teamlead", "@ZiekenhuisX", "sanne", "@jdevries"], detail.History.Select(e => e.Who).ToArray());
        Assert.Equal("gebeld, opgelost", detail.History[3].Note);
        Assert.True((await queue.ActAsync("twitter:nope", CaseAction.Note, "x", null, null)).Unknown);
        Assert.Null(await queue.GetCaseAsync("twitter:nope"));
    }

    [Fact]
    public async Task The_clock_runs_in_business_time_through_the_dst_night_and_a_breach_raises_and_resolves_an_alert()
    {
        var tenant = NewTenant();
        // Saturday 21:00 CET; that night 02:00 becomes 03:00 CEST.
        var saturday = fixture.NextSpringForwardSaturday();
        var sunday = saturday.AddDays(1);
        var posted = Local(saturday, 21);
        fixture.Clock.Set(posted);
        await Queue(tenant).RecordAsync([Complaint("dst", posted)]);

        // One business hour on Saturday, one from Sunday 08:00 CEST: due 09:00 CEST (07:00Z), due soon from 08:36.
        var item = (await ItemAfterTick(tenant, "twitter:dst"))!;
        Assert.Equal(new DateTimeOffset(sunday.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero), item.DueAt.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(1), posted.Offset);
        Assert.Equal(Local(sunday, 8, 36), item.DueSoonAt);

        fixture.Clock.Set(Local(sunday, 7, 59)); // the night does not count
        Assert.Equal(ClockState.OnTime, (await ItemAfterTick(tenant, "twitter:dst"))!.Clock);
        fixture.Clock.Set(Local(sunday, 8, 40));
        Assert.Equal(ClockState.DueSoon, (await ItemAfterTick(tenant, "twitter:dst"))!.Clock);
        Assert.DoesNotContain(await fixture.Grains.GetGrain<IAlertBookGrain>(tenant).GetAsync(), a => a.Kind == AlertKind.SlaBreach);

        fixture.Clock.Set(Local(sunday, 9, 1));
        var breached = (await ItemAfterTick(tenant, "twitter:dst"))!;
        Assert.Equal(ClockState.Breached, breached.Clock);
        Assert.Contains(breached.PriorityReasons, r => r.StartsWith("SLA verlopen"));
        var alert = Assert.Single(await fixture.Grains.GetGrain<IAlertBookGrain>(tenant).GetAsync(), a => a.Kind == AlertKind.SlaBreach);
        Assert.Equal(("source", "twitter", AlertState.Raised, 1L), (alert.Scope, alert.Subject, alert.State, alert.Observed));

        fixture.Clock.Set(Local(sunday, 9, 30));
        await Queue(tenant).RecordAsync([Answer("dst-w", "dst", Local(sunday, 9, 30))]);
        Assert.Null(await ItemAfterTick(tenant, "twitter:dst"));
        alert = Assert.Single(await fixture.Grains.GetGrain<IAlertBookGrain>(tenant).GetAsync(), a => a.Kind == AlertKind.SlaBreach);
        Assert.Equal(AlertState.Resolved, alert.State);
        var metrics = (await Queue(tenant).GetBoardAsync()).Metrics;
        Assert.Equal((1, 0.0), (metrics.Overall.Responded, metrics.Overall.WithinSlaShare!.Value));
    }

    [Fact]
    public async Task A_review_on_friday_afternoon_is_due_at_the_end_of_monday()
    {
        var tenant = NewTenant();
        var friday = fixture.Next(DayOfWeek.Friday);
        var posted = Local(friday, 16);
        fixture.Clock.Set(posted);
        await Queue(tenant).RecordAsync([Complaint("rev", posted, source: "reviews", text: "Slechte ervaring, niemand nam de tijd")]);
        fixture.Clock.Set(Local(friday.AddDays(2), 23));
        var item = (await ItemAfterTick(tenant, "reviews:rev"))!;
        Assert.Equal(Local(friday.AddDays(3), 17), item.DueAt);
        Assert.Equal(ClockState.OnTime, item.Clock); // the weekend does not count
        Assert.StartsWith("volgende werkdag", item.Policy);
    }

    [Fact]
    public async Task Crisis_mode_by_an_operator_or_by_a_severe_alert_tightens_the_clocks()
    {
        var tenant = NewTenant();
        var t0 = Local(fixture.Next(DayOfWeek.Tuesday), 10);
        fixture.Clock.Set(t0);
        var queue = Queue(tenant);
        await queue.RecordAsync([Complaint("c1", t0)]);
        Assert.False((await queue.GetBoardAsync()).Crisis.Active);

        fixture.Clock.Set(t0 + TimeSpan.FromMinutes(5));
        var on = await queue.SetCrisisAsync(CrisisSetting.On, "teamlead");
        Assert.True(on.Active);
        Assert.Equal(t0 + TimeSpan.FromMinutes(35), (await queue.GetBoardAsync()).Queue.Single().DueAt);
        await queue.SetCrisisAsync(CrisisSetting.Auto, "teamlead");

        // Auto: follows an open alert of severity 7 or more.
        var spike = new AlertSignal("topic", "Datalek", AlertKind.NegativeSpike,
            new AlertEvent(AlertEventKind.Raised, 1, t0, t0, 8, 60, 3, 0.99, 60, 0.99), [], []);
        await fixture.Grains.GetGrain<IAlertBookGrain>(tenant).RecordAsync([spike]);
        fixture.Clock.Set(t0 + TimeSpan.FromMinutes(10));
        await queue.RecordAsync([Complaint("c2", t0 + TimeSpan.FromMinutes(10))]);
        await queue.TickAsync();
        var board = await queue.GetBoardAsync();
        Assert.True(board.Crisis.Active);
        Assert.Contains("Datalek", board.Crisis.Reason);
        Assert.Equal(t0 + TimeSpan.FromMinutes(40), board.Queue.Single(i => i.Key == "twitter:c2").DueAt);

        await queue.SetCrisisAsync(CrisisSetting.Off, "teamlead");
        Assert.False((await queue.GetBoardAsync()).Crisis.Active);
    }

    [Fact]
    public async Task The_queue_survives_a_deactivation()
    {
        var tenant = NewTenant();
        var t0 = Local(fixture.Next(DayOfWeek.Thursday), 11);
        fixture.Clock.Set(t0);
        var queue = Queue(tenant);
        await queue.RecordAsync([Complaint("p1", t0), Complaint("p2", t0, author: "piet")]);
        await queue.ActAsync("twitter:p1", CaseAction.Note, "sanne", "gebeld", null);
        await queue.SetCrisisAsync(CrisisSetting.Off, "teamlead");
        await queue.RecordAsync([Answer("p2-w", "p2", t0 + TimeSpan.FromMinutes(3))]);

        // The grain is kept alive (its timer moves the clocks), so deactivate it by hand and wait until it is gone.
        var before = await Activations();
        await queue.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (await Activations() >= before && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal(before - 1, await Activations());

        var detail = (await queue.GetCaseAsync("twitter:p1"))!;
        Assert.Equal("gebeld", detail.History[^1].Note);
        var board = await queue.GetBoardAsync();
        Assert.Equal(CrisisSetting.Off, board.Crisis.Setting);
        Assert.Equal(1, board.Metrics.Overall.Responded);
    }
}
