using System.Collections.Immutable;
using Webcare.Realtime.Core.Detection;
using Webcare.Realtime.Core.Wall;

namespace Webcare.Realtime.Core.Alerts;

/// <summary>What a watched series reports to its tenant's alert book: the incident event and its context.</summary>
public sealed record AlertSignal(
    string Scope,
    string Subject,
    AlertKind Kind,
    AlertEvent Event,
    ImmutableArray<int> MinuteVolume,
    ImmutableArray<WallMention> FirstMentions)
{
    /// <summary>The window's top terms and most-shared mentions (see <see cref="Alert"/>); empty when the watcher keeps none.</summary>
    public ImmutableArray<AlertTerm> TopTerms { get; init; } = [];
    public ImmutableArray<WallMention> MostShared { get; init; } = [];
}
