using System.Reflection;

namespace Webcare.Realtime.Core.Analysis;

/// <summary>
/// Reads the TSV data files embedded from <c>Analysis/Lexicons</c> (see the README there). The only I/O in
/// Core: the assembly's own resources, once, when a lexicon is first used.
/// </summary>
internal static class LexiconResources
{
    private const string Prefix = "Webcare.Realtime.Core.Lexicons.";

    public static IEnumerable<string> Names() =>
        typeof(LexiconResources).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..]);

    /// <summary>The rows of a TSV file, split on tabs; blank lines and <c>#</c> comments are skipped.</summary>
    public static IEnumerable<string[]> Rows(string name)
    {
        using var stream = typeof(LexiconResources).Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new InvalidOperationException($"embedded lexicon {name} is missing");
        using var reader = new StreamReader(stream);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#') continue;
            var columns = line.Split('\t');
            if (columns.Length < 2) throw new InvalidDataException($"{name}:{lineNumber}: expected tab-separated columns");
            yield return columns;
        }
    }

    public static double Number(string name, string value) =>
        double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
            ? d
            : throw new InvalidDataException($"{name}: \"{value}\" is not a number");

    /// <summary>Folds a term the way the tokenizer folds text, with single spaces between words.</summary>
    public static string FoldTerm(string term) =>
        string.Join(' ', term.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(w => TextFolding.Fold(w)));
}
