using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Webcare;

namespace Webcare.Realtime.Core.Tests.Webcare;

public sealed class OwnAccountsTests
{
    [Theory]
    [InlineData("twitter:@ZiekenhuisX", "twitter", "ziekenhuisx")]
    [InlineData(" Twitter : ziekenhuisx ", "twitter", "ziekenhuisx")]
    [InlineData("facebook:ZiekenhuisX", "facebook", "ziekenhuisx")]
    public void Parses_source_and_handle_ignoring_case_and_at(string text, string source, string handle)
    {
        var account = OwnAccount.Parse(text);
        Assert.Equal(source, account.Source);
        Assert.Equal(handle, account.Handle);
    }

    [Theory]
    [InlineData("ziekenhuisx")]
    [InlineData("twitter:")]
    [InlineData(":@x")]
    [InlineData("twit ter:@x")]
    [InlineData("twitter:@")]
    public void Refuses_entries_that_are_not_source_and_handle(string text)
    {
        var error = Assert.Throws<FormatException>(() => OwnAccount.Parse(text));
        Assert.Contains(text, error.Message);
    }

    [Fact]
    public void Recognises_the_organisations_own_mentions_per_source()
    {
        var own = OwnAccounts.Parse(["twitter:@ZiekenhuisX", "facebook:ziekenhuisx.nl"]);
        Assert.True(own.IsOwn(Written("twitter", "@ziekenhuisx")));
        Assert.True(own.IsOwn(Written("twitter", "ZIEKENHUISX")));
        Assert.True(own.IsOwn(Written("facebook", "ZiekenhuisX.nl")));
        Assert.False(own.IsOwn(Written("instagram", "ziekenhuisx")));
        Assert.False(own.IsOwn(Written("twitter", "ziekenhuisx_fan")));
        Assert.False(own.IsOwn(new Mention("twitter", "1", DateTimeOffset.UnixEpoch, "zonder auteur")));
        Assert.False(OwnAccounts.None.IsOwn(Written("twitter", "ziekenhuisx")));
    }

    private static Mention Written(string source, string handle) =>
        new(source, "1", DateTimeOffset.UnixEpoch, "tekst") { Author = new Author(handle, null, 10) };
}
