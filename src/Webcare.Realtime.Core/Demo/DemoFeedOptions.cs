namespace Webcare.Realtime.Core.Demo;

/// <summary>How the demo feed behaves. The defaults make a lively wall with an incident every half hour.</summary>
public sealed record DemoFeedOptions
{
    /// <summary>Same seed, same stream: two processes (or a restart) show the same mentions at the same times.</summary>
    public long Seed { get; init; } = 2026;

    /// <summary>
    /// Daytime volume of all mentions (posts, replies, shares, webcare answers) per minute, roughly. Nights
    /// are much quieter (about a tenth between 01:00 and 05:00 Amsterdam time); incidents come on top.
    /// </summary>
    public double MentionsPerMinute { get; init; } = 30;

    /// <summary>Time between incident onsets, aligned to the Unix epoch; null for no incidents.</summary>
    public TimeSpan? IncidentPeriod { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How far after each epoch-aligned period start an incident begins (hh:04 and hh:34 by default).</summary>
    public TimeSpan IncidentOffset { get; init; } = TimeSpan.FromMinutes(4);

    /// <summary>How long the extra volume lasts.</summary>
    public TimeSpan IncidentDuration { get; init; } = TimeSpan.FromMinutes(8);

    /// <summary>The incident organisation's volume during an incident, as a multiple of its usual volume.</summary>
    public double IncidentVolumeFactor { get; init; } = 5;

    /// <summary>
    /// Time between tone shifts, aligned to the Unix epoch; null (the default) for none. In a tone shift one
    /// organisation's ordinary posts turn into complaints (<see cref="ToneShiftComplaintShare"/> of them) for
    /// <see cref="ToneShiftDuration"/>, at its normal volume: the tone turns, the volume does not.
    /// </summary>
    public TimeSpan? ToneShiftPeriod { get; init; }

    /// <summary>How far after each epoch-aligned period start a tone shift begins.</summary>
    public TimeSpan ToneShiftOffset { get; init; } = TimeSpan.FromMinutes(190);

    public TimeSpan ToneShiftDuration { get; init; } = TimeSpan.FromMinutes(40);

    /// <summary>The share of the organisation's ordinary posts that become complaints during a tone shift.</summary>
    public double ToneShiftComplaintShare { get; init; } = 0.8;

    /// <summary>Whether the organisations' own webcare accounts answer some conversations.</summary>
    public bool IncludeOwnReplies { get; init; } = true;

    public static readonly DemoFeedOptions Default = new();
}
