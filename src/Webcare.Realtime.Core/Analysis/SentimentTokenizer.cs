using System.Buffers;

namespace Webcare.Realtime.Core.Analysis;

/// <summary>What a reader does with a tokenized text; the spans live only for the call.</summary>
internal delegate TResult TokenReader<in TState, out TResult>(ReadOnlySpan<char> folded, ReadOnlySpan<SentimentToken> tokens, TState state);

/// <summary>
/// One pass over a text into words, hashtags, emoji/emoticons, clause breaks and exclamation marks. Token text
/// is written folded (lower case, no diacritics) into a caller's buffer, with letter runs of three or more cut
/// to two ("goooood" → "good"); URLs and @handles are skipped because they carry no opinion and no language.
/// </summary>
internal static class SentimentTokenizer
{
    // Emoticons are matched only at the start of a whitespace-separated chunk, so "10:30" or "a:b" stay words.
    private static readonly string[] Emoticons =
        [":-)", ":)", ":-(", ":(", ":-d", ":d", ";-)", ";)", ":'(", ":-/", ":/", ":-p", ":p", ":|", "<3", "=)", "=(", ":-|", ":s", "</3"];

    /// <summary>
    /// Tokenizes <paramref name="text"/> into stack (or, for long texts, pooled) buffers and hands them to
    /// <paramref name="read"/>: the one place that sizes and returns those buffers.
    /// </summary>
    public static TResult Read<TState, TResult>(string text, TState state, TokenReader<TState, TResult> read)
    {
        char[]? rentedChars = null;
        SentimentToken[]? rentedTokens = null;
        var folded = text.Length <= 512 ? stackalloc char[text.Length] : (rentedChars = ArrayPool<char>.Shared.Rent(text.Length));
        var tokens = text.Length <= 256 ? stackalloc SentimentToken[text.Length] : (rentedTokens = ArrayPool<SentimentToken>.Shared.Rent(text.Length));
        try
        {
            var n = Tokenize(text, folded, tokens);
            return read(folded, tokens[..n], state);
        }
        finally
        {
            if (rentedChars is not null) ArrayPool<char>.Shared.Return(rentedChars);
            if (rentedTokens is not null) ArrayPool<SentimentToken>.Shared.Return(rentedTokens);
        }
    }

