using System.Collections.Immutable;
using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Core.Analysis.Topics;

/// <summary>
/// Every monitored topic of a tenant, compiled once. A mention is matched against all of them in one pass
/// over its folded topic words (from the tokenisation the other analyses share, <see cref="TextTokens"/>): each token is looked up in one dictionary of the first words of every term of
/// every topic (and of its prefixes, for wildcards), phrases are checked from there, and only the topics
/// with a term hit (or that can match without one, such as <c>lang:nl NOT spam</c>) are evaluated.
/// Thread-safe; the per-mention state is per thread (<see cref="TopicMatchScratch"/>).
/// </summary>
public sealed class TopicMatcher
{
    private sealed class CompiledTerm(QueryWord[] words, bool positional)
    {
        public readonly QueryWord[] Words = words;
        public readonly bool Positional = positional;
        public int[] Topics = [];
    }

    /// <summary>The terms whose first word is this text: as a whole word, or as a prefix.</summary>
    private sealed class FirstWord
    {
        public int[] Exact = [];
        public int[] Prefix = [];
    }

    private readonly ImmutableArray<TopicDefinition> _topics;
    private readonly TopicQueryEvaluator[] _queries;
    private readonly ImmutableArray<string>[] _singleNames;
    private readonly CompiledTerm[] _terms;
    private readonly Dictionary<string, FirstWord> _firstWords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FirstWord>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int[] _prefixLengths;
    // The first two characters of every prefix term: most tokens start no prefix and skip those lookups.
    private readonly bool[] _prefixPairs = new bool[128 * 128];
    private readonly bool _nonAsciiPrefix;
    private readonly int[] _alwaysEvaluated;

    public static readonly TopicMatcher Empty = new([]);

