using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Detection;

namespace Webcare.Realtime.Core.Webcare;

/// <summary>
/// Turns breached clocks into alerts: one incident per source while any of its conversations is past its
/// SLA, updated as the number grows, resolved when none is. One alert per channel rather than per
/// conversation, so a bad evening does not bury the spikes on the alert panel. Severity stays below the
/// crisis threshold (7): a late answer is not a crisis by itself.
/// </summary>
public sealed class SlaBreachWatch
{
    public const int MaxSeverity = 6;

    private sealed class Incident
    {
        public long Number;
        public bool Open;
        public int Count;
        public int Peak;
        public DateTimeOffset OpenedAt;
    }

    private readonly Dictionary<string, Incident> _sources = new(StringComparer.Ordinal);

    /// <summary>The incident numbers so far per source, to carry over a restart.</summary>
    public IEnumerable<KeyValuePair<string, long>> IncidentNumbers => _sources.Select(s => KeyValuePair.Create(s.Key, s.Value.Number));

    public void Restore(IEnumerable<KeyValuePair<string, long>> numbers)
    {
        foreach (var (source, number) in numbers) _sources[source] = new Incident { Number = number };
    }

    public List<AlertSignal> Observe(IEnumerable<WebcareCase> cases, DateTimeOffset now)
    {
        var breached = cases.Where(c => c.IsWaiting && c.Clock.StateAt(now) == ClockState.Breached)
            .GroupBy(c => c.Source, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var signals = new List<AlertSignal>();
        foreach (var (source, count) in breached)
        {
            if (!_sources.TryGetValue(source, out var incident)) _sources[source] = incident = new Incident();
            if (!incident.Open)
            {
                incident.Open = true;
                incident.Number++;
                incident.OpenedAt = now;
                incident.Peak = incident.Count = count;
                signals.Add(Signal(source, incident, AlertEventKind.Raised, now));
            }
            else if (count != incident.Count)
            {
                incident.Count = count;
                incident.Peak = Math.Max(incident.Peak, count);
                signals.Add(Signal(source, incident, AlertEventKind.Updated, now));
            }
        }
        foreach (var (source, incident) in _sources.Where(s => s.Value.Open && !breached.ContainsKey(s.Key)))
        {
            incident.Open = false;
            incident.Count = 0;
            signals.Add(Signal(source, incident, AlertEventKind.Resolved, now));
        }
        return signals;
    }

    /// <summary>2 for one late answer, one more per doubling, at most <see cref="MaxSeverity"/>.</summary>
    public static int Severity(int breached) => Math.Clamp(2 + (int)Math.Log2(Math.Max(1, breached)), 2, MaxSeverity);

    private static AlertSignal Signal(string source, Incident incident, AlertEventKind kind, DateTimeOffset now) =>
        new("source", source, AlertKind.SlaBreach,
            new AlertEvent(kind, incident.Number, now, incident.OpenedAt, Severity(incident.Peak), incident.Count, 0, 1, incident.Peak, 1),
            [], []);
}
