using System.Collections.Frozen;

namespace Webcare.Realtime.Core.Analysis;

internal enum ModifierKind : byte
{
    Negator,
    Intensifier,
    Contrast,
    Boundary,
}

internal readonly record struct Modifier(ModifierKind Kind, double Value);

/// <summary>A multi-word expression, matched on consecutive word tokens.</summary>
internal sealed record Phrase(string Text, string[] Words, double Weight);

/// <summary>
/// One language's sentiment resources: word weights (hand-made first, then learned or imported lists that
/// never override them), multi-word expressions, and the modifiers (negators, intensifiers, contrast words,
/// clause boundaries). Lookups take spans so scoring allocates no strings.
/// </summary>
internal sealed class SentimentLexicon
{
    private readonly FrozenDictionary<string, (string Term, double Weight)>.AlternateLookup<ReadOnlySpan<char>> _words;
    private readonly FrozenDictionary<string, Phrase[]>.AlternateLookup<ReadOnlySpan<char>> _phrases;
    private readonly FrozenDictionary<string, Modifier>.AlternateLookup<ReadOnlySpan<char>> _modifiers;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _vocabulary;

    public FrozenDictionary<string, double> Words { get; }

    /// <summary>Words from the curated lists (not the learned one): these may vote for a text's language.</summary>
    public FrozenSet<string> Vocabulary { get; }
    public int PhraseCount { get; }
    public int ModifierCount { get; }

    public static readonly SentimentLexicon Dutch = Load(["nl-lexicon.tsv", "nl-learned.tsv"], ["nl-modifiers.tsv"], ["nl-lexicon.tsv"]);
    public static readonly SentimentLexicon English = Load(["en-lexicon.tsv", "en-vader.tsv"], ["en-modifiers.tsv"], ["en-lexicon.tsv", "en-vader.tsv"]);

    /// <summary>
    /// For texts the detector could not place: both languages. Where they disagree, a rating a person gave wins over
    /// a statistically learned one: the hand-made lists first (Dutch before English), then VADER's human ratings,
    /// then <c>nl-learned.tsv</c>. In a text of unknown language a learned Dutch weight ("respect" 0.52, "fan" −0.78,
    /// which measure what co-occurs with the word in Dutch reviews) is weaker evidence than human raters' judgement
    /// of the same spelling.
    /// </summary>
    public static readonly SentimentLexicon Mixed = Load(
        ["nl-lexicon.tsv", "en-lexicon.tsv", "en-vader.tsv", "nl-learned.tsv"], ["en-modifiers.tsv", "nl-modifiers.tsv"], []);

    private SentimentLexicon(Dictionary<string, double> words, HashSet<string> vocabulary, Dictionary<string, List<Phrase>> phrases, Dictionary<string, Modifier> modifiers)
    {
        Vocabulary = vocabulary.ToFrozenSet(StringComparer.Ordinal);
        _vocabulary = Vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        Words = words.ToFrozenDictionary(StringComparer.Ordinal);
        // Longest phrase first, so "aan het lijntje houden" wins over a shorter phrase with the same start.
        var frozenPhrases = phrases.ToFrozenDictionary(p => p.Key, p => p.Value.OrderByDescending(x => x.Words.Length).ToArray(), StringComparer.Ordinal);
        var frozenModifiers = modifiers.ToFrozenDictionary(StringComparer.Ordinal);
        PhraseCount = phrases.Values.Sum(p => p.Count);
        ModifierCount = modifiers.Count;
        // The value carries its own key so a span lookup can hand out the lexicon's string as evidence.
        _words = words.ToFrozenDictionary(w => w.Key, w => (w.Key, w.Value), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _phrases = frozenPhrases.GetAlternateLookup<ReadOnlySpan<char>>();
        _modifiers = frozenModifiers.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool TryWord(ReadOnlySpan<char> word, out double weight)
    {
        var found = _words.TryGetValue(word, out var entry);
        weight = entry.Weight;
        return found;
    }

    /// <summary>Also returns the lexicon's own string for the word, so evidence needs no new string.</summary>
    public bool TryWord(ReadOnlySpan<char> word, out string term, out double weight)
    {
        var found = _words.TryGetValue(word, out var entry);
        (term, weight) = found ? entry : ("", 0);
        return found;
    }

    public bool InVocabulary(ReadOnlySpan<char> word) => _vocabulary.Contains(word);

    public bool TryPhrases(ReadOnlySpan<char> firstWord, out Phrase[] phrases) => _phrases.TryGetValue(firstWord, out phrases!);

    public bool TryModifier(ReadOnlySpan<char> word, out Modifier modifier) => _modifiers.TryGetValue(word, out modifier);

    private static SentimentLexicon Load(string[] weightFiles, string[] modifierFiles, string[] vocabularyFiles)
    {
        var vocabulary = new HashSet<string>(StringComparer.Ordinal);
        var words = new Dictionary<string, double>(StringComparer.Ordinal);
        var phrases = new Dictionary<string, List<Phrase>>(StringComparer.Ordinal);
        var seenPhrases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in weightFiles)
        {
            // VADER reads its lexicon into a dictionary, so of a word listed twice (lol, ok, sob) the last row counts.
            var lastRowWins = file == "en-vader.tsv";
            var rows = LexiconResources.Rows(file);
            if (lastRowWins) rows = rows.Reverse().DistinctBy(r => LexiconResources.FoldTerm(r[0])).Reverse();
            foreach (var row in rows)
            {
                var term = LexiconResources.FoldTerm(row[0]);
                var weight = LexiconResources.Number(file, row[1]);
                if (term.Length == 0) continue;
                if (term.Contains(' '))
                {
                    if (!seenPhrases.Add(term)) continue;
                    var parts = term.Split(' ');
                    if (!phrases.TryGetValue(parts[0], out var list)) phrases[parts[0]] = list = [];
                    list.Add(new Phrase(term, parts, weight));
                }
                else
                {
                    words.TryAdd(term, weight); // earlier files win: hand-made weights over learned ones
                    if (vocabularyFiles.Contains(file)) vocabulary.Add(term);
                }
            }
        }
        var modifiers = new Dictionary<string, Modifier>(StringComparer.Ordinal);
        foreach (var modifierFile in modifierFiles)
        foreach (var row in LexiconResources.Rows(modifierFile))
        {
            var kind = row[1] switch
            {
                "negator" => ModifierKind.Negator,
                "intensifier" => ModifierKind.Intensifier,
                "contrast" => ModifierKind.Contrast,
                "boundary" => ModifierKind.Boundary,
                _ => throw new InvalidDataException($"{modifierFile}: unknown modifier kind \"{row[1]}\""),
            };
            var value = row.Length > 2 ? LexiconResources.Number(modifierFile, row[2]) : 0;
            modifiers[LexiconResources.FoldTerm(row[0])] = new Modifier(kind, value);
        }
        return new SentimentLexicon(words, vocabulary, phrases, modifiers);
    }
}
