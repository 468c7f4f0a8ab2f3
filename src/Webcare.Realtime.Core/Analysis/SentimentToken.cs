namespace Webcare.Realtime.Core.Analysis;

internal enum SentimentTokenKind : byte
{
    Word,
    Hashtag,
    Emoji,
    Break,
    Exclamation,
}

[Flags]
internal enum SentimentTokenFlags : byte
{
    None = 0,
    AllCaps = 1,
    Elongated = 2,
    Number = 4,
    /// <summary>Has letters, all upper case (Python's isupper: "I" too); whether a text mixes case.</summary>
    Upper = 8,
}

/// <summary>A token as a range of the folded buffer, so tokenizing a text allocates no strings.</summary>
internal readonly record struct SentimentToken(int Start, int Length, SentimentTokenKind Kind, SentimentTokenFlags Flags)
{
    public ReadOnlySpan<char> Text(ReadOnlySpan<char> folded) => folded.Slice(Start, Length);
    public bool IsWord => Kind is SentimentTokenKind.Word or SentimentTokenKind.Hashtag;
}
