using Webcare.Realtime.Core.Ingest;

namespace Webcare.Realtime.Core.Tests.Ingest;

public sealed class TextSanitizerTests
{
    [Theory]
    [InlineData("a\u0000b", "ab")] // NUL breaks PostgreSQL text
    [InlineData("a\u0001\u0007\u0008\u000B\u000C\u001B\u001Fb", "ab")] // other C0 controls, incl. VT, FF and ESC
    [InlineData("a\u007Fb", "ab")] // DEL
    [InlineData("a\u0080\u0085\u009Fb", "ab")] // C1 controls, incl. NEL
    [InlineData("evil\u202Etxt.exe", "eviltxt.exe")] // right-to-left override
    [InlineData("\u202A\u202B\u202C\u202D\u202Ex", "x")] // every embedding and override
    [InlineData("\u2066\u2067\u2068\u2069x", "x")] // every isolate
    [InlineData("regel 1\nregel 2\r\n\tingesprongen", "regel 1\nregel 2\r\n\tingesprongen")] // line breaks and tabs kept
    [InlineData("\u0000", "")]
    public void Clean_RemovesControlsAndBidiOverrides(string input, string expected)
    {
        Assert.Equal(expected, TextSanitizer.Clean(input));
    }

    [Theory]
    [InlineData("")]
    [InlineData("gewone tekst")]
    [InlineData("Café 👍 مرحبا שלום")] // right-to-left script itself is fine
    [InlineData("<script>alert(1)</script>")]
    [InlineData("regel\nregel\r\n\t")]
    [InlineData("\u200B\u200E\u200F")] // zero-width space and directional marks are not overrides
    public void Clean_ReturnsTheSameInstanceWhenNothingChanges(string input)
    {
        Assert.Same(input, TextSanitizer.Clean(input));
    }

    [Theory]
    [InlineData("abc", false)]
    [InlineData("a b-c_d.e/f:g", false)]
    [InlineData("é👍", false)]
    [InlineData("a\tb", true)] // unlike Clean, tabs and line breaks count here: ids are single tokens
    [InlineData("a\nb", true)]
    [InlineData("a\rb", true)]
    [InlineData("a\u0000", true)]
    [InlineData("\u0085", true)]
    [InlineData("a\u202Eb", true)]
    [InlineData("a\u2068b", true)]
    public void HasControlCharacters(string value, bool expected)
    {
        Assert.Equal(expected, TextSanitizer.HasControlCharacters(value));
    }

    [Fact]
    public void Clean_OfEveryBmpChar_RemovesExactlyTheDocumentedSet()
    {
        for (var c = 0; c <= 0xFFFF; c++)
        {
            var ch = (char)c;
            if (char.IsSurrogate(ch)) continue;
            var removed = TextSanitizer.Clean(ch.ToString()).Length == 0;
            var expected = (char.IsControl(ch) && ch is not ('\t' or '\n' or '\r'))
                || ch is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
            Assert.True(expected == removed, $"U+{c:X4}: expected removed={expected}");
        }
    }
}
