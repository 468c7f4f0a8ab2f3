using System.Collections.Immutable;
using System.Globalization;
using Webcare.Realtime.Core.Analysis;

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
        var score = Compute(c, now, parts);
        return new Priority(score, [.. parts.OrderByDescending(p => p.Points).Select(p => p.Reason)]);
    }

    /// <summary>
    /// The score alone, without building the reasons: a queue is ranked every second over thousands of
    /// waiting cases, and only the ones shown need their reasons.
    /// </summary>
    public static int ScoreOf(WebcareCase c, DateTimeOffset now) => Compute(c, now, reasons: null);

    private static int Compute(WebcareCase c, DateTimeOffset now, List<(double Points, string Reason)>? reasons)
    {
        var total = 0.0;
        void Add(double points, string? reason)
        {
            total += points;
            if (reasons is not null) reasons.Add((points, reason!));
        }
        var explain = reasons is not null;

        if (Mentions(c, IsPrivacy)) Add(35, "Privacy / datalek");
        if (Mentions(c, IsMedicalError)) Add(35, "Mogelijke medische fout");
        if (c.PrivacySensitive) Add(15, "Persoonsgegevens of medische details in het openbaar");

        if (c.MaxFollowers >= 1_000)
            Add(Math.Min(20, 5 * Math.Log10(c.MaxFollowers / 100.0)), explain ? $"Bereik: {DutchNumber(c.MaxFollowers)} volgers" : null);
        if (c.Shares >= 3) Add(Math.Min(15, 6 * Math.Log10(c.Shares)), explain ? $"{c.Shares}× gedeeld" : null);

        if (c.NegativeMessages > 0)
            Add(c.WorstSentiment <= -0.6 ? 15 : 10, c.WorstSentiment <= -0.6 ? "Zeer negatief" : "Negatief");
        if (c.Reasons.HasFlag(ResponseReason.Question)) Add(8, "Vraag");
        if (c.Authors.Length >= 5) Add(Math.Min(15, c.Authors.Length), explain ? $"Verspreidt zich: {c.Authors.Length} mensen in het gesprek" : null);
        if (c.Reopens > 0) Add(10, "Heropend: de schrijver reageerde na afhandeling");

        if (c.IsWaiting)
        {
            var state = c.Clock.StateAt(now);
            var waited = explain ? Duration.Format(now - c.Clock.StartedAt) : null;
            switch (state)
            {
                case ClockState.Breached: Add(20, explain ? $"SLA verlopen, wacht al {waited}" : null); break;
                case ClockState.DueSoon: Add(12, explain ? $"SLA bijna verlopen, wacht al {waited}" : null); break;
                default: Add(Math.Min(6, (now - c.Clock.StartedAt).TotalMinutes / 20), explain ? $"Wacht {waited}" : null); break;
            }
        }
        return (int)Math.Round(Math.Clamp(total, 0, 100));
    }

    private static bool Mentions(WebcareCase c, Func<string, bool> kind)
    {
        foreach (var category in c.Categories) if (kind(category)) return true;
        foreach (var topic in c.Topics) if (kind(topic)) return true;
        return false;
    }

    // The service runs with invariant globalization: Dutch digit grouping by hand.
    private static string DutchNumber(long n) => n.ToString("N0", CultureInfo.InvariantCulture).Replace(',', '.');

    private static bool IsPrivacy(string category) =>
        Has(category, "privacy") || Has(category, "datalek") || Has(category, "data leak")
        || Has(category, "data-leak") || Has(category, "databreach") || Has(category, "data breach");

    private static bool IsMedicalError(string category) =>
        Has(category, "medische fout") || Has(category, "medische-fout") || Has(category, "medical error")
        || Has(category, "medical-error") || Has(category, "medisch falen") || Has(category, "calamiteit")
        || category.Equals(nameof(ComplaintCategory.QualityOfCare), StringComparison.OrdinalIgnoreCase);

    private static bool Has(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);
}
