namespace Webcare.Realtime.Core.Analysis;

/// <summary>
/// Splits text into folded word tokens: runs of letters and digits (an apostrophe inside a word is kept,
/// so "don't" and "zo'n" stay whole). Hashtags and handles yield their word ("#wachttijd" → "wachttijd").
/// Words longer than <see cref="MaxWordLength"/> are skipped (they are URLs or noise, never a topic word).
/// Topic queries and mentions are cut by this same rule, so a query word always lines up with the text.
/// </summary>
public static class WordTokenizer
{
    public const int MaxWordLength = 64;

    public static List<string> Tokenize(ReadOnlySpan<char> text)
    {
        var tokens = new List<string>();
        Span<char> buffer = stackalloc char[MaxWordLength];
        foreach (var word in Words(text))
        {
            var folded = buffer[..word.Length];
            FoldInto(text.Slice(word.Start, word.Length), folded);
            tokens.Add(new string(folded));
        }
        return tokens;
    }

    /// <summary>The words of a text as ranges of the raw text, without allocating.</summary>
    public static WordEnumerator Words(ReadOnlySpan<char> text) => new(text);

    /// <summary>Folds a word's raw characters (same length): lower case, no diacritics, ’ as '.</summary>
    public static void FoldInto(ReadOnlySpan<char> raw, Span<char> folded)
    {
        for (var i = 0; i < raw.Length; i++) folded[i] = TextFolding.Fold(raw[i] == '’' ? '\'' : raw[i]);
    }

    /// <summary>Whether the character at <paramref name="i"/> continues (or starts) a word.</summary>
    public static bool IsWordChar(ReadOnlySpan<char> text, int i, bool inWord)
    {
        var c = text[i];
        return char.IsLetterOrDigit(c)
            || (c is '\'' or '’' && inWord && i + 1 < text.Length && char.IsLetter(text[i + 1]));
    }

    public readonly record struct WordRange(int Start, int Length)
    {
        public int End => Start + Length;
    }

    public ref struct WordEnumerator
    {
        private readonly ReadOnlySpan<char> _text;
        private int _next;

        internal WordEnumerator(ReadOnlySpan<char> text)
        {
            _text = text;
            _next = 0;
            Current = default;
        }

        public WordRange Current { get; private set; }

        public readonly WordEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            var text = _text;
            var i = _next;
            while (i < text.Length)
            {
                if (!IsWordChar(text, i, inWord: false)) { i++; continue; }
                var start = i;
                i++;
                while (i < text.Length && IsWordChar(text, i, inWord: true)) i++;
                if (i - start > MaxWordLength) continue;
                _next = i;
                Current = new WordRange(start, i - start);
                return true;
            }
            _next = text.Length;
            return false;
        }
    }
}
