using System.Collections.Immutable;

namespace Webcare.Realtime.Core.Persistence;

/// <summary>
/// Which mention-log transactions a rebuild from the log saw (a PostgreSQL snapshot: every transaction
/// below <see cref="Xmin"/>, none from <see cref="Xmax"/> on, and in between all but those in progress).
/// A grain rebuilt from the log skips a routed mention whose transaction the rebuild saw: a batch that
/// committed before the rebuild and is routed (or retried) after it is then counted once, not twice,
/// even when transactions commit out of id order.
/// </summary>
public sealed record MentionLogSnapshot(long Xmin, long Xmax, ImmutableArray<long> InProgress)
{
    public bool Saw(long transaction) =>
        transaction < Xmin || (transaction < Xmax && !InProgress.Contains(transaction));

    /// <summary>Reads PostgreSQL's text form <c>xmin:xmax:xip,xip,…</c> (<c>pg_current_snapshot()::text</c>).</summary>
    public static MentionLogSnapshot Parse(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 3) throw new FormatException($"not a snapshot: '{text}'");
        var inProgress = parts[2].Length == 0
            ? ImmutableArray<long>.Empty
            : [.. parts[2].Split(',').Select(long.Parse)];
        return new MentionLogSnapshot(long.Parse(parts[0]), long.Parse(parts[1]), inProgress);
    }
}
