using System.Collections.Immutable;
using System.Globalization;
using Webcare.Realtime.Core.Analysis;

namespace Webcare.Realtime.Core.Webcare;

/// <summary>How urgent a case is (0–100), with the reasons in the order they weigh, for the item on the wall.</summary>
public sealed record Priority(int Score, ImmutableArray<PriorityReason> Reasons)
{
    /// <summary>The reasons in Dutch, in order: <see cref="WebcareQueueItem.PriorityReasons"/>.</summary>
    public ImmutableArray<string> Texts => [.. Reasons.Select(r => r.Text)];
}

/// <summary>
/// Which conversations are of strategic importance: privacy (a data leak) and medical errors first, then
/// reach (followers, shares), how negative it is, whether it spreads (many people in the thread) and how
/// long it has waited against its SLA. Each part adds points and, when it counts, a reason: a code with its
/// figures, and the Dutch text.
/// </summary>
public static class CasePriority
{
    public static Priority Of(WebcareCase c, DateTimeOffset now)
    {
        var parts = new List<(double Points, PriorityReason Reason)>();
        var score = Compute(c, now, parts);
        return new Priority(score, [.. parts.OrderByDescending(p => p.Points).Select(p => p.Reason)]);
    }

    /// <summary>
    /// The score alone, without building the reasons: a queue is ranked every second over thousands of
    /// waiting cases, and only the ones shown need their reasons.
    /// </summary>
    public static int ScoreOf(WebcareCase c, DateTimeOffset now) => Compute(c, now, reasons: null);

    // Reasons without figures are shared: ranking thousands of cases every second allocates nothing for them.
    private static readonly PriorityReason Privacy = new("privacy", "Privacy / datalek");
    private static readonly PriorityReason MedicalError = new("medical-error", "Mogelijke medische fout");
    private static readonly PriorityReason PersonalDataInPublic = new("personal-data-in-public", "Persoonsgegevens of medische details in het openbaar");
    private static readonly PriorityReason VeryNegative = new("very-negative", "Zeer negatief");
    private static readonly PriorityReason Negative = new("negative", "Negatief");
    private static readonly PriorityReason Question = new("question", "Vraag");
    private static readonly PriorityReason Reopened = new("reopened", "Heropend: de schrijver reageerde na afhandeling");

    private static int Compute(WebcareCase c, DateTimeOffset now, List<(double Points, PriorityReason Reason)>? reasons)
    {
        var total = 0.0;
        void Add(double points, PriorityReason? reason)
        {
            total += points;
            if (reasons is not null) reasons.Add((points, reason!));
        }
        var explain = reasons is not null;

        if (Mentions(c, IsPrivacy)) Add(35, Privacy);
        if (Mentions(c, IsMedicalError)) Add(35, MedicalError);
        if (c.PrivacySensitive) Add(15, PersonalDataInPublic);

        if (c.MaxFollowers >= 1_000)
            Add(Math.Min(20, 5 * Math.Log10(c.MaxFollowers / 100.0)),
                explain ? new("reach", $"Bereik: {DutchNumber(c.MaxFollowers)} volgers") { Count = c.MaxFollowers } : null);
        if (c.Shares >= 3) Add(Math.Min(15, 6 * Math.Log10(c.Shares)), explain ? new("shared", $"{c.Shares}× gedeeld") { Count = c.Shares } : null);

        if (c.NegativeMessages > 0)
            Add(c.WorstSentiment <= -0.6 ? 15 : 10, c.WorstSentiment <= -0.6 ? VeryNegative : Negative);
        if (c.Reasons.HasFlag(ResponseReason.Question)) Add(8, Question);
        if (c.Authors.Length >= 5)
            Add(Math.Min(15, c.Authors.Length), explain ? new("spreading", $"Verspreidt zich: {c.Authors.Length} mensen in het gesprek") { Count = c.Authors.Length } : null);
        if (c.Reopens > 0) Add(10, Reopened);

        if (c.IsWaiting)
        {
            var waited = now - c.Clock.StartedAt;
            PriorityReason? Waiting(string code, string text) =>
                explain ? new(code, text + Duration.Format(waited)) { WaitedMinutes = (int)Math.Max(0, waited.TotalMinutes) } : null;
            switch (c.Clock.StateAt(now))
            {
                case ClockState.Breached: Add(20, Waiting("sla-breached", "SLA verlopen, wacht al ")); break;
                case ClockState.DueSoon: Add(12, Waiting("sla-due-soon", "SLA bijna verlopen, wacht al ")); break;
                default: Add(Math.Min(6, waited.TotalMinutes / 20), Waiting("waiting", "Wacht ")); break;
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
