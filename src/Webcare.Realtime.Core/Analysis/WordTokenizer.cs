namespace Webcare.Realtime.Core.Analysis;

/// <summary>
/// Splits text into folded word tokens: runs of letters and digits (an apostrophe inside a word is kept,
/// so "don't" and "zo'n" stay whole). Hashtags and handles yield their word ("#wachttijd" → "wachttijd").
/// </summary>
public static class WordTokenizer
{
    public static List<string> Tokenize(ReadOnlySpan<char> text)
    {
        var tokens = new List<string>();
        Span<char> buffer = stackalloc char[64];
        var length = 0;
        var overflow = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var inWord = char.IsLetterOrDigit(c)
                || (c is '\'' or '’' && length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]));
            if (inWord)
            {
                if (length < buffer.Length) buffer[length++] = TextFolding.Fold(c == '’' ? '\'' : c);
                else overflow = true;
                continue;
            }
            if (length > 0 && !overflow) tokens.Add(new string(buffer[..length]));
            length = 0;
            overflow = false;
        }
        return tokens;
    }
}
