using System.Text;

namespace Webcare.Realtime.Core.Ingest;

/// <summary>
/// Removes characters that have no business in a mention's text: C0/C1 controls other than tab and line
/// breaks (a NUL breaks PostgreSQL text) and bidirectional overrides (they can make a wall show text in
/// an order other than the one stored). Returns the same instance when nothing changes.
/// </summary>
public static class TextSanitizer
{
    public static string Clean(string text)
    {
        var i = 0;
        while (i < text.Length && !IsRemoved(text[i])) i++;
        if (i == text.Length) return text;
        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, i);
        for (; i < text.Length; i++)
            if (!IsRemoved(text[i])) builder.Append(text[i]);
        return builder.ToString();
    }

    public static bool HasControlCharacters(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
            if (char.IsControl(c) || IsBidiControl(c)) return true;
        return false;
    }

    private static bool IsRemoved(char c) =>
        (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || IsBidiControl(c);

    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
