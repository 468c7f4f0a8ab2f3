using Webcare.Realtime.Core.Analysis;

namespace Webcare.Realtime.Core.Tests.Analysis;

public sealed class WordTokenizerTests
{
    [Theory]
    [InlineData("", new string[0])]
    [InlineData("   \t\n ", new string[0])]
    [InlineData("!?.,;:-()[]{}", new string[0])]
    [InlineData("Lange wachttijd", new[] { "lange", "wachttijd" })]
    [InlineData("#wachttijd", new[] { "wachttijd" })]
    [InlineData("@ZorgNL #SEH", new[] { "zorgnl", "seh" })]
    [InlineData("##dubbel @@twee", new[] { "dubbel", "twee" })]
    [InlineData("don't", new[] { "don't" })]
    [InlineData("zo'n", new[] { "zo'n" })]
    [InlineData("zo’n", new[] { "zo'n" })] // the typographic apostrophe is read as '
    [InlineData("Auto's en foto's", new[] { "auto's", "en", "foto's" })]
    [InlineData("'quoted' words'", new[] { "quoted", "words" })] // quotes around a word are not part of it
    [InlineData("rock 'n' roll", new[] { "rock", "n", "roll" })]
    [InlineData("it's'", new[] { "it's" })]
    [InlineData("a''b", new[] { "a", "b" })]
    [InlineData("'s Avonds", new[] { "s", "avonds" })]
    [InlineData("Café ZIEKENHUIS", new[] { "cafe", "ziekenhuis" })]
    [InlineData("Bel 112 of 0800-1234", new[] { "bel", "112", "of", "0800", "1234" })]
    [InlineData("2e keer", new[] { "2e", "keer" })]
    [InlineData("wacht-tijd", new[] { "wacht", "tijd" })]
    [InlineData("e-mail", new[] { "e", "mail" })]
    [InlineData("ziekenhuis,wachttijd!!ja", new[] { "ziekenhuis", "wachttijd", "ja" })]
    [InlineData("regel1\nregel2\r\nregel3", new[] { "regel1", "regel2", "regel3" })]
    public void Tokenize(string text, string[] expected)
    {
        Assert.Equal(expected, WordTokenizer.Tokenize(text));
    }

    [Fact]
    public void Urls_AreSplitIntoTheirWords()
    {
        Assert.Equal(
            ["https", "www", "zorg", "nl", "wacht", "tijden", "q", "seh", "1"],
            WordTokenizer.Tokenize("https://www.zorg.nl/wacht-tijden?q=seh#1"));
    }

    [Theory]
    [InlineData("top 👍👍 zorg", new[] { "top", "zorg" })]
    [InlineData("zorg👍top", new[] { "zorg", "top" })]
    [InlineData("😡😡😡", new string[0])]
    [InlineData("boos 😡", new[] { "boos" })]
    [InlineData("❤️ bedankt", new[] { "bedankt" })]
    [InlineData("👨‍⚕️dokter", new[] { "dokter" })] // a ZWJ sequence
    public void Emoji_AreDropped(string text, string[] expected)
    {
        Assert.Equal(expected, WordTokenizer.Tokenize(text));
    }

    [Fact]
    public void Tokens_OfUpTo64Chars_AreKept_LongerOnesDropped()
    {
        var max = new string('a', 64);
        var over = new string('b', 65);
        var far = new string('c', 10_000);

        Assert.Equal([max], WordTokenizer.Tokenize(max));
        Assert.Empty(WordTokenizer.Tokenize(over));
        Assert.Equal(["voor", max, "na"], WordTokenizer.Tokenize($"voor {max} {over} {far} na"));
        Assert.Equal(["x", "y"], WordTokenizer.Tokenize($"x {over}.y"));
    }

    [Fact]
    public void LongTokenWithAnApostrophe_CountsTheApostropheTowardsTheLimit()
    {
        Assert.Equal([new string('a', 62) + "'s"], WordTokenizer.Tokenize(new string('a', 62) + "'s"));
        Assert.Empty(WordTokenizer.Tokenize(new string('a', 63) + "'s"));
    }

    [Fact]
    public void NonLatinScripts_AreWords()
    {
        Assert.Equal(["ωμέγα", "привет", "مرحبا"], WordTokenizer.Tokenize("Ωμέγα ПРИВЕТ مرحبا"));
    }

    [Fact]
    public void CombiningMarks_SplitTheWord()
    {
        // "cafe" + COMBINING ACUTE ACCENT (decomposed é): the mark is not a letter, so the word ends there.
        Assert.Equal(["cafe", "x"], WordTokenizer.Tokenize("cafe\u0301 x"));
    }
}
