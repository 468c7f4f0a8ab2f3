using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Webcare.Realtime.Core.Analysis;

/// <summary>
/// Puts a mention in complaint categories (multi-label) with the terms that triggered each, from the term
/// list <c>Lexicons/complaint-categories.tsv</c>. One pass over the sentiment tokenizer's span tokens (folded,
/// URLs and handles skipped, hashtags as words): at each word the longest entry that starts there wins, looked
/// up by exact first word, by word prefix and by word suffix (Dutch compounds), so the cost does not grow with
/// the number of terms. Terms flagged <c>neg</c> are cancelled by a negator shortly before them in the same
/// clause: "niet lang hoeven wachten" is no waiting complaint, "geen afspraak kunnen maken" still is one.
/// </summary>
public sealed class ComplaintClassifier
{
    private const int NegationReach = 3;
    private const int MaxGap = 3;
    private const string FileName = "complaint-categories.tsv";

    [Flags]
    private enum Languages : byte { Dutch = 1, English = 2, Both = Dutch | English }

    private readonly record struct Word(string Text, bool Prefix)
    {
        public bool Matches(ReadOnlySpan<char> token) =>
            Prefix ? token.StartsWith(Text, StringComparison.Ordinal) : token.SequenceEqual(Text);
    }

    /// <summary>One term list entry; no categories claims its words for none ("alvast bedankt").</summary>
    private sealed record Entry(ComplaintCategory[] Categories, Languages Languages, string Term, Word[] Words, bool Negatable, bool Gap)
    {
        /// <summary>No wildcard and no gap: the words that match are the term itself, so evidence needs no new string.</summary>
        public bool Literal { get; } = !Gap && !Term.Contains('*');
    }

    private readonly FrozenDictionary<string, Entry[]>.AlternateLookup<ReadOnlySpan<char>> _byFirstWord;
    // Prefix and suffix keys as letter tries: one walk along a word finds every key it starts (or ends) with,
    // where a lookup per key length would hash the word a dozen times.
    private readonly KeyTrie _prefixes;
    private readonly KeyTrie _suffixes;

    /// <summary>A trie node: the entries whose key ends here, and the next letters.</summary>
    private sealed class KeyTrie
    {
        private Entry[]? _entries;
        private readonly KeyTrie?[] _letters = new KeyTrie?[26];
        private Dictionary<char, KeyTrie>? _others;

        public Entry[]? Entries => _entries;

        public KeyTrie? Next(char c) =>
            c is >= 'a' and <= 'z' ? _letters[c - 'a'] : _others is not null && _others.TryGetValue(c, out var node) ? node : null;

        /// <param name="reversed">Keys read from their end (suffixes).</param>
        public static KeyTrie Of(FrozenDictionary<string, Entry[]> index, bool reversed)
        {
            var root = new KeyTrie();
            foreach (var (key, entries) in index)
            {
                var node = root;
                for (var k = 0; k < key.Length; k++)
                {
                    var c = reversed ? key[^(k + 1)] : key[k];
                    if (c is >= 'a' and <= 'z') node = node._letters[c - 'a'] ??= new KeyTrie();
                    else
                    {
                        node._others ??= [];
                        if (!node._others.TryGetValue(c, out var next)) node._others[c] = next = new KeyTrie();
                        node = next;
                    }
                }
                node._entries = entries;
            }
            return root;
        }
    }

    public static readonly ComplaintClassifier Instance = new(LexiconResources.Rows(FileName));

    public int TermCount { get; }

    private ComplaintClassifier(IEnumerable<string[]> rows)
    {
        var byFirstWord = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        var byFirstPrefix = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        var bySuffix = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var entry = Parse(row);
            TermCount++;
            var first = entry.Words[0];
            if (entry.Words.Length == 1 && row[2].TrimStart().StartsWith('*')) Add(bySuffix, first.Text, entry);
            else Add(first.Prefix ? byFirstPrefix : byFirstWord, first.Text, entry);
        }
        _byFirstWord = Freeze(byFirstWord);
        _prefixes = KeyTrie.Of(Freeze(byFirstPrefix).Dictionary, reversed: false);
        _suffixes = KeyTrie.Of(Freeze(bySuffix).Dictionary, reversed: true);

