using Webcare.Realtime.Core.Analysis;

namespace Webcare.Realtime.Core.Tests.Analysis;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData('É', 'e')]
    [InlineData('é', 'e')]
    [InlineData('ë', 'e')]
    [InlineData('ï', 'i')]
    [InlineData('Ï', 'i')]
    [InlineData('ü', 'u')]
    [InlineData('Ç', 'c')]
    [InlineData('ñ', 'n')]
    [InlineData('Å', 'a')]
    [InlineData('Ø', 'o')] // stroke letters have no decomposition, but do have a base
    [InlineData('ł', 'l')]
    [InlineData('Đ', 'd')]
    [InlineData('İ', 'i')] // Turkish dotted capital I
    [InlineData('ı', 'i')] // Turkish dotless i
    [InlineData('Ÿ', 'y')]
    [InlineData('ž', 'z')]
    [InlineData('ß', 'ß')] // no base letter: stays, and is already lower case
    [InlineData('Æ', 'æ')] // a letter of its own: only lower-cased
    [InlineData('Þ', 'þ')]
    [InlineData('A', 'a')]
    [InlineData('Z', 'z')]
    [InlineData('a', 'a')]
    [InlineData('z', 'z')]
    [InlineData('0', '0')]
    [InlineData('@', '@')]
    [InlineData('[', '[')] // the chars either side of A..Z are not letters
    [InlineData('`', '`')]
    [InlineData('\u00A0', '\u00A0')]
    [InlineData('×', '×')]
    [InlineData('Ω', 'ω')] // above U+017F: lower-cased
    [InlineData('Ж', 'ж')]
    [InlineData('Ǎ', 'ǎ')] // U+01CD, just past the table: lower-cased but keeps its caron
    [InlineData('ẞ', 'ß')] // U+1E9E capital sharp s
    [InlineData('\u212B', 'a')] // ANGSTROM SIGN lower-cases to å, which folds on to a
    [InlineData('\u212A', 'k')] // KELVIN SIGN
    public void Fold_LowerCasesAndStripsDiacritics(char input, char expected)
    {
        Assert.Equal(expected, TextFolding.Fold(input));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("Café", "cafe")]
    [InlineData("ZIEKENHUIS", "ziekenhuis")]
    [InlineData("Coöperatie Ëindhoven België", "cooperatie eindhoven belgie")]
    [InlineData("Straße", "straße")]
    [InlineData("Łódź", "lodz")]
    [InlineData("naïef, reünie", "naief, reunie")]
    [InlineData("#WachtTijd @UMC 112!", "#wachttijd @umc 112!")]
    [InlineData("Ωμέγα", "ωμέγα")]
    public void Fold_String_FoldsEveryChar(string input, string expected)
    {
        var folded = TextFolding.Fold(input);

        Assert.Equal(expected, folded);
        Assert.Equal(input.Length, folded.Length); // one char for one char: offsets stay valid
    }

    [Fact]
    public void Fold_AsciiUpperCase_BecomesLowerCase_AndNothingElseInAsciiChanges()
    {
        for (var c = (char)0; c < 128; c++)
        {
            var expected = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            Assert.Equal(expected, TextFolding.Fold(c));
        }
    }

    // Every letter in U+00C0..U+017F with a canonical decomposition into an ASCII letter and combining marks
    // (é = e + U+0301), from UnicodeData.txt, with that letter. string.Normalize cannot be used to find
    // them here: under invariant globalization it leaves non-ASCII text as it is.
    private const string Decomposable =
        "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİ"
        + "ĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽž";
    private const string DecomposableBase =
        "aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddeeeeeeeeeegggggggghhiiiiiiiii"
        + "jjkkllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzz";
    // Letters whose diacritic is part of the glyph (stroke, bar, middle dot, missing dot): no decomposition.
    private const string Stroked = "ØøĐđĦħıĿŀŁłŦŧ";
    private const string StrokedBase = "ooddhhilllltt";
    // Letters of their own, without a base letter: ligatures, eth, thorn, sharp s, kra, eng, long s.
    private const string NoBaseLetter = "ÆÐÞßæðþĲĳĸŉŊŋŒœſ";

    [Fact]
    public void ReferenceData_CoversEveryLetterOfTheRange()
    {
        Assert.Equal(Decomposable.Length, DecomposableBase.Length);
        Assert.Equal(Stroked.Length, StrokedBase.Length);
        for (var c = '\u00C0'; c <= '\u017F'; c++)
        {
            var listed = (Decomposable.Contains(c) ? 1 : 0) + (Stroked.Contains(c) ? 1 : 0) + (NoBaseLetter.Contains(c) ? 1 : 0);
            Assert.True(listed == (char.IsLetter(c) ? 1 : 0), $"U+{(int)c:X4} '{c}' is listed {listed} times");
        }
    }

    /// <summary>The table is hand-written: every Latin letter with a diacritic in U+00C0..U+017F maps to its ASCII base.</summary>
    [Fact]
    public void Fold_MapsEveryLatinLetterWithADiacritic_ToItsAsciiBase()
    {
        var letters = Decomposable + Stroked;
        var bases = DecomposableBase + StrokedBase;
        for (var i = 0; i < letters.Length; i++)
            Assert.True(TextFolding.Fold(letters[i]) == bases[i],
                $"U+{(int)letters[i]:X4} '{letters[i]}' should fold to '{bases[i]}', folds to '{TextFolding.Fold(letters[i])}'");
    }

    [Fact]
    public void Fold_KeepsLettersWithoutABase_AsTheirLowerCase()
    {
        foreach (var c in NoBaseLetter)
            Assert.Equal(char.ToLowerInvariant(c), TextFolding.Fold(c));
    }

    [Fact]
    public void Fold_NeverLeavesAnUpperCaseLetter_AndIsIdempotent()
    {
        for (var i = 0; i <= 0xFFFF; i++)
        {
            var c = (char)i;
            var folded = TextFolding.Fold(c);
            Assert.True(TextFolding.Fold(folded) == folded, $"U+{i:X4} is not stable under a second fold");
            if (i < 0x0250) Assert.False(char.IsUpper(folded), $"U+{i:X4} folds to upper-case '{folded}'");
        }
    }

    [Fact]
    public void Fold_OfTheLatin1Controls_LeavesThemAlone()
    {
        for (var c = '\u0080'; c < '\u00C0'; c++)
            if (!char.IsLetter(c)) Assert.Equal(c, TextFolding.Fold(c));
    }
}
