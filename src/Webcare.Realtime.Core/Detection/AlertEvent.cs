namespace Webcare.Realtime.Core.Detection;

public enum AlertEventKind
{
    Raised,
    Updated,
    Resolved,
}

/// <summary>
/// One step in an incident's life. An incident keeps its <see cref="IncidentNumber"/> from raise to
/// resolve, so a consumer updates one alert instead of stacking duplicates.
/// </summary>
/// <param name="Severity">1–10, from how improbable and how large the peak so far is.</param>
/// <param name="Opinions">For a sentiment shift: the opinionated mentions in the window, of which <c>Observed</c> were negative; 0 otherwise.</param>
public sealed record AlertEvent(
    AlertEventKind Kind,
    long IncidentNumber,
    DateTimeOffset At,
    DateTimeOffset OpenedAt,
    int Severity,
    long Observed,
    double Expected,
    double Score,
    long PeakObserved,
    double PeakScore,
    long Opinions = 0);