        static void Add(Dictionary<string, List<Entry>> index, string key, Entry entry)
        {
            if (!index.TryGetValue(key, out var list)) index[key] = list = [];
            list.Add(entry);
        }

        // Longest entry first: "niet op tijd" is tried before "niet".
        static FrozenDictionary<string, Entry[]>.AlternateLookup<ReadOnlySpan<char>> Freeze(Dictionary<string, List<Entry>> index) =>
            index.ToFrozenDictionary(p => p.Key, p => p.Value.OrderByDescending(e => e.Words.Length).ToArray(), StringComparer.Ordinal)
                .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static Entry Parse(string[] row)
    {
        if (row.Length < 3) throw new InvalidDataException($"{FileName}: \"{string.Join('\t', row)}\" needs category, language and term");
        ComplaintCategory[] categories = row[0] == "none" ? [] : row[0].Split(',').Select(CategoryOf).ToArray();
        var languages = row[1] switch
        {
            "nl" => Languages.Dutch,
            "en" => Languages.English,
            "*" => Languages.Both,
            _ => throw new InvalidDataException($"{FileName}: unknown language \"{row[1]}\" (nl, en or *)"),
        };
        var term = LexiconResources.FoldTerm(row[2]);
        var words = term.Split(' ').Select(w => new Word(w.Trim('*'), w.Length > 1 && w.EndsWith('*'))).ToArray();
        if (words.Any(w => w.Text.Length == 0)) throw new InvalidDataException($"{FileName}: \"{row[2]}\" has an empty word");
        if (row[2].TrimStart().StartsWith('*') && words.Length > 1)
            throw new InvalidDataException($"{FileName}: a suffix term (\"{row[2]}\") must be one word");
        var flags = row.Length > 3 ? row[3].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
        foreach (var flag in flags)
            if (flag is not ("neg" or "gap")) throw new InvalidDataException($"{FileName}: unknown flag \"{flag}\" on \"{row[2]}\"");
        return new Entry(categories, languages, term, words, flags.Contains("neg"), flags.Contains("gap"));
    }

    private static ComplaintCategory CategoryOf(string name) => name.Trim() switch
    {
        "waiting" => ComplaintCategory.WaitingTime,
        "reachability" => ComplaintCategory.Reachability,
        "attitude" => ComplaintCategory.StaffAttitude,
        "care" => ComplaintCategory.QualityOfCare,
        "privacy" => ComplaintCategory.Privacy,
        "costs" => ComplaintCategory.Costs,
        "facilities" => ComplaintCategory.Facilities,
        "information" => ComplaintCategory.Information,
        "compliment" => ComplaintCategory.Compliment,
        _ => throw new InvalidDataException($"{FileName}: unknown category \"{name}\""),
    };

