using System.Collections.Immutable;

using Webcare.Realtime.Core.Analysis;

namespace Webcare.Realtime.Benchmarks.Enrichment;

/// <summary>
/// The topic matcher as it was before the boolean query language (commit e389fd8, KeywordTopicMatcher),
/// kept only as the "before" of the matching benchmark: OR-lists of words, phrases and prefixes.
/// </summary>
public sealed class KeywordTopicMatcherBefore
{
    private readonly ImmutableArray<TopicDefinition> _topics;
    // Terms indexed by their first word, so a text is matched in one pass however many topics there are.
    private readonly Dictionary<string, List<Term>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly List<Term> _prefixFirstWord = [];

    private sealed record Term(int Topic, string[] Words, bool LastIsPrefix);

    public KeywordTopicMatcherBefore(IEnumerable<TopicDefinition> topics)
    {
        _topics = [.. topics];
        for (var t = 0; t < _topics.Length; t++)
        {
            foreach (var term in ParseQuery(_topics[t].Query))
            {
                var compiled = new Term(t, term.Words, term.LastIsPrefix);
                if (term.Words.Length == 1 && term.LastIsPrefix) _prefixFirstWord.Add(compiled);
                else
                {
                    if (!_byFirstWord.TryGetValue(term.Words[0], out var list)) _byFirstWord[term.Words[0]] = list = [];
                    list.Add(compiled);
                }
            }
        }
    }

    public static readonly KeywordTopicMatcherBefore Empty = new([]);

    public ImmutableArray<TopicDefinition> Topics => _topics;

    /// <summary>The names of the topics the text matches, in configuration order.</summary>
    public ImmutableArray<string> Match(string text)
    {
        if (_topics.IsEmpty) return [];
        var tokens = WordTokenizer.Tokenize(text);
        Span<bool> hit = _topics.Length <= 256 ? stackalloc bool[_topics.Length] : new bool[_topics.Length];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (_byFirstWord.TryGetValue(tokens[i], out var terms))
            {
                foreach (var term in terms)
                    if (!hit[term.Topic] && MatchesAt(tokens, i, term)) hit[term.Topic] = true;
            }
            foreach (var term in _prefixFirstWord)
                if (!hit[term.Topic] && tokens[i].StartsWith(term.Words[0], StringComparison.Ordinal)) hit[term.Topic] = true;
        }
        var result = ImmutableArray.CreateBuilder<string>();
        for (var t = 0; t < _topics.Length; t++)
            if (hit[t]) result.Add(_topics[t].Name);
        return result.ToImmutable();
    }

    private static bool MatchesAt(List<string> tokens, int start, Term term)
    {
        if (start + term.Words.Length > tokens.Count) return false;
        for (var w = 1; w < term.Words.Length; w++)
        {
            var token = tokens[start + w];
            var word = term.Words[w];
            var last = w == term.Words.Length - 1;
            var ok = last && term.LastIsPrefix ? token.StartsWith(word, StringComparison.Ordinal) : token == word;
            if (!ok) return false;
        }
        return true;
    }

    /// <summary>Parses a keyword query; throws <see cref="FormatException"/> naming the bad part.</summary>
    public static IReadOnlyList<(string[] Words, bool LastIsPrefix)> ParseQuery(string query)
    {
        if (string.IsNullOrWhiteSpace(query)) throw new FormatException("the query is empty");
        var terms = new List<(string[] Words, bool LastIsPrefix)>();
        foreach (var raw in SplitAlternatives(query))
        {
            var part = raw.Trim().Trim('"').Trim();
            if (part.Length == 0) throw new FormatException($"empty alternative in \"{query}\"");
            var prefix = part.EndsWith('*');
            var words = WordTokenizer.Tokenize(prefix ? part[..^1] : part).ToArray();
            if (words.Length == 0) throw new FormatException($"\"{raw.Trim()}\" has no words to match");
            terms.Add((words, prefix));
        }
        return terms;
    }

    private static IEnumerable<string> SplitAlternatives(string query)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i < query.Length; i++)
        {
            if (query[i] == '"') quoted = !quoted;
            if (quoted) continue;
            if (query[i] == ',')
            {
                yield return query[start..i];
                start = i + 1;
            }
            else if (i + 4 <= query.Length && query.AsSpan(i, 4).SequenceEqual(" OR ") )
            {
                yield return query[start..i];
                start = i + 4;
                i += 3;
            }
        }
        if (quoted) throw new FormatException("a quote is not closed");
        yield return query[start..];
    }
}
