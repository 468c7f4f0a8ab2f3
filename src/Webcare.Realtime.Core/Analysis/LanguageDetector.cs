using System.Collections.Frozen;

namespace Webcare.Realtime.Core.Analysis;

/// <summary>
/// Tells Dutch, English and anything else apart on texts as short as a tweet. Votes per word: a stop word
/// of a language counts most, a word only one language's sentiment lexicon knows counts less, and the
/// character trigram profile (word edges marked with ^ and $) decides words neither list knows. Handles,
/// URLs, numbers and emoji do not vote. Too little evidence is <see cref="TextLanguage.Other"/>.
/// </summary>
public sealed class LanguageDetector
{
    private const double StopWordVote = 1.0;
    private const double LexiconVote = 0.5;
    private const double TrigramVote = 0.6;
    private const double MinimumVotes = 0.5;

    private static readonly FrozenDictionary<string, TextLanguage> StopWords = LexiconResources.Rows("language-stopwords.tsv")
        .ToFrozenDictionary(r => TextFolding.Fold(r[0]), r => Parse(r[1]), StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, (double Dutch, double English)> Trigrams = LexiconResources.Rows("language-trigrams.tsv")
        .ToFrozenDictionary(r => r[0], r => (LexiconResources.Number("language-trigrams.tsv", r[1]), LexiconResources.Number("language-trigrams.tsv", r[2])), StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, TextLanguage>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup =
        StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenDictionary<string, (double Dutch, double English)>.AlternateLookup<ReadOnlySpan<char>> TrigramLookup =
        Trigrams.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly LanguageDetector Instance = new();

    internal static int StopWordCount => StopWords.Count;

    internal static bool IsStopWord(string word) => StopWords.ContainsKey(word);
    internal static int TrigramCount => Trigrams.Count;

    public TextLanguage Detect(string text)
    {
        if (string.IsNullOrEmpty(text)) return TextLanguage.Other;
        using var tokens = TextTokens.Read(text);
        return Detect(tokens.Folded, tokens.Tokens);
    }

    internal static TextLanguage Detect(ReadOnlySpan<char> folded, ReadOnlySpan<SentimentToken> tokens)
    {
        double dutch = 0, english = 0, other = 0;
        foreach (var token in tokens)
        {
            if (!Votes(token)) continue;
            var word = token.Text(folded);
            // A hashtag is often a name or a compound: it votes, but at half weight.
            var scale = token.Kind == SentimentTokenKind.Hashtag ? 0.5 : 1.0;
            if (StopWordLookup.TryGetValue(word, out var language))
            {
                switch (language)
                {
                    case TextLanguage.Dutch: dutch += StopWordVote * scale; break;
                    case TextLanguage.English: english += StopWordVote * scale; break;
                    default: other += StopWordVote * scale; break;
                }
                continue;
            }
            var inDutch = SentimentLexicon.Dutch.InVocabulary(word);
            if (inDutch != SentimentLexicon.English.InVocabulary(word))
            {
                if (inDutch) dutch += LexiconVote * scale;
                else english += LexiconVote * scale;
            }
        }
        // Trigrams cost a lookup per letter: only texts the word lists leave open pay for them.
        if (!Decided(dutch, english, other)) AddTrigramVotes(folded, tokens, ref dutch, ref english);
        var best = Math.Max(dutch, Math.Max(english, other));
        if (best < MinimumVotes || other >= best) return TextLanguage.Other;
        // A tie goes to Dutch: it is the monitor's main language.
        return dutch >= english ? TextLanguage.Dutch : TextLanguage.English;
    }

    private static bool Votes(SentimentToken token) => token.IsWord && (token.Flags & SentimentTokenFlags.Number) == 0;

    private static bool Decided(double dutch, double english, double other)
    {
        var best = Math.Max(dutch, Math.Max(english, other));
        var second = dutch + english + other - best - Math.Min(dutch, Math.Min(english, other));
        return best >= 2 && best - second >= 1.5;
    }

    private static void AddTrigramVotes(ReadOnlySpan<char> folded, ReadOnlySpan<SentimentToken> tokens, ref double dutch, ref double english)
    {
        Span<char> padded = stackalloc char[66];
        foreach (var token in tokens)
        {
            if (!Votes(token)) continue;
            var word = token.Text(folded);
            if (word.Length < 2 || word.Length > 64 || StopWordLookup.ContainsKey(word)) continue;
            if (SentimentLexicon.Dutch.InVocabulary(word) != SentimentLexicon.English.InVocabulary(word)) continue;
            var scale = token.Kind == SentimentTokenKind.Hashtag ? 0.5 : 1.0;
            padded[0] = '^';
            word.CopyTo(padded[1..]);
            padded[word.Length + 1] = '$';
            var span = padded[..(word.Length + 2)];
            double d = 0, e = 0;
            for (var k = 0; k + 3 <= span.Length; k++)
            {
                if (!TrigramLookup.TryGetValue(span.Slice(k, 3), out var weights)) continue;
                d += weights.Dutch;
                e += weights.English;
            }
            dutch += TrigramVote * scale * d / word.Length;
            english += TrigramVote * scale * e / word.Length;
        }
    }

    private static TextLanguage Parse(string code) => code switch
    {
        "nl" => TextLanguage.Dutch,
        "en" => TextLanguage.English,
        "other" => TextLanguage.Other,
        _ => throw new InvalidDataException($"language-stopwords.tsv: unknown language \"{code}\""),
    };
}
