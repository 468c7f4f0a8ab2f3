namespace Webcare.Realtime.Core.Ingest;

/// <summary>What the ingest accepts; each limit is configurable (section <c>Ingest</c>) and its breach has a clear error.</summary>
public sealed record IngestLimits
{
    public int MaxTextLength { get; init; } = 20_000;
    public int MaxItemsPerBatch { get; init; } = 10_000;
    public int MaxIdLength { get; init; } = 256;
    public int MaxJsonDepth { get; init; } = 16;

    /// <summary>A timestamp further ahead than this is refused: a wrong clock or a wrong time zone.</summary>
    public TimeSpan MaxFutureSkew { get; init; } = TimeSpan.FromMinutes(5);

    public static readonly IngestLimits Default = new();
}
