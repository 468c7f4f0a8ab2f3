namespace Webcare.Realtime.Core.Demo;

/// <summary>
/// The last coordinate of <see cref="DemoRandom.For"/>: what a stream is for. Every decision about one
/// mention has its own stream, so deciding whether a reply falls in the requested window never shifts
/// what any other mention looks like.
/// </summary>
internal static class DemoStreams
{
    public const long Author = 1;
    public const long SlotCounts = 2;
    public const long RootPlan = 3;
    public const long RootText = 4;
    public const long Webcare = 5;
    public const long WebcareUpdate = 6;
    public const long IncidentPlan = 7;
    public const long Rotation = 8;
    public const long ToneShift = 9;
    public const long ToneRotation = 10;

    /// <summary>Reply k uses Reply + k, share k uses Share + k.</summary>
    public const long Reply = 1L << 20;

    public const long Share = 1L << 30;
}
