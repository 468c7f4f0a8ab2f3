using System.Buffers;
using System.Text;

namespace Webcare.Realtime.Core.Analysis;

/// <summary>
/// One pass over a text into words, hashtags, emoji/emoticons, clause breaks and exclamation marks: the one
/// tokenisation that language, sentiment, complaint categories and topics share (<see cref="TextTokens"/>).
/// Word text is written folded (lower case, no diacritics) at its own offsets in a caller's buffer, so a token
/// is a range of that buffer and a word's position in the text is its position there. Reading tokens cut
/// letter runs of three or more to two ("goooood" → "good") and skip URLs and @handles, which carry no opinion
/// and no language; the topic words, when asked for, are every run of letters and digits as
/// <see cref="WordTokenizer"/> defines it (URL parts and handles included, elongations kept).
/// </summary>
internal static class SentimentTokenizer
{
    // Emoticons are matched only at the start of a whitespace-separated chunk, so "10:30" or "a:b" stay words.
    // They are the ASCII entries of emoji.tsv, longest first so ":-))" is not read as ":-)" and a break.
    private static readonly string[] Emoticons =
        [.. EmojiLexicon.Weights.Keys.Where(k => Ascii.IsValid(k)).OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal)];

    private static readonly SearchValues<char> EmoticonStarts = SearchValues.Create([.. Emoticons.Select(e => e[0]).Distinct()]);

    /// <summary>Reading tokens only; <paramref name="folded"/> needs the text's length.</summary>
    public static int Tokenize(ReadOnlySpan<char> text, Span<char> folded, Span<SentimentToken> tokens) =>
        Tokenize(text, folded, tokens, null);

    /// <summary>
    /// Reading tokens, and with <paramref name="words"/> the topic words too. Then <paramref name="folded"/> needs
    /// twice the text's length: an elongated word's cut form is written after the text's own offsets.
    /// </summary>
    /// <returns>The number of reading tokens written; stops early when <paramref name="tokens"/> is full.</returns>
    public static int Tokenize(ReadOnlySpan<char> text, Span<char> folded, Span<SentimentToken> tokens, TopicWords? words)
    {
        var n = 0;
        var cut = text.Length; // where the next elongated word's cut form goes, when topic words keep the full one
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
            var skipFrom = i;
            if (chunkStart && IsUrlStart(text[i..]))
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
                words?.AddSkipped(text, skipFrom, i, folded);
                continue;
            }
            if (c == '&' && TryEntity(text[i..], out var entityLength))
            {
                // Scraped text keeps HTML entities ("&gt;", "&amp;"); their letters are not words.
                i += entityLength;
                words?.AddSkipped(text, skipFrom, i, folded);
                continue;
            }
            if (c == '@' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
            {
                i++;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) i++;
                // "@umc's": the possessive belongs to the handle (and is one word to the topic matcher).
                while (i + 1 < text.Length && text[i] is '\'' or '’' && char.IsLetter(text[i + 1]))
                    for (i++; i < text.Length && char.IsLetterOrDigit(text[i]); i++) { }
                words?.AddSkipped(text, skipFrom, i, folded);
                continue;
            }
            if (chunkStart && TryEmoticon(text[i..], out var emoticonLength))
            {
                i += emoticonLength;
                words?.AddSkipped(text, skipFrom, i, folded);
                // Folded after the topic words, which fold only the emoticon's letters ("d" of ":D").
                for (var k = skipFrom; k < i; k++) folded[k] = TextFolding.Fold(text[k]);
                tokens[n++] = new SentimentToken(skipFrom, emoticonLength, SentimentTokenKind.Emoji, SentimentTokenFlags.None);
                continue;
            }
            if (c == '#' && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                i++;
                tokens[n++] = ReadWord(text, ref i, folded, ref cut, SentimentTokenKind.Hashtag, words);
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                tokens[n++] = ReadWord(text, ref i, folded, ref cut, SentimentTokenKind.Word, words);
                continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                // Skin tones and tag characters modify the emoji before them; they are not opinions of their own.
                if (codePoint is not (>= 0x1F3FB and <= 0x1F3FF) and not (>= 0xE0000 and <= 0xE007F))
                {
                    folded[i] = c;
                    folded[i + 1] = text[i + 1];
                    tokens[n++] = new SentimentToken(i, 2, SentimentTokenKind.Emoji, SentimentTokenFlags.None);
                }
                i += 2;
                continue;
            }
            if (c is >= '\u2600' and <= '\u27BF' or >= '\u2B00' and <= '\u2BFF')
            {
                folded[i] = c;
                tokens[n++] = new SentimentToken(i, 1, SentimentTokenKind.Emoji, SentimentTokenFlags.None);
                i++;
                continue;
            }
            if (c is '!' or '¡')
            {
                tokens[n++] = new SentimentToken(i, 0, SentimentTokenKind.Exclamation, SentimentTokenFlags.None);
                i++;
                continue;
            }
            if (c is '.' or ',' or ';' or ':' or '?' or '(' or ')' or '|' or '–' or '—' or '"' or '…' or '[' or ']'
                || (c == '-' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]))))
            {
                // Consecutive breaks are one clause boundary.
                if (n == 0 || tokens[n - 1].Kind != SentimentTokenKind.Break)
                    tokens[n++] = new SentimentToken(i, 0, SentimentTokenKind.Break, SentimentTokenFlags.None);
                i++;
                continue;
            }
            i++;
        }
        return n;
    }

    private static SentimentToken ReadWord(ReadOnlySpan<char> text, ref int i, Span<char> folded, ref int cut, SentimentTokenKind kind, TopicWords? words)
    {
        var start = i;
        int letters = 0, upper = 0, digits = 0;
        var elongated = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\'' or '’')
            {
                // An apostrophe inside a word keeps it whole: "don't", "zo'n".
                if (i == start || i + 1 >= text.Length || !char.IsLetter(text[i + 1])) break;
                c = '\'';
            }
            else if (!char.IsLetterOrDigit(c)) break;
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c)) upper++;
                // A third equal letter in a row: the word is elongated ("suuuper").
                if (i - start >= 2 && folded[i - 1] == folded[i - 2] && TextFolding.Fold(c) == folded[i - 1] && char.IsLetter(text[i - 1])) elongated = true;
            }
            else if (char.IsDigit(c)) digits++;
            folded[i] = TextFolding.Fold(c);
        }
        var flags = SentimentTokenFlags.None;
        if (letters >= 1 && upper == letters) flags |= SentimentTokenFlags.Upper;
        if (letters >= 2 && upper == letters) flags |= SentimentTokenFlags.AllCaps;
        if (letters == 0 && digits > 0) flags |= SentimentTokenFlags.Number;
        words?.Add(start, i - start);
        if (!elongated) return new SentimentToken(start, i - start, kind, flags);
        // Letter runs of three or more cut to two. Without topic words the cut form fits in place.
        var at = words is null ? start : cut;
        var length = CutRuns(text, folded, start, i, folded[at..]);
        if (words is not null) cut += length;
        return new SentimentToken(at, length, kind, flags | SentimentTokenFlags.Elongated);
    }

    private static int CutRuns(ReadOnlySpan<char> text, ReadOnlySpan<char> word, int start, int end, Span<char> into)
    {
        var n = 0;
        var run = 0;
        var previous = '\0';
        for (var k = start; k < end; k++)
        {
            var f = word[k];
            run = f == previous ? run + 1 : 1;
            previous = f;
            if (run >= 3 && char.IsLetter(text[k])) continue;
            into[n++] = f;
        }
        return n;
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
        if (!EmoticonStarts.Contains(s[0]))
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