    /// <summary>The categories of a text read in <paramref name="language"/> (Other: both term lists), in category order.</summary>
    public ImmutableArray<CategoryMatch> Classify(string text, TextLanguage language)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        using var tokens = TextTokens.Read(text);
        return Classify(tokens.Folded, tokens.Tokens, language);
    }

    internal ImmutableArray<CategoryMatch> Classify(ReadOnlySpan<char> folded, ReadOnlySpan<SentimentToken> tokens, TextLanguage language)
    {
        var languages = language switch
        {
            TextLanguage.Dutch => Languages.Dutch,
            TextLanguage.English => Languages.English,
            _ => Languages.Both,
        };
        List<(Entry Entry, string Text)>? found = null;
        var clauseStart = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.Kind is SentimentTokenKind.Break or SentimentTokenKind.Exclamation)
            {
                clauseStart = i + 1;
                continue;
            }
            if ((token.Flags & SentimentTokenFlags.Number) != 0) continue;
            var (entry, length) = LongestAt(folded, tokens, i, languages);
            if (entry is null) continue;
            i += length - 1;
            if (entry.Categories.Length == 0 || (entry.Negatable && Negated(folded, tokens, i - length + 1, clauseStart))) continue;
            (found ??= []).Add((entry, entry.Literal ? entry.Term : TextOf(folded, tokens, i - length + 1, i)));
        }
        return found is null ? [] : Collect(found);
    }

    private (Entry? Entry, int Length) LongestAt(ReadOnlySpan<char> folded, ReadOnlySpan<SentimentToken> tokens, int i, Languages languages)
    {
        var word = tokens[i].Text(folded);
        Entry? best = null;
        var bestLength = 0;
        if (_byFirstWord.TryGetValue(word, out var exact)) Consider(exact, folded, tokens, i, languages, ref best, ref bestLength);
        // Shortest key first, as the entries' order within a key: on equal spans the first one found wins.
        KeyTrie? node = _prefixes;
        for (var k = 0; k < word.Length && (node = node!.Next(word[k])) is not null; k++)
            if (node.Entries is { } prefixed) Consider(prefixed, folded, tokens, i, languages, ref best, ref bestLength);
        if (best is not null) return (best, bestLength);
        node = _suffixes;
        for (var k = 1; k <= word.Length && (node = node!.Next(word[^k])) is not null; k++)
            if (node.Entries is { } suffixed) Consider(suffixed, folded, tokens, i, languages, ref best, ref bestLength);
        return (best, bestLength);
    }

    private static void Consider(Entry[] entries, ReadOnlySpan<char> folded, ReadOnlySpan<SentimentToken> tokens, int i, Languages languages, ref Entry? best, ref int bestLength)
    {
        foreach (var entry in entries)
        {
            if ((entry.Languages & languages) == 0) continue;
            var span = MatchLength(entry, folded, tokens, i);
            if (span > bestLength)
            {
                best = entry;
                bestLength = span;
            }
        }
    }

    /// <returns>How many tokens the entry covers from <paramref name="i"/>, or 0 when it does not match there.</returns>
    private static int MatchLength(Entry entry, ReadOnlySpan<char> folded, ReadOnlySpan<SentimentToken> tokens, int i)
    {
        if (!entry.Words[0].Matches(tokens[i].Text(folded))) return 0;
        var at = i;
        for (var w = 1; w < entry.Words.Length; w++)
        {
            var reach = entry.Gap ? MaxGap + 1 : 1;
            var next = -1;
            for (var k = at + 1; k < tokens.Length && k <= at + reach; k++)
            {
                if (!tokens[k].IsWord) break;
                if (entry.Words[w].Matches(tokens[k].Text(folded)))
                {
                    next = k;
                    break;
                }
            }
            if (next < 0) return 0;
            at = next;
        }
        return at - i + 1;
    }

    private static bool Negated(ReadOnlySpan<char> folded, ReadOnlySpan<SentimentToken> tokens, int start, int clauseStart)
    {
        for (var k = start - 1; k >= clauseStart && k >= start - NegationReach; k--)
        {
            if (!SentimentLexicon.Mixed.TryModifier(tokens[k].Text(folded), out var modifier)) continue;
            // "nauwelijks", "amper", "hardly" weaken so far that they deny: "nauwelijks gewacht".
            if (modifier.Kind == ModifierKind.Negator || (modifier.Kind == ModifierKind.Intensifier && modifier.Value < 0.5)) return true;
        }
        return false;
    }

    /// <summary>The words as they matched (folded), so the evidence shows "wachttijden", not the entry "wachttijd*".</summary>
    private static string TextOf(ReadOnlySpan<char> folded, ReadOnlySpan<SentimentToken> tokens, int first, int last)
    {
        if (first == last) return tokens[first].Text(folded).ToString();
        var length = last - first;
        for (var k = first; k <= last; k++) length += tokens[k].Length;
        Span<char> buffer = length <= 256 ? stackalloc char[length] : new char[length];
        var at = 0;
        for (var k = first; k <= last; k++)
        {
            if (k > first) buffer[at++] = ' ';
            tokens[k].Text(folded).CopyTo(buffer[at..]);
            at += tokens[k].Length;
        }
        return new string(buffer);
    }

    private static ImmutableArray<CategoryMatch> Collect(List<(Entry Entry, string Text)> found)
    {
        var result = ImmutableArray.CreateBuilder<CategoryMatch>();
        foreach (var category in AllCategories)
        {
            ImmutableArray<string>.Builder? terms = null;
            foreach (var (entry, text) in found)
                if (entry.Categories.Contains(category) && (terms is null || !terms.Contains(text)))
                    (terms ??= ImmutableArray.CreateBuilder<string>()).Add(text);
            if (terms is not null) result.Add(new CategoryMatch(category, terms.ToImmutable()));
        }
        return result.ToImmutable();
    }

    private static readonly ComplaintCategory[] AllCategories = Enum.GetValues<ComplaintCategory>();
}
