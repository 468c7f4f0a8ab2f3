using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Detection;
using Webcare.Realtime.Core.Webcare;

namespace Webcare.Realtime.Core.Tests.Webcare;

public sealed class SlaBreachWatchTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly SlaPolicies Policies = SlaPolicies.Default(SeriesWatch.Amsterdam);

    private static WebcareCase Waiting(string id, DateTimeOffset since) =>
        new($"twitter:{id}", "twitter", CaseState.New, since, Policies.Start("twitter", since, false)!);

    [Fact]
    public void One_alert_per_source_raised_updated_and_resolved()
    {
        var watch = new SlaBreachWatch();
        var a = Waiting("a", T0);
        var b = Waiting("b", T0 + TimeSpan.FromMinutes(30));
        Assert.Empty(watch.Observe([a, b], T0 + TimeSpan.FromMinutes(119)));

        var raised = Assert.Single(watch.Observe([a, b], T0 + TimeSpan.FromMinutes(121)));
        Assert.Equal((AlertKind.SlaBreach, "source", "twitter", AlertEventKind.Raised, 1L), (raised.Kind, raised.Scope, raised.Subject, raised.Event.Kind, raised.Event.Observed));
        Assert.Empty(watch.Observe([a, b], T0 + TimeSpan.FromMinutes(125)));

        var updated = Assert.Single(watch.Observe([a, b], T0 + TimeSpan.FromMinutes(151)));
        Assert.Equal((AlertEventKind.Updated, 2L), (updated.Event.Kind, updated.Event.Observed));

        var answered = a with { Clock = a.Clock.Stop(T0 + TimeSpan.FromMinutes(152)) };
        var resolved = watch.Observe([answered, b with { State = CaseState.Resolved }], T0 + TimeSpan.FromMinutes(153));
        Assert.Equal(AlertEventKind.Resolved, Assert.Single(resolved).Event.Kind);

        var book = new AlertBook();
        var alert = book.Apply(raised, T0);
        Assert.Equal("source:twitter:SlaBreach:1", alert.Id);
        Assert.Equal("twitter: 1 gesprek wacht langer dan de SLA op antwoord", alert.Headline);
    }

    [Fact]
    public void Severity_grows_with_the_number_late_but_never_makes_a_crisis()
    {
        Assert.Equal(2, SlaBreachWatch.Severity(1));
        Assert.Equal(4, SlaBreachWatch.Severity(4));
        Assert.Equal(SlaBreachWatch.MaxSeverity, SlaBreachWatch.Severity(10_000));
        Assert.True(SlaBreachWatch.MaxSeverity < 7);
    }
}
