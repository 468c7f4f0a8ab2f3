namespace Webcare.Realtime.Core.Analysis;

/// <summary>
/// Lower-cases and strips diacritics one char at a time (é → e, Ï → i), so "Ziekenhuis" and "ziekenhuis",
/// "café" and "cafe" compare equal. A table instead of string.Normalize: no allocation, and it works
/// under invariant globalization.
/// </summary>
public static class TextFolding
{
    private static readonly char[] Latin1 = BuildTable();

    public static char Fold(char c)
    {
        if (c < 128) return c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
        if (c < 0x0180) return Latin1[c - 128];
        var lower = char.ToLowerInvariant(c);
        // A few lower-case into the table's range (U+212B ANGSTROM SIGN → å): fold those the same way.
        return lower < 0x0180 ? Fold(lower) : lower;
    }

    public static string Fold(ReadOnlySpan<char> text)
    {
        return string.Create(text.Length, text.ToString(), static (dest, src) =>
        {
            for (var i = 0; i < src.Length; i++) dest[i] = Fold(src[i]);
        });
    }

    private static char[] BuildTable()
    {
        // Base letters for U+0080..U+017F; anything without an obvious base stays as its lower case.
        const string from = "ÀÁÂÃÄÅàáâãäåĀāĂăĄąÇçĆćĈĉĊċČčĎďĐđÈÉÊËèéêëĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħÌÍÎÏìíîïĨĩĪīĬĭĮįİıĴĵĶķĹĺĻļĽľĿŀŁłÑñŃńŅņŇňÒÓÔÕÖØòóôõöøŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųŴŵÝýÿŶŷŸŹźŻżŽž";
        const string to__ = "aaaaaaaaaaaaaaaaaaccccccccccddddeeeeeeeeeeeeeeeeeegggggggghhhhiiiiiiiiiiiiiiiiiijjkkllllllllllnnnnnnnnoooooooooooooooooorrrrrrssssssssttttttuuuuuuuuuuuuuuuuuuuuwwyyyyyyzzzzzz";
        var table = new char[0x0180 - 128];
        for (var i = 0; i < table.Length; i++) table[i] = char.ToLowerInvariant((char)(i + 128));
        for (var i = 0; i < from.Length; i++) table[from[i] - 128] = to__[i];
        return table;
    }
}
