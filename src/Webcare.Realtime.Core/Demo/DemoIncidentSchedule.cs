namespace Webcare.Realtime.Core.Demo;

/// <summary>
/// Where incidents fall: incident k starts at k × period + offset (Unix time), so the schedule is the same
/// in every process and every slice. Even k is a data leak, odd k an emergency-department closure; the
/// organisation rotates, starting at a place the seed picks.
/// </summary>
internal sealed class DemoIncidentSchedule
{
    private readonly long _periodMs;
    private readonly long _offsetMs;
    private readonly int _rotation;

    public DemoIncidentSchedule(long periodMs, long offsetMs, long durationMs, long seed)
    {
        _periodMs = periodMs;
        _offsetMs = offsetMs;
        DurationMs = durationMs;
        var rng = DemoRandom.For(seed, 0, 0, DemoStreams.Rotation);
        _rotation = rng.Next(12);
    }

    public long DurationMs { get; }

    public long OnsetMs(long index) => index * _periodMs + _offsetMs;

    /// <summary>The first incident whose onset is at or after the given time.</summary>
    public long FirstIndexFrom(long unixMs) => CeilDiv(unixMs - _offsetMs, _periodMs);

    /// <summary>The incident whose extra volume covers this instant, if any.</summary>
    public long? ActiveAt(long unixMs)
    {
        var index = FloorDiv(unixMs - _offsetMs, _periodMs);
        return unixMs - OnsetMs(index) < DurationMs ? index : null;
    }

    public DemoIncidentKind KindOf(long index) =>
        FloorMod(index, 2) == 0 ? DemoIncidentKind.DataLeak : DemoIncidentKind.EmergencyDepartmentClosed;

    public DemoOrganisation OrganisationOf(long index)
    {
        // Each kind has its own turn: consecutive data leaks hit different organisations, and so do closures.
        var turn = FloorDiv(index, 2) + _rotation;
        return KindOf(index) == DemoIncidentKind.DataLeak
            ? DemoOrganisation.All[(int)FloorMod(turn, DemoOrganisation.All.Length)]
            : DemoOrganisation.Hospitals[(int)FloorMod(turn, DemoOrganisation.Hospitals.Length)];
    }

    /// <summary>For schedules of one kind (tone shifts): every organisation in turn.</summary>
    public DemoOrganisation AnyOrganisationOf(long index) =>
        DemoOrganisation.All[(int)FloorMod(index + _rotation, DemoOrganisation.All.Length)];

    public static long FloorDiv(long a, long b) => a / b - (a % b < 0 ? 1 : 0);

    public static long CeilDiv(long a, long b) => -FloorDiv(-a, b);

    public static long FloorMod(long a, long b) => a - FloorDiv(a, b) * b;
}
