using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Detection;

namespace Webcare.Realtime.Core.Tests.Alerts;

public sealed class AlertBookTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static AlertSignal Signal(AlertEventKind kind, long incident = 1, int severity = 5, long observed = 40, string subject = "Datalek") =>
        new("topic", subject, AlertKind.VolumeSpike,
            new AlertEvent(kind, incident, T0, T0, severity, observed, 3.2, 0.9, observed, 0.9), [.. new int[60]], []);

    [Fact]
    public void One_incident_is_one_alert_updated_in_place()
    {
        var book = new AlertBook();
        var raised = book.Apply(Signal(AlertEventKind.Raised), T0);
        var updated = book.Apply(Signal(AlertEventKind.Updated, severity: 8, observed: 90), T0.AddMinutes(2));

        Assert.Equal(raised.Id, updated.Id);
        Assert.Equal("topic:Datalek:VolumeSpike:1", updated.Id);
        Assert.Equal((AlertState.Updated, 8, 90L), (updated.State, updated.Severity, updated.PeakObserved));
        Assert.Equal("Datalek: 90 vermeldingen per minuut, verwacht 3", updated.Headline);
        Assert.Single(book.Current(T0.AddMinutes(2)));
    }

    [Fact]
    public void An_acknowledged_alert_stays_acknowledged_while_it_grows_and_resolves_later()
    {
        var book = new AlertBook();
        var id = book.Apply(Signal(AlertEventKind.Raised), T0).Id;
        Assert.Equal(AlertState.Acknowledged, book.Acknowledge(id, T0.AddMinutes(1))!.State);
        Assert.Equal(AlertState.Acknowledged, book.Apply(Signal(AlertEventKind.Updated, severity: 9), T0.AddMinutes(2)).State);

        var resolved = book.Apply(Signal(AlertEventKind.Resolved), T0.AddMinutes(40));
        Assert.Equal(AlertState.Resolved, resolved.State);
        Assert.Equal(T0.AddMinutes(1), resolved.AcknowledgedAt);
        Assert.Equal(AlertState.Resolved, book.Acknowledge(id, T0.AddMinutes(41))!.State); // nothing to acknowledge
        Assert.Null(book.Acknowledge("topic:Onbekend:VolumeSpike:1", T0));
    }

    [Fact]
    public void A_restored_book_keeps_acknowledgements_and_updates_the_same_incident_as_the_book_it_was_saved_from()
    {
        var book = new AlertBook();
        var id = book.Apply(Signal(AlertEventKind.Raised), T0).Id;
        book.Acknowledge(id, T0.AddMinutes(1));
        book.Apply(Signal(AlertEventKind.Raised, subject: "Oud"), T0);
        book.Apply(Signal(AlertEventKind.Resolved, subject: "Oud"), T0.AddMinutes(5));
        var saved = System.Text.Json.JsonSerializer.Serialize(book.All.ToArray()); // as the grain storage does

        var restored = AlertBook.Restore(System.Text.Json.JsonSerializer.Deserialize<Alert[]>(saved)!, T0.AddMinutes(90));

        var alert = Assert.Single(restored.Current(T0.AddMinutes(90))); // the one resolved over an hour ago is gone
        Assert.Equal((id, AlertState.Acknowledged, T0.AddMinutes(1)), (alert.Id, alert.State, alert.AcknowledgedAt));
        var updated = restored.Apply(Signal(AlertEventKind.Updated, severity: 9), T0.AddMinutes(91));
        Assert.Equal((id, AlertState.Acknowledged, 9), (updated.Id, updated.State, updated.Severity));
    }

    [Fact]
    public void Resolved_alerts_leave_after_an_hour_and_open_ones_come_first()
    {
        var book = new AlertBook();
        book.Apply(Signal(AlertEventKind.Raised, subject: "SEH"), T0);
        book.Apply(Signal(AlertEventKind.Resolved, subject: "SEH"), T0.AddMinutes(30));
        book.Apply(Signal(AlertEventKind.Raised, incident: 7, severity: 3, subject: "Parkeren"), T0.AddMinutes(31));

        Assert.Equal(["Parkeren", "SEH"], book.Current(T0.AddMinutes(32)).Select(a => a.Subject));
        Assert.Equal(["Parkeren"], book.Current(T0.AddMinutes(91)).Select(a => a.Subject));
    }

    [Fact]
    public void A_new_incident_after_resolution_is_a_new_alert()
    {
        var book = new AlertBook();
        var first = book.Apply(Signal(AlertEventKind.Raised, incident: 1), T0);
        book.Apply(Signal(AlertEventKind.Resolved, incident: 1), T0.AddMinutes(30));
        var second = book.Apply(Signal(AlertEventKind.Raised, incident: 2), T0.AddMinutes(50));
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(2, book.Current(T0.AddMinutes(50)).Count);
    }
}

public sealed class AlertBookQuietTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_spreading_alert_nothing_updates_for_half_an_hour_is_resolved()
    {
        var book = new AlertBook();
        var signal = new AlertSignal("conversation", "twitter:1", AlertKind.SpreadingConversation,
            new AlertEvent(AlertEventKind.Raised, 1, T0, T0, 6, 20, 0, 1, 20, 1), [], []);
        book.Apply(signal, T0);

        Assert.Empty(book.ResolveQuiet(AlertKind.SpreadingConversation, TimeSpan.FromMinutes(30), T0.AddMinutes(29)));
        var resolved = Assert.Single(book.ResolveQuiet(AlertKind.SpreadingConversation, TimeSpan.FromMinutes(30), T0.AddMinutes(31)));
        Assert.Equal(AlertState.Resolved, resolved.State);
        Assert.Equal("Gesprek twitter:1 verspreidt zich: 20 berichten in 10 minuten", book.Apply(signal, T0).Headline);
    }

    [Fact]
    public void A_sentiment_shift_carries_net_sentiment_and_its_explanation_survives_the_resolve()
    {
        var book = new AlertBook();
        AlertSignal Tone(AlertEventKind kind) => new("topic", "Waterdal", AlertKind.SentimentShift,
            new AlertEvent(kind, 1, T0, T0, 6, 32, 12, 0.7, 32, 0.7, Opinions: 40), [.. new int[60]], [])
        {
            TopTerms = kind == AlertEventKind.Resolved ? [] : [new AlertTerm("gelekt", 12, 0.4)],
        };

        var raised = book.Apply(Tone(AlertEventKind.Raised), T0);
        Assert.Equal("topic:Waterdal:SentimentShift:1", raised.Id);
        Assert.Equal(-0.6, raised.NetSentiment!.Value, 6);          // 8 positive, 32 negative
        Assert.Equal(0.4, raised.ExpectedNetSentiment!.Value, 6);   // 30 % negative expected
        Assert.Equal("Waterdal: toon slaat om, 32 van 40 meningen negatief (80%), normaal 30%", raised.Headline);

        var resolved = book.Apply(Tone(AlertEventKind.Resolved), T0.AddMinutes(50));
        Assert.Equal("gelekt", Assert.Single(resolved.TopTerms).Term);
        Assert.Equal("Waterdal: toon weer normaal", resolved.Headline);
    }
}