    /// <returns>The number of tokens written; stops early when <paramref name="tokens"/> is full.</returns>
    public static int Tokenize(ReadOnlySpan<char> text, Span<char> folded, Span<SentimentToken> tokens)
    {
        var n = 0;
        var w = 0;
        var i = 0;
        while (i < text.Length && n < tokens.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            var chunkStart = i == 0 || char.IsWhiteSpace(text[i - 1]);
            if (chunkStart && IsUrlStart(text[i..]))
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
                continue;
            }
            if (c == '&' && TryEntity(text[i..], out var entityLength))
            {
                // Scraped text keeps HTML entities ("&gt;", "&amp;"); their letters are not words.
                i += entityLength;
                continue;
            }
            if (c == '@' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
            {
                i++;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) i++;
                continue;
            }
            if (chunkStart && TryEmoticon(text[i..], out var emoticonLength))
            {
                for (var k = 0; k < emoticonLength; k++) folded[w + k] = TextFolding.Fold(text[i + k]);
                tokens[n++] = new SentimentToken(w, emoticonLength, SentimentTokenKind.Emoji, SentimentTokenFlags.None);
                w += emoticonLength;
                i += emoticonLength;
                continue;
            }
            if (c == '#' && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                i++;
                tokens[n++] = ReadWord(text, ref i, folded, ref w, SentimentTokenKind.Hashtag);
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                tokens[n++] = ReadWord(text, ref i, folded, ref w, SentimentTokenKind.Word);
                continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                // Skin tones and tag characters modify the emoji before them; they are not opinions of their own.
                if (codePoint is not (>= 0x1F3FB and <= 0x1F3FF) and not (>= 0xE0000 and <= 0xE007F))
                {
                    folded[w] = c;
                    folded[w + 1] = text[i + 1];
                    tokens[n++] = new SentimentToken(w, 2, SentimentTokenKind.Emoji, SentimentTokenFlags.None);
                    w += 2;
                }
                i += 2;
                continue;
            }
            if (c is >= '\u2600' and <= '\u27BF' or >= '\u2B00' and <= '\u2BFF')
            {
                folded[w] = c;
                tokens[n++] = new SentimentToken(w, 1, SentimentTokenKind.Emoji, SentimentTokenFlags.None);
                w++;
                i++;
                continue;
            }
            if (c is '!' or '¡')
            {
                tokens[n++] = new SentimentToken(w, 0, SentimentTokenKind.Exclamation, SentimentTokenFlags.None);
                i++;
                continue;
            }
            if (c is '.' or ',' or ';' or ':' or '?' or '(' or ')' or '|' or '–' or '—' or '"' or '…' or '[' or ']'
                || (c == '-' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]))))
            {
                // Consecutive breaks are one clause boundary.
                if (n == 0 || tokens[n - 1].Kind != SentimentTokenKind.Break)
                    tokens[n++] = new SentimentToken(w, 0, SentimentTokenKind.Break, SentimentTokenFlags.None);
                i++;
                continue;
            }
            i++;
        }
        return n;
    }

    private static SentimentToken ReadWord(ReadOnlySpan<char> text, ref int i, Span<char> folded, ref int w, SentimentTokenKind kind)
    {
        var start = w;
        int letters = 0, upper = 0, digits = 0;
        var elongated = false;
        var run = 0;
        var previous = '\0';
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\'' or '’')
            {
                // An apostrophe inside a word keeps it whole: "don't", "zo'n".
                if (w == start || i + 1 >= text.Length || !char.IsLetter(text[i + 1])) break;
                c = '\'';
            }
            else if (!char.IsLetterOrDigit(c)) break;
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c)) upper++;
            }
            else if (char.IsDigit(c)) digits++;
            var f = TextFolding.Fold(c);
            run = f == previous ? run + 1 : 1;
            previous = f;
            if (run >= 3 && char.IsLetter(c))
            {
                elongated = true;
                continue;
            }
            folded[w++] = f;
        }
        var flags = SentimentTokenFlags.None;
        if (letters >= 2 && upper == letters) flags |= SentimentTokenFlags.AllCaps;
        if (elongated) flags |= SentimentTokenFlags.Elongated;
        if (letters == 0 && digits > 0) flags |= SentimentTokenFlags.Number;
        return new SentimentToken(start, w - start, kind, flags);
    }

    private static bool TryEntity(ReadOnlySpan<char> s, out int length)
    {
        var end = s[..Math.Min(s.Length, 10)].IndexOf(';');
        length = end + 1;
        if (end < 2) return false;
        foreach (var c in s[1..end])
            if (!char.IsAsciiLetterOrDigit(c) && c != '#') return false;
        return true;
    }

    private static bool IsUrlStart(ReadOnlySpan<char> s) =>
        s.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || s.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    private static bool TryEmoticon(ReadOnlySpan<char> s, out int length)
    {
        if (s[0] is not (':' or ';' or '=' or '<'))
        {
            length = 0;
            return false;
        }
        foreach (var emoticon in Emoticons)
        {
            if (s.Length < emoticon.Length) continue;
            var match = true;
            for (var k = 0; k < emoticon.Length && match; k++) match = TextFolding.Fold(s[k]) == emoticon[k];
            // The emoticon must end its chunk or be followed by punctuation: ":prima" is not ":p".
            if (match && (s.Length == emoticon.Length || !char.IsLetterOrDigit(s[emoticon.Length])))
            {
                length = emoticon.Length;
                return true;
            }
        }
        length = 0;
        return false;
    }
}
