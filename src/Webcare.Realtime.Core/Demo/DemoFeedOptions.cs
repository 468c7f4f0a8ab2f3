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

    /// <summary>Whether the organisations' own webcare accounts answer some conversations.</summary>
    public bool IncludeOwnReplies { get; init; } = true;

    public static readonly DemoFeedOptions Default = new();
}
