using Webcare.Realtime.Core.Analysis;

namespace Webcare.Realtime.Core.Tests.Analysis;

public sealed class SentimentTokenizerTests
{
    private static List<(string Text, SentimentTokenKind Kind, SentimentTokenFlags Flags)> Tokens(string text)
    {
        var folded = new char[text.Length];
        var tokens = new SentimentToken[text.Length];
        var n = SentimentTokenizer.Tokenize(text, folded, tokens);
        return tokens.Take(n).Select(t => (new string(folded, t.Start, t.Length), t.Kind, t.Flags)).ToList();
    }

    [Fact]
    public void Tokenize_SplitsWordsHashtagsEmojiAndBreaks()
    {
        var tokens = Tokens("Héél BOOS!! @umc #Fail, zóóóó'n gedoe 😡 :) https://t.co/x");

        Assert.Equal(
            [
                ("heel", SentimentTokenKind.Word, SentimentTokenFlags.None),
                ("boos", SentimentTokenKind.Word, SentimentTokenFlags.AllCaps | SentimentTokenFlags.Upper),
                ("", SentimentTokenKind.Exclamation, SentimentTokenFlags.None),
                ("", SentimentTokenKind.Exclamation, SentimentTokenFlags.None),
                ("fail", SentimentTokenKind.Hashtag, SentimentTokenFlags.None),
                ("", SentimentTokenKind.Break, SentimentTokenFlags.None),
                ("zoo'n", SentimentTokenKind.Word, SentimentTokenFlags.Elongated),
                ("gedoe", SentimentTokenKind.Word, SentimentTokenFlags.None),
                ("😡", SentimentTokenKind.Emoji, SentimentTokenFlags.None),
                (":)", SentimentTokenKind.Emoji, SentimentTokenFlags.None),
            ],
            tokens);
    }

    [Theory]
    [InlineData("thx :-)) bye", ":-))")]
    [InlineData("@x :-* ok", ":-*")]
    [InlineData(">:( nee", ">:(")]
    [InlineData(":O wat", ":o")]
    [InlineData("top :D", ":d")]
    public void Tokenize_ReadsEveryEmoticonOfTheLexiconWhole(string text, string emoticon)
    {
        Assert.Single(Tokens(text), t => t.Kind == SentimentTokenKind.Emoji && t.Text == emoticon);
    }

    [Fact]
    public void Tokenize_ReadsNoEmoticonInsideTimesOrBeforeLetters()
    {
        Assert.DoesNotContain(Tokens("om 10:30 :3 uur, :ok =de"), t => t.Kind == SentimentTokenKind.Emoji && t.Text != ":3");
    }

    [Fact]
    public void Tokenize_StopsWhenTheTokenBufferIsFull()
    {
        var text = "een twee drie vier";
        var tokens = new SentimentToken[2];

        Assert.Equal(2, SentimentTokenizer.Tokenize(text, new char[text.Length], tokens));
    }
}
