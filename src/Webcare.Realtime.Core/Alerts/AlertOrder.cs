namespace Webcare.Realtime.Core.Alerts;

/// <summary>How every consumer of alerts orders and merges them, so the book, the feed and each frame agree.</summary>
public static class AlertOrder
{
    /// <summary>Open alerts first (most severe, then newest), then the resolved ones, newest first.</summary>
    public static IEnumerable<Alert> Rank(IEnumerable<Alert> alerts) =>
        alerts.OrderByDescending(a => a.IsOpen).ThenByDescending(a => a.IsOpen ? a.Severity : 0)
            .ThenByDescending(a => a.UpdatedAt).ThenBy(a => a.Id, StringComparer.Ordinal);

    /// <summary>Keeps the newest version of each alert: a late delta must not undo a newer state.</summary>
    public static void KeepNewer(IDictionary<string, Alert> alerts, Alert alert)
    {
        if (!alerts.TryGetValue(alert.Id, out var known) || known.UpdatedAt <= alert.UpdatedAt) alerts[alert.Id] = alert;
    }
}
