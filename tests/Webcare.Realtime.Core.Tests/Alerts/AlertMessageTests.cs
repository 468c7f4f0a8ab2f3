using System.Text.Json.Nodes;
using Webcare.Realtime.Core.Alerts;

namespace Webcare.Realtime.Core.Tests.Alerts;

public sealed class AlertMessageTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static Alert Sample(AlertState state = AlertState.Raised, int severity = 8, string subject = "<b>Datalek</b>") =>
        new("topic:x:NegativeSpike:1", AlertKind.NegativeSpike, "topic", subject, severity, state, T0, T0, null, null,
            44, 3, 57, $"{subject}: 44 negatieve vermeldingen per minuut, verwacht 3", [.. new int[60]], []);

    [Fact]
    public void Slack_gets_text_and_blocks_with_markup_escaped()
    {
        var body = AlertMessage.For(WebhookFormat.Slack, "t", Sample(), _ => null);
        Assert.StartsWith("[Negatieve piek · ernst 8 · nieuw]", body["text"]!.GetValue<string>());
        var section = body["blocks"]![0]!["text"]!["text"]!.GetValue<string>();
        Assert.Contains("&lt;b&gt;Datalek&lt;/b&gt;", section);
        Assert.DoesNotContain("<b>", section);
    }

    [Fact]
    public void Teams_gets_a_message_card_coloured_by_severity_and_state()
    {
        Assert.Equal("C62828", AlertMessage.For(WebhookFormat.Teams, "t", Sample(), _ => null)["themeColor"]!.GetValue<string>());
        Assert.Equal("EF6C00", AlertMessage.For(WebhookFormat.Teams, "t", Sample(severity: 4), _ => null)["themeColor"]!.GetValue<string>());
        var resolved = AlertMessage.For(WebhookFormat.Teams, "t", Sample(AlertState.Resolved), _ => null);
        Assert.Equal("2E7D32", resolved["themeColor"]!.GetValue<string>());
        Assert.Equal("MessageCard", resolved["@type"]!.GetValue<string>());
    }

    [Fact]
    public void Json_carries_the_tenant_and_the_alert_itself()
    {
        var body = AlertMessage.For(WebhookFormat.Json, "ziekenhuis-a", Sample(), a => JsonValue.Create(a.Id));
        Assert.Equal("ziekenhuis-a", body["tenant"]!.GetValue<string>());
        Assert.Equal("topic:x:NegativeSpike:1", body["alert"]!.GetValue<string>());
    }

    [Fact]
    public void Every_format_carries_the_explanation_with_mention_text_kept_as_text()
    {
        var shared = Support.TestMentions.WallMention("9") with { Text = "<script>x</script> gelekt", AuthorHandle = "@boos", Shares = 120 };
        var alert = Sample() with { TopTerms = [new AlertTerm("gelekt", 12, 0.4), new AlertTerm("hackers", 7, 0.2)], MostShared = [shared] };

        var lines = AlertMessage.Explanation(alert);
        Assert.Equal("Waargenomen 44, verwacht 3", lines[0]);
        Assert.Equal("Woorden: gelekt, hackers", lines[1]);
        Assert.Equal("Meest gedeeld (120×): @boos: \"<script>x</script> gelekt\"", lines[2]);

        var slack = AlertMessage.For(WebhookFormat.Slack, "t", alert, _ => null).ToJsonString();
        Assert.Contains("Woorden: gelekt, hackers", slack);
        Assert.DoesNotContain("<script>", slack);
        var teams = AlertMessage.For(WebhookFormat.Teams, "t", alert, _ => null)["text"]!.GetValue<string>();
        Assert.Contains("<br>Woorden: gelekt, hackers", teams);
        Assert.Contains("&lt;script&gt;", teams);
        Assert.DoesNotContain("<script>", teams);
    }
}
