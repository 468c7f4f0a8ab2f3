using Webcare.Realtime.Core.Aggregation;

namespace Webcare.Realtime.Core.Wall;

/// <summary>Which conversations a wall lists first: the fastest growing, then the widest reach.</summary>
public static class ConversationRanking
{
    private static readonly TimeSpan Recent = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A summary's <see cref="ConversationSummary.LastTenMinutes"/> was true when it was made; a conversation
    /// that has been quiet for ten minutes since then counts as zero growth, so yesterday's thread does
    /// not outrank today's.
    /// </summary>
    public static IEnumerable<ConversationSummary> Rank(IEnumerable<ConversationSummary> conversations, DateTimeOffset now) =>
        conversations
            .OrderByDescending(c => c.LastSeen >= now - Recent ? c.LastTenMinutes : 0)
            .ThenByDescending(c => c.Reach)
            .ThenByDescending(c => c.LastSeen)
            .ThenBy(c => c.Key, StringComparer.Ordinal);
}
