using Webcare.Realtime.Core.Analysis;

namespace Webcare.Realtime.Core.Tests.Analysis;

public sealed class SentimentLexiconTests
{
    [Fact]
    public void EveryLexiconFile_IsEmbedded()
    {
        var names = LexiconResources.Names().ToHashSet();

        foreach (var file in new[]
                 {
                     "nl-lexicon.tsv", "nl-learned.tsv", "nl-modifiers.tsv", "en-lexicon.tsv", "en-vader.tsv", "en-modifiers.tsv",
                     "emoji.tsv", "language-stopwords.tsv", "language-trigrams.tsv",
                 })
            Assert.Contains(file, names);
    }

    [Fact]
    public void Lexicons_LoadWithTheirEntries()
    {
        Assert.True(SentimentLexicon.Dutch.Words.Count > 1_000, $"{SentimentLexicon.Dutch.Words.Count} Dutch words");
        Assert.True(SentimentLexicon.English.Words.Count > 5_000, $"{SentimentLexicon.English.Words.Count} English words");
        Assert.True(SentimentLexicon.Dutch.PhraseCount > 30);
        Assert.True(SentimentLexicon.Dutch.ModifierCount > 30);
        Assert.True(SentimentLexicon.English.ModifierCount > 30);
        Assert.True(EmojiLexicon.Weights.Count > 50);
        Assert.True(LanguageDetector.StopWordCount > 200);
        Assert.True(LanguageDetector.TrigramCount > 30);
    }

    [Fact]
    public void HandMadeWeights_WinOverLearnedOnes()
    {
        Assert.True(SentimentLexicon.Dutch.TryWord("topzorg", out var topzorg));
        Assert.Equal(3, topzorg);
        Assert.True(SentimentLexicon.Dutch.TryWord("slecht", out var slecht));
        Assert.Equal(-2, slecht);
    }

    [Fact]
    public void In_a_text_of_unknown_language_human_ratings_win_over_learned_weights()
    {
        // "respect" and "fan": learned in nl-learned.tsv (0.52, −0.78) and rated by VADER's raters (2.1, 1.3).
        foreach (var word in new[] { "respect", "fan" })
        {
            Assert.True(SentimentLexicon.English.TryWord(word, out var human));
            Assert.True(SentimentLexicon.Dutch.TryWord(word, out var learned));
            Assert.NotEqual(human, learned);
            Assert.True(SentimentLexicon.Mixed.TryWord(word, out var mixed));
            Assert.Equal(human, mixed);
        }
        // Hand-made lists still come first: the Dutch "top" (2) over VADER's (0.8).
        Assert.True(SentimentLexicon.Mixed.TryWord("top", out var top));
        Assert.Equal(2, top);
        // A learned word VADER does not rate keeps its learned weight.
        Assert.True(SentimentLexicon.Dutch.TryWord("achterkant", out var achterkant));
        Assert.True(SentimentLexicon.Mixed.TryWord("achterkant", out var mixedAchterkant));
        Assert.Equal(achterkant, mixedAchterkant);
    }

    [Fact]
    public void Weights_StayOnTheMinusFourToFourScale()
    {
        foreach (var lexicon in new[] { SentimentLexicon.Dutch, SentimentLexicon.English })
        foreach (var (word, weight) in lexicon.Words)
            Assert.True(weight is >= -4 and <= 4, $"{word} = {weight}");
    }

    [Fact]
    public void Negators_AreModifiers_NotWords()
    {
        foreach (var word in new[] { "niet", "geen", "nooit", "niks", "nergens", "allerminst" })
        {
            Assert.True(SentimentLexicon.Dutch.TryModifier(word, out var modifier), word);
            Assert.Equal(ModifierKind.Negator, modifier.Kind);
        }
        foreach (var word in new[] { "not", "no", "never", "don't" })
        {
            Assert.True(SentimentLexicon.English.TryModifier(word, out var modifier), word);
            Assert.Equal(ModifierKind.Negator, modifier.Kind);
        }
    }
}
