using System.Collections.Frozen;

namespace Webcare.Realtime.Core.Analysis;

/// <summary>
/// How an English text's words shape each other, by VADER's published rules (Hutto &amp; Gilbert 2014, and the
/// vaderSentiment implementation the npm baseline ports), on the shared tokens; the word weights are VADER's own
/// (<c>en-vader.tsv</c>). Positions count words and emoji only, as VADER's whitespace words do, so a comma does
/// not end a negation's reach. For each opinion word:
/// <list type="bullet">
/// <item>a booster or dampener up to three words before it adds ±0.293 in the word's direction, times 1, 0.95 or
/// 0.9 by distance, plus 0.733 when the booster itself is in capitals in a text that mixes case; booster words
/// never score themselves, nor does "kind" before "of";</item>
/// <item>a negator (or any word with n't) one, two or three words before it multiplies it by −0.74, once per
/// negator; "never so"/"never this" strengthens (×1.25) instead, and "without doubt" does nothing;</item>
/// <item>"no" right before an opinion word is no opinion itself and negates up to two words on (three across
/// "or"/"nor"); "least" before a word negates it, except in "at least" and "very least";</item>
/// <item>capitals add 0.733 when the text mixes case; the first "but" halves what comes before it and adds half
/// to what follows (in <see cref="RuleSentimentScorer"/>'s final sum), where exclamation marks (up to four, 0.292
/// each) and two or more question marks (0.18 each, 0.96 from four on) add emphasis.</item>
/// </list>
/// A word right before an opinion word that is itself in the lexicon is neither booster nor negator for it (as in
/// VADER). Kept from the project's own rules, on purpose: phrases (VADER's idiom special cases are phrases in
/// en-lexicon.tsv, wherever they stand), emoji weights (emoticons are not shaped by negation, boosters or capitals),
/// elongation and "no no no" as emphasis; a hashtag is its word, as in VADER. VaderConformanceTests holds the reading
/// to the authors' implementation text by text and names each deliberate difference.
/// </summary>
internal static class VaderRules
{
    public const double NegationScalar = -0.74;
    public const double CapsIncrement = 0.733;
    private const double NeverSoFactor = 1.25;
    private const double QuestionStep = 0.18;
    private const double ManyQuestions = 0.96;
    private const string FileName = "en-vader-rules.tsv";

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Negators;
    private static readonly FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> Boosters;
    private static readonly FrozenDictionary<string, double> TwoWordBoosters;

    static VaderRules()
    {
        var negators = new HashSet<string>(StringComparer.Ordinal);
        var boosters = new Dictionary<string, double>(StringComparer.Ordinal);
        var twoWord = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var row in LexiconResources.Rows(FileName))
        {
            var term = LexiconResources.FoldTerm(row[0]);
            switch (row[1])
            {
                case "negator": negators.Add(term); break;
                case "booster" when row.Length > 2:
                    (term.Contains(' ') ? twoWord : boosters)[term] = LexiconResources.Number(FileName, row[2]);
                    break;
                default: throw new InvalidDataException($"{FileName}: \"{string.Join('\t', row)}\" is not a negator or a booster with its value");
            }
        }
        Negators = negators.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        Boosters = boosters.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        TwoWordBoosters = twoWord.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The question marks' emphasis: none for one, 0.18 each for two or three, 0.96 from four on.</summary>
    public static double QuestionEmphasis(int questionMarks) =>
        questionMarks <= 1 ? 0 : questionMarks <= 3 ? questionMarks * QuestionStep : ManyQuestions;

    public static bool IsNegator(ReadOnlySpan<char> word) => Negators.Contains(word) || word.EndsWith("n't");

    public static bool IsBooster(ReadOnlySpan<char> word, out double increment) => Boosters.TryGetValue(word, out increment);

    /// <summary>Whether two words form a two-word booster ("kind of"), and its increment.</summary>
    public static bool IsBooster(ReadOnlySpan<char> first, ReadOnlySpan<char> second, out double increment)
    {
        increment = 0;
        if (first.IsEmpty || second.IsEmpty || first.Length + second.Length > 30) return false;
        Span<char> pair = stackalloc char[first.Length + second.Length + 1];
        first.CopyTo(pair);
        pair[first.Length] = ' ';
        second.CopyTo(pair[(first.Length + 1)..]);
        return TwoWordBoosters.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(pair, out increment);
    }