    /// <summary>Compiles the topics; a query that does not parse throws <see cref="TopicQueryException"/>.</summary>
    public TopicMatcher(IEnumerable<TopicDefinition> topics)
    {
        _topics = [.. topics];
        var roots = _topics.Select(t => TopicQueryParser.Parse(t.Query)).ToArray();

        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = new List<CompiledTerm>();
        var topicsOfTerm = new List<SortedSet<int>>();
        var positional = roots.SelectMany(PositionalTerms).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        _queries = new TopicQueryEvaluator[roots.Length];
        for (var t = 0; t < roots.Length; t++)
        {
            var topic = t;
            _queries[t] = TopicQueryEvaluator.Compile(roots[t], term =>
            {
                if (!termIds.TryGetValue(term.Key, out var id))
                {
                    termIds[term.Key] = id = terms.Count;
                    terms.Add(new CompiledTerm([.. term.Words], positional.Contains(term.Key)));
                    topicsOfTerm.Add([]);
                }
                topicsOfTerm[id].Add(topic);
                return id;
            });
        }
        _terms = [.. terms];
        for (var i = 0; i < _terms.Length; i++) _terms[i].Topics = [.. topicsOfTerm[i]];

        var exact = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var prefix = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < _terms.Length; i++)
        {
            var first = _terms[i].Words[0];
            var into = first.IsPrefix ? prefix : exact;
            if (!into.TryGetValue(first.Text, out var list)) into[first.Text] = list = [];
            list.Add(i);
        }
        foreach (var word in exact.Keys.Union(prefix.Keys))
            _firstWords[word] = new FirstWord
            {
                Exact = exact.TryGetValue(word, out var e) ? [.. e] : [],
                Prefix = prefix.TryGetValue(word, out var p) ? [.. p] : [],
            };
        _lookup = _firstWords.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixLengths = [.. prefix.Keys.Select(k => k.Length).Distinct().Order()];
        foreach (var word in prefix.Keys)
        {
            if (word[0] < 128 && word[1] < 128) _prefixPairs[word[0] * 128 + word[1]] = true;
            else _nonAsciiPrefix = true;
        }
        _alwaysEvaluated = [.. Enumerable.Range(0, _queries.Length).Where(t => !_queries[t].NeedsTermHit)];
        _singleNames = [.. _topics.Select(t => ImmutableArray.Create(t.Name))];
    }

    public ImmutableArray<TopicDefinition> Topics => _topics;

    private static IEnumerable<TermNode> PositionalTerms(TopicQueryNode node) => node switch
    {
        NearNode near => TopicQueryParser.Terms(near),
        NotNode not => PositionalTerms(not.Operand),
        AndNode and => and.Operands.SelectMany(PositionalTerms),
        OrNode either => either.Operands.SelectMany(PositionalTerms),
        _ => [],
    };

    /// <summary>The names of the topics the mention matches, in configuration order.</summary>
    public ImmutableArray<string> Match(Mention mention, TextLanguage language) =>
        Match(mention.Text, new MentionFields(mention.Source, language, mention.Author?.Handle));

    /// <summary>The names of the topics a text with these fields matches, in configuration order.</summary>
    public ImmutableArray<string> Match(ReadOnlySpan<char> text, MentionFields fields = default)
    {
        if (_queries.Length == 0) return [];
        using var tokens = TextTokens.Read(text);
        return Match(tokens, fields);
    }

    /// <summary>The names of the topics a tokenised text with these fields matches, in configuration order.</summary>
    internal ImmutableArray<string> Match(TextTokens text, in MentionFields fields)
    {
        if (_queries.Length == 0) return [];
        var scratch = TopicMatchScratch.Current;
        scratch.Begin(text, _terms.Length, _queries.Length);
        for (var position = 0; position < scratch.TokenCount; position++) HitTermsAt(scratch, position);
        foreach (var topic in _alwaysEvaluated) scratch.AddCandidate(topic);
        return Evaluate(scratch, fields);
    }

    /// <summary>Records every term that starts at this token: a whole-word entry, and one entry per prefix length.</summary>
    private void HitTermsAt(TopicMatchScratch scratch, int position)
    {
        var token = scratch.Token(position);
        if (_lookup.TryGetValue(token, out var whole))
        {
            foreach (var term in whole.Exact) TryTermAt(scratch, term, position);
            foreach (var term in whole.Prefix) TryTermAt(scratch, term, position);
        }
        if (_prefixLengths.Length == 0 || token.Length <= _prefixLengths[0]) return;
        var startsPrefix = token[0] < 128 && token[1] < 128 ? _prefixPairs[token[0] * 128 + token[1]] : _nonAsciiPrefix;
        if (!startsPrefix) return;
        foreach (var length in _prefixLengths)
        {
            if (length >= token.Length) break;
            if (_lookup.TryGetValue(token[..length], out var start))
                foreach (var term in start.Prefix) TryTermAt(scratch, term, position);
        }
    }

    private void TryTermAt(TopicMatchScratch scratch, int termId, int position)
    {
        var term = _terms[termId];
        if (!term.Positional && scratch.WasHit(termId)) return;
        var words = term.Words;
        if (position + words.Length > scratch.TokenCount) return;
        for (var w = 1; w < words.Length; w++)
        {
            var token = scratch.Token(position + w);
            var word = words[w];
            if (!(word.IsPrefix ? token.StartsWith(word.Text) : token.SequenceEqual(word.Text))) return;
        }
        if (term.Positional) scratch.AddSpan(termId, position, position + words.Length - 1);
        if (!scratch.MarkHit(termId)) return;
        foreach (var topic in term.Topics) scratch.AddCandidate(topic);
    }

    private ImmutableArray<string> Evaluate(TopicMatchScratch scratch, in MentionFields fields)
    {
        var candidates = scratch.Candidates.AsSpan(0, scratch.CandidateCount);
        if (candidates.IsEmpty) return [];
        candidates.Sort();
        var matched = 0;
        foreach (var topic in candidates)
            if (_queries[topic].Matches(scratch, fields)) candidates[matched++] = topic;
        if (matched == 0) return [];
        if (matched == 1) return _singleNames[candidates[0]];
        var names = new string[matched];
        for (var i = 0; i < matched; i++) names[i] = _topics[candidates[i]].Name;
        return ImmutableArray.Create(names);
    }
}
