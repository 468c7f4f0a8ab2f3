using System.Globalization;
using System.Text.Json.Nodes;
using Webcare.Realtime.Core.Wall;

namespace Webcare.Realtime.Core.Alerts;

public enum WebhookFormat
{
    /// <summary>Slack incoming webhook: <c>{"text": …}</c> with blocks.</summary>
    Slack,
    /// <summary>Microsoft Teams incoming webhook: a MessageCard.</summary>
    Teams,
    /// <summary>The alert itself: <c>{"tenant", "alert"}</c>, for the organisation's own systems.</summary>
    Json,
}

/// <summary>The body an outgoing webhook sends for an alert change, in the receiver's own format.</summary>
public static class AlertMessage
{
    public static JsonObject For(WebhookFormat format, string tenant, Alert alert, Func<Alert, JsonNode?> serialize) => format switch
    {
        WebhookFormat.Slack => new JsonObject
        {
            ["text"] = Summary(alert),
            ["blocks"] = new JsonArray(
                new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = $"*{Escape(Title(alert))}*\n{Escape(alert.Headline)}" } },
                new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Escape(ExplanationText(alert)) } },
                new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = Escape(Context(alert)) }) }),
        },
        WebhookFormat.Teams => new JsonObject
        {
            ["@type"] = "MessageCard",
            ["@context"] = "https://schema.org/extensions",
            ["summary"] = Summary(alert),
            ["themeColor"] = alert.State == AlertState.Resolved ? "2E7D32" : alert.Severity >= 7 ? "C62828" : "EF6C00",
            ["title"] = Title(alert),
            ["text"] = $"{alert.Headline}<br>{Context(alert)}" + string.Concat(Explanation(alert).Select(line => "<br>" + HtmlEscape(line))),
        },
        _ => new JsonObject { ["tenant"] = tenant, ["alert"] = serialize(alert) },
    };

    /// <summary>One line, for notifications: "[Negatieve piek · ernst 8] Datalek: 44 negatieve vermeldingen per minuut, verwacht 3".</summary>
    public static string Summary(Alert alert) => $"[{Title(alert)}] {alert.Headline}";

    private static string Title(Alert alert) => $"{KindName(alert.Kind)} · ernst {alert.Severity} · {State(alert.State)}";


    /// <summary>
    /// The why of an alert in plain lines: expected against observed, the top terms, the first and the most
    /// shared mention. Mention texts are the redacted ones.
    /// </summary>
    public static IReadOnlyList<string> Explanation(Alert alert)
    {
        var lines = new List<string>();
        lines.Add(alert.NetSentiment is { } net && alert.ExpectedNetSentiment is { } expectedNet
            ? string.Create(CultureInfo.InvariantCulture, $"Netto sentiment {net:+0.00;-0.00;0.00}, normaal {expectedNet:+0.00;-0.00;0.00}")
            : string.Create(CultureInfo.InvariantCulture, $"Waargenomen {alert.Observed}, verwacht {alert.Expected:0.#}"));
        if (!alert.TopTerms.IsEmpty) lines.Add("Woorden: " + string.Join(", ", alert.TopTerms.Select(t => t.Term)));
        if (!alert.FirstMentions.IsEmpty) lines.Add("Eerste: " + Quote(alert.FirstMentions[0]));
        if (!alert.MostShared.IsEmpty) lines.Add($"Meest gedeeld ({alert.MostShared[0].Shares}×): " + Quote(alert.MostShared[0]));
        return lines;
    }

    private static string ExplanationText(Alert alert) => string.Join("\n", Explanation(alert));

    private static string Quote(WallMention m)
    {
        var text = m.Text.Length > 140 ? m.Text[..140] + "…" : m.Text;
        return $"{m.AuthorHandle ?? m.Source}: \"{text}\"";
    }

    private static string Context(Alert alert) =>
        $"{alert.Scope} {alert.Subject} · geopend {alert.OpenedAt:HH:mm} UTC · piek {alert.PeakObserved}/min · id {alert.Id}";

    private static string KindName(AlertKind kind) => kind switch
    {
        AlertKind.NegativeSpike => "Negatieve piek",
        AlertKind.SpreadingConversation => "Gesprek verspreidt zich",
        AlertKind.SlaBreach => "SLA verlopen",
        AlertKind.SentimentShift => "Toon slaat om",
        _ => "Volumepiek",
    };

    private static string State(AlertState state) => state switch
    {
        AlertState.Raised => "nieuw",
        AlertState.Updated => "bijgewerkt",
        AlertState.Acknowledged => "bevestigd",
        _ => "opgelost",
    };

    /// <summary>A Teams MessageCard's text is HTML-ish: a mention's text must stay text.</summary>
    private static string HtmlEscape(string text) => Escape(text).Replace("\"", "&quot;");

    /// <summary>Slack treats &lt; &gt; &amp; as markup; a topic name must stay text.</summary>
    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
