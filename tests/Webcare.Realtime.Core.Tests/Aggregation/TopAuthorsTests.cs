using Webcare.Realtime.Core.Aggregation;

namespace Webcare.Realtime.Core.Tests.Aggregation;

public sealed class TopAuthorsTests
{
    [Fact]
    public void Top_IsOrderedByFollowersThenMentionsThenHandle()
    {
        var authors = new TopAuthors();
        authors.Add("b", 100);
        authors.Add("a", 100);
        authors.Add("c", 100);
        authors.Add("c", 100);
        authors.Add("d", 5_000);
        authors.Add("e", 1);

        AuthorReach[] expected =
            [new("d", 5_000, 1), new("c", 100, 2), new("a", 100, 1), new("b", 100, 1), new("e", 1, 1)];
        Assert.Equal(expected, authors.Top().ToArray());
    }

    [Fact]
    public void SameHandle_IgnoringCase_IsOneAuthorWithItsLargestFollowerCount()
    {
        var authors = new TopAuthors();
        authors.Add("ZorgNL", 100);
        authors.Add("zorgnl", 250);
        authors.Add("ZORGNL", 90);

        var only = Assert.Single(authors.Top());
        Assert.Equal("zorgnl", only.Handle, ignoreCase: true);
        Assert.Equal(250, only.Followers);
        Assert.Equal(3, only.Mentions);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10)]
    public void Top_ReturnsAtMostKeep(int keep)
    {
        var authors = new TopAuthors(keep);
        for (var i = 0; i < 100; i++) authors.Add($"a{i}", i);

        var top = authors.Top();

        Assert.Equal(keep, top.Length);
        Assert.Equal(Enumerable.Range(0, keep).Select(i => 99L - i), top.Select(a => a.Followers));
    }

    [Theory]
    [InlineData(0)] // the largest arrives first
    [InlineData(5_000)]
    [InlineData(9_999)] // the largest arrives last
    public void TenThousandDistinctAuthors_KeepTheLargest(int largestAt)
    {
        // Distinct, scattered follower counts: (i * 7919) mod 10007 is a permutation of 0 .. 10006.
        long Followers(int i) => i == largestAt ? 1_000_000 : (i * 7919L) % 10_007;
        var authors = new TopAuthors();
        for (var i = 0; i < 10_000; i++) authors.Add($"author{i}", Followers(i));

        var top = authors.Top();

        Assert.Equal(10, top.Length);
        Assert.Equal(new AuthorReach($"author{largestAt}", 1_000_000, 1), top[0]);
        var expected = Enumerable.Range(0, 10_000).OrderByDescending(Followers).Take(10)
            .Select(i => new AuthorReach($"author{i}", Followers(i), 1));
        Assert.Equal(expected, top);
    }

    [Fact]
    public void FrequentAuthor_KeepsCountingWhileAmongTheLargest()
    {
        var authors = new TopAuthors();
        for (var i = 0; i < 1_000; i++)
        {
            authors.Add($"once{i}", 1);
            authors.Add("vaak", 10);
        }

        var vaak = authors.Top().Single(a => a.Handle == "vaak");
        Assert.Equal(1_000, vaak.Mentions);
    }

    [Fact]
    public void Empty_HasNoTop()
    {
        Assert.Empty(new TopAuthors().Top());
    }
}
