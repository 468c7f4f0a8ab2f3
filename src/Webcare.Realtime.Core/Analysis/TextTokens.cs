namespace Webcare.Realtime.Core.Analysis;

/// <summary>
/// A text tokenised once for every analysis of it: language, sentiment and complaint categories read
/// <see cref="Tokens"/>, the topic matcher reads <see cref="Words"/>; both are ranges of one folded buffer.
/// The buffers are per thread and reused, so reading a mention allocates nothing. Dispose hands them back;
/// a token or span must not be kept past that.
/// </summary>
internal sealed class TextTokens : IDisposable
{
    // Longer texts get buffers of their own, so one huge post does not pin a huge buffer to the thread.
    private const int ReusedUpTo = 4096;

    [ThreadStatic] private static TextTokens? t_free;

    private char[] _folded = new char[512];
    private SentimentToken[] _tokens = new SentimentToken[256];
    private int _count;

    public TopicWords Words { get; } = new();

    public static TextTokens Read(ReadOnlySpan<char> text)
    {
        var tokens = t_free ?? new TextTokens();
        t_free = null;
        tokens.Fill(text);
        return tokens;
    }

    /// <summary>The folded text: word characters at their own offsets, elongated words' cut forms after them.</summary>
    public char[] FoldedBuffer => _folded;

    public ReadOnlySpan<char> Folded => _folded;

    public ReadOnlySpan<SentimentToken> Tokens => _tokens.AsSpan(0, _count);

    /// <summary>How many '?' the text has: two or more are emphasis in English (VADER).</summary>
    public int QuestionMarks { get; private set; }

    private void Fill(ReadOnlySpan<char> text)
    {
        if (_folded.Length < 2 * text.Length) _folded = new char[Math.Max(2 * text.Length, 2 * _folded.Length)];
        // Every token takes at least one character of the text.
        if (_tokens.Length < text.Length) _tokens = new SentimentToken[Math.Max(text.Length, 2 * _tokens.Length)];
        Words.Clear();
        _count = SentimentTokenizer.Tokenize(text, _folded, _tokens, Words);
        QuestionMarks = text.Count('?');
    }

    public void Dispose()
    {
        if (_folded.Length <= 2 * ReusedUpTo) t_free = this;
    }
}

/// <summary>The topic words of a text: every run of letters and digits (<see cref="WordTokenizer"/>'s rule).</summary>
internal sealed class TopicWords
{
    public int[] Start = new int[64];
    public int[] Length = new int[64];
    public int Count;

    public void Clear() => Count = 0;

    public void Add(int start, int length)
    {
        if (length > WordTokenizer.MaxWordLength) return;
        if (Count == Start.Length)
        {
            Array.Resize(ref Start, Count * 2);
            Array.Resize(ref Length, Count * 2);
        }
        Start[Count] = start;
        Length[Count++] = length;
    }

    /// <summary>The words inside a stretch the reading tokens skip (a URL, a handle, an entity, an emoticon), folded in place.</summary>
    public void AddSkipped(ReadOnlySpan<char> text, int from, int to, Span<char> folded)
    {
        var stretch = text[from..to];
        foreach (var word in WordTokenizer.Words(stretch))
        {
            var start = from + word.Start;
            WordTokenizer.FoldInto(text.Slice(start, word.Length), folded.Slice(start, word.Length));
            Add(start, word.Length);
        }
    }
}