    /// <summary>The boosters' and negators' effect on the weight <paramref name="valence"/> of the opinion word at position <paramref name="p"/>.</summary>
    public static double Shape(double valence, int p, in VaderWords word, bool capDiff, ref SentimentRules rules)
    {
        for (var distance = 1; distance <= 3 && p - distance >= 0; distance++)
        {
            var before = word[p - distance];
            if (word.InLexicon(before)) continue;
            if (IsBooster(before, out var increment))
            {
                var step = valence < 0 ? -increment : increment;
                if (capDiff && word.IsCaps(p - distance)) step += valence > 0 ? CapsIncrement : -CapsIncrement;
                step *= distance switch { 1 => 1, 2 => 0.95, _ => 0.9 };
                valence += step;
                rules |= increment > 0 ? SentimentRules.Intensified : SentimentRules.Softened;
            }
            valence = Negation(valence, p, distance, word, ref rules);
            if (distance == 3)
            {
                // Two-word dampeners ("kind of", "sort of") right before the word or one word before that.
                if (IsBooster(word[p - 2], word[p - 1], out var dampen) || IsBooster(word[p - 3], word[p - 2], out dampen))
                {
                    valence += dampen;
                    rules |= SentimentRules.Softened;
                }
            }
        }
        var least = p >= 1 && word[p - 1].SequenceEqual("least") && !word.InLexicon("least");
        if (least && (p == 1 || !(word[p - 2].SequenceEqual("at") || word[p - 2].SequenceEqual("very"))))
        {
            valence *= NegationScalar;
            rules |= SentimentRules.Negated;
        }
        return valence;
    }

    private static double Negation(double valence, int p, int distance, in VaderWords word, ref SentimentRules rules)
    {
        var w1 = word[p - 1];
        switch (distance)
        {
            case 1:
                return Negate(valence, IsNegator(w1), ref rules);
            case 2:
            {
                var w2 = word[p - 2];
                if (w2.SequenceEqual("never") && IsSoOrThis(w1)) return valence * NeverSoFactor;
                if (w2.SequenceEqual("without") && w1.SequenceEqual("doubt")) return valence;
                return Negate(valence, IsNegator(w2), ref rules);
            }
            default:
            {
                var w2 = word[p - 2];
                var w3 = word[p - 3];
                // As VADER has it: "so"/"this" right before the word also strengthens at this distance.
                if ((w3.SequenceEqual("never") && IsSoOrThis(w2)) || IsSoOrThis(w1)) return valence * NeverSoFactor;
                if (w3.SequenceEqual("without") && (w2.SequenceEqual("doubt") || w1.SequenceEqual("doubt"))) return valence;
                return Negate(valence, IsNegator(w3), ref rules);
            }
        }
    }

    private static double Negate(double valence, bool negated, ref SentimentRules rules)
    {
        if (!negated) return valence;
        rules |= SentimentRules.Negated;
        return valence * NegationScalar;
    }

    private static bool IsSoOrThis(ReadOnlySpan<char> word) => word.SequenceEqual("so") || word.SequenceEqual("this");

}

/// <summary>An English text as VADER counts it: its words and emoji by position (breaks and '!' are not positions).</summary>
internal readonly ref struct VaderWords
{
    private readonly ReadOnlySpan<char> _folded;
    private readonly ReadOnlySpan<SentimentToken> _tokens;
    private readonly ReadOnlySpan<int> _positions;
    private readonly SentimentLexicon _lexicon;

    public VaderWords(ReadOnlySpan<char> folded, ReadOnlySpan<SentimentToken> tokens, ReadOnlySpan<int> positions, SentimentLexicon lexicon)
    {
        _folded = folded;
        _tokens = tokens;
        _positions = positions;
        _lexicon = lexicon;
    }

    public SentimentToken Token(int position) => _tokens[_positions[position]];

    /// <summary>The folded word at a position; empty for an emoji or a position outside the text.</summary>
    public ReadOnlySpan<char> this[int position] =>
        position < 0 || position >= _positions.Length || !_tokens[_positions[position]].IsWord ? default : _tokens[_positions[position]].Text(_folded);

    public bool IsCaps(int position) => position >= 0 && position < _positions.Length && (_tokens[_positions[position]].Flags & SentimentTokenFlags.AllCaps) != 0;

    public bool InLexicon(ReadOnlySpan<char> word) => !word.IsEmpty && _lexicon.TryWord(word, out _);
}
