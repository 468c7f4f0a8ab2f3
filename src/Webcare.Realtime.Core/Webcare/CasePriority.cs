using System.Collections.Immutable;
using System.Globalization;

namespace Webcare.Realtime.Core.Webcare;

/// <summary>How urgent a case is (0–100), with the reasons in the order they weigh, for the item on the wall.</summary>
public sealed record Priority(int Score, ImmutableArray<string> Reasons);

/// <summary>
/// Which conversations are of strategic importance: privacy (a data leak) and medical errors first, then
/// reach (followers, shares), how negative it is, whether it spreads (many people in the thread) and how
/// long it has waited against its SLA. Each part adds points and, when it counts, a reason in Dutch.
/// </summary>
public static class CasePriority
{
    public static Priority Of(WebcareCase c, DateTimeOffset now)
    {
        var parts = new List<(double Points, string Reason)>();
        var categories = c.Categories.Concat(c.Topics).Select(t => t.ToLowerInvariant()).ToList();
        if (categories.Any(IsPrivacy)) parts.Add((35, "Privacy / datalek"));
        if (categories.Any(IsMedicalError)) parts.Add((35, "Mogelijke medische fout"));
        if (c.PrivacySensitive) parts.Add((15, "Persoonsgegevens of medische details in het openbaar"));

        if (c.MaxFollowers >= 1_000)
            parts.Add((Math.Min(20, 5 * Math.Log10(c.MaxFollowers / 100.0)), $"Bereik: {DutchNumber(c.MaxFollowers)} volgers"));
        if (c.Shares >= 3) parts.Add((Math.Min(15, 6 * Math.Log10(c.Shares)), $"{c.Shares}× gedeeld"));

        if (c.NegativeMessages > 0)
            parts.Add((c.WorstSentiment <= -0.6 ? 15 : 10, c.WorstSentiment <= -0.6 ? "Zeer negatief" : "Negatief"));
        if (c.Reasons.HasFlag(ResponseReason.Question)) parts.Add((8, "Vraag"));
        if (c.Authors.Length >= 5) parts.Add((Math.Min(15, c.Authors.Length), $"Verspreidt zich: {c.Authors.Length} mensen in het gesprek"));
        if (c.Reopens > 0) parts.Add((10, "Heropend: de schrijver reageerde na afhandeling"));

        if (c.IsWaiting)
        {
            var state = c.Clock.StateAt(now);
            var waited = Duration.Format(now - c.Clock.StartedAt);
            parts.Add(state switch
            {
                ClockState.Breached => (20, $"SLA verlopen, wacht al {waited}"),
                ClockState.DueSoon => (12, $"SLA bijna verlopen, wacht al {waited}"),
                _ => (Math.Min(6, (now - c.Clock.StartedAt).TotalMinutes / 20), $"Wacht {waited}"),
            });
        }
        var score = (int)Math.Round(Math.Clamp(parts.Sum(p => p.Points), 0, 100));
        return new Priority(score, [.. parts.OrderByDescending(p => p.Points).Select(p => p.Reason)]);
    }

    // The service runs with invariant globalization: Dutch digit grouping by hand.
    private static string DutchNumber(long n) => n.ToString("N0", CultureInfo.InvariantCulture).Replace(',', '.');

    private static bool IsPrivacy(string category) =>
        category.Contains("privacy") || category.Contains("datalek") || category.Contains("data leak")
        || category.Contains("data-leak") || category.Contains("databreach") || category.Contains("data breach");

    private static bool IsMedicalError(string category) =>
        category.Contains("medische fout") || category.Contains("medische-fout") || category.Contains("medical error")
        || category.Contains("medical-error") || category.Contains("medisch falen") || category.Contains("calamiteit")
        || category == "qualityofcare"; // the complaint category ComplaintCategory.QualityOfCare
}
