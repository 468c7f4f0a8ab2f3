using Webcare.Realtime.Core.Aggregation;

namespace Webcare.Realtime.Core.Wall;

/// <summary>Which conversations a wall lists first: the fastest growing, then the widest reach.</summary>
public static class ConversationRanking
{
    public static IEnumerable<ConversationSummary> Rank(IEnumerable<ConversationSummary> conversations) =>
        conversations
            .OrderByDescending(c => c.LastTenMinutes)
            .ThenByDescending(c => c.Reach)
            .ThenByDescending(c => c.LastSeen)
            .ThenBy(c => c.Key, StringComparer.Ordinal);
}
