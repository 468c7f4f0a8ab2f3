using System.Collections.Frozen;
using Webcare.Realtime.Core.Analysis;

namespace Webcare.Realtime.Core.Alerts;

/// <summary>
/// The words of mentions as an alert's explanation counts them: folded, at least three letters, not a number,
/// not a Dutch or English stop word (<c>Lexicons/stopwords.tsv</c>), and not one of the subject's own words
/// (a topic's query words say nothing about why the topic is busy). Each word counts once per mention.
/// </summary>
public sealed class AlertTerms
{
    private readonly FrozenSet<string> _ownWords;
    private readonly string[] _ownPrefixes;

    public static readonly AlertTerms None = new([], []);

    private AlertTerms(IEnumerable<string> ownWords, string[] ownPrefixes)
    {
        _ownWords = ownWords.ToFrozenSet(StringComparer.Ordinal);
        _ownPrefixes = ownPrefixes;
    }

    /// <summary>
    /// Leaves out the words of a subject: a topic's name and query (any query syntax: its words, and
    /// <c>word*</c> as a prefix; operators such as OR are stop words anyway), or a source's name.
    /// </summary>
    public static AlertTerms For(string name, string? query = null)
    {
        var words = new List<string>(WordTokenizer.Tokenize(name));
        var prefixes = new List<string>();
        if (query is not null)
        {
            var tokens = WordTokenizer.Tokenize(query);
            // A token directly followed by '*' in the query is a prefix; find them in order.
            var position = 0;
            var folded = TextFolding.Fold(query);
            foreach (var token in tokens)
            {
                var at = folded.IndexOf(token, position, StringComparison.Ordinal);
                position = at < 0 ? position : at + token.Length;
                if (at >= 0 && position < folded.Length && folded[position] == '*') prefixes.Add(token);
                else words.Add(token);
            }
        }
        return new AlertTerms(words, [.. prefixes]);
    }

    /// <summary>Adds the distinct countable words of a text to <paramref name="into"/>.</summary>
    public void Collect(string text, HashSet<string> into)
    {
        foreach (var token in WordTokenizer.Tokenize(text))
            if (Counts(token)) into.Add(token);
    }

    public bool Counts(string token)
    {
        if (token.Length < 3 || FunctionWords.Contains(token) || _ownWords.Contains(token)) return false;
        var digits = true;
        foreach (var c in token) digits &= char.IsDigit(c);
        if (digits) return false;
        foreach (var prefix in _ownPrefixes)
            if (token.StartsWith(prefix, StringComparison.Ordinal)) return false;
        return true;
    }
}
