namespace Webcare.Realtime.Core.Analysis.Topics;

/// <summary>
/// A topic query that does not parse: <see cref="Position"/> is the 1-based character where the problem
/// is, <see cref="Expected"/> what would have been valid there. The message reads
/// <c>at position 12: expected a word, a "phrase" or '(' after AND, found the end of the query</c>.
/// </summary>
public sealed class TopicQueryException(int position, string expected, string found)
    : FormatException($"at position {position}: expected {expected}, found {found}")
{
    public int Position { get; } = position;
    public string Expected { get; } = expected;
    public string Found { get; } = found;
}
