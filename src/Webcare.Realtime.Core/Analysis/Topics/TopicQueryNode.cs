using System.Collections.Immutable;

namespace Webcare.Realtime.Core.Analysis.Topics;

/// <summary>
/// A parsed topic query (<see cref="TopicQueryParser"/>). <see cref="Position"/> is the 1-based character
/// where the node starts in the query, for error messages. <c>ToString()</c> gives a canonical prefix form,
/// e.g. <c>(or (and "lang" "wacht*") (not "seh"))</c>, which the tests use to check precedence.
/// </summary>
public abstract record TopicQueryNode(int Position);

/// <summary>One folded word of a term; with <see cref="IsPrefix"/> it matches every word starting with it.</summary>
public readonly record struct QueryWord(string Text, bool IsPrefix)
{
    public override string ToString() => IsPrefix ? Text + "*" : Text;
}

/// <summary>A word, or a phrase: its words next to each other, in order.</summary>
public sealed record TermNode(ImmutableArray<QueryWord> Words, int Position) : TopicQueryNode(Position)
{
    /// <summary>The same text for the same term, so topics share it in the matcher's index.</summary>
    public string Key => string.Join(' ', Words);

    public override string ToString() => $"\"{Key}\"";
}

public enum QueryField
{
    Source,
    Language,
    Author,
}

/// <summary><c>source:</c>, <c>lang:</c> or <c>author:</c>: a test on the mention, not on its text. The value is folded.</summary>
public sealed record FieldNode(QueryField Field, string Value, bool IsPrefix, int Position) : TopicQueryNode(Position)
{
    public override string ToString() => $"{TopicQueryParser.FieldName(Field)}:{Value}{(IsPrefix ? "*" : "")}";
}

public sealed record NotNode(TopicQueryNode Operand, int Position) : TopicQueryNode(Position)
{
    public override string ToString() => $"(not {Operand})";
}

public sealed record AndNode(ImmutableArray<TopicQueryNode> Operands, int Position) : TopicQueryNode(Position)
{
    public override string ToString() => $"(and {string.Join(' ', Operands)})";
}

public sealed record OrNode(ImmutableArray<TopicQueryNode> Operands, int Position) : TopicQueryNode(Position)
{
    public override string ToString() => $"(or {string.Join(' ', Operands)})";
}

/// <summary>
/// Both sides within <see cref="Distance"/> words of each other, in either order: <c>NEAR/1</c> is next to
/// each other. A side is a term, an OR of terms, or another NEAR (then its span is both of its matches).
/// </summary>
public sealed record NearNode(TopicQueryNode Left, TopicQueryNode Right, int Distance, int Position) : TopicQueryNode(Position)
{
    public override string ToString() => $"(near/{Distance} {Left} {Right})";
}
