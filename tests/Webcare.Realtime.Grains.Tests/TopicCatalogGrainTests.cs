using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class TopicCatalogGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Starts_from_configuration_and_versions_every_change()
    {
        var grain = fixture.Grains.GetGrain<ITopicCatalogGrain>("tenant-" + Guid.NewGuid());
        var initial = await grain.GetAsync();
        Assert.Equal(0, initial.Version);
        Assert.Equal(ClusterFixture.SeedTopics.Select(t => t.Name), initial.Topics.Select(t => t.Name));

        var changed = await grain.SetAsync([new TopicDefinition("datalek", "datalek OR privacy")]);
        Assert.Equal(1, changed.Version);
        Assert.Equal("datalek", Assert.Single((await grain.GetAsync()).Topics).Name);
    }

    [Theory]
    [InlineData("", "wacht*", "name")]
    [InlineData("leeg", "   ", "empty")]
    [InlineData("open", "\"niet gesloten", "topic 'open': at position 1: expected a closing '\"'")]
    [InlineData("alleen-niet", "NOT spam", "something to match besides NOT")]
    public async Task Refuses_a_topic_that_cannot_work(string name, string query, string expected)
    {
        var grain = fixture.Grains.GetGrain<ITopicCatalogGrain>("tenant-" + Guid.NewGuid());
        var error = await Assert.ThrowsAsync<ArgumentException>(() => grain.SetAsync([new TopicDefinition(name, query)]));
        Assert.Contains(expected, error.Message);
        Assert.Equal(0, (await grain.GetAsync()).Version);
    }

    [Fact]
    public async Task Refuses_two_topics_with_the_same_name()
    {
        var grain = fixture.Grains.GetGrain<ITopicCatalogGrain>("tenant-" + Guid.NewGuid());
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            grain.SetAsync([new TopicDefinition("SEH", "seh"), new TopicDefinition("seh", "spoed")]));
        Assert.Contains("twice", error.Message);
    }
}

public sealed class TopicLimitTests
{
    private static readonly TopicOptions Limits = new() { MaxTopics = 3, MaxQueryLength = 50, MaxTerms = 4 };

    [Fact]
    public void Too_many_topics_too_long_or_too_complex_queries_are_refused_with_the_limit()
    {
        Assert.Contains("at most 3", Assert.Throws<TopicValidationException>(() => TopicCatalogGrain.Validate(
            [.. Enumerable.Range(0, 4).Select(i => new TopicDefinition($"t{i}", "x"))], Limits)).Message);
        Assert.Contains("limit is 50", Assert.Throws<TopicValidationException>(() => TopicCatalogGrain.Validate(
            [new TopicDefinition("lang", new string('a', 51))], Limits)).Message);
        Assert.Contains("limit is 4", Assert.Throws<TopicValidationException>(() => TopicCatalogGrain.Validate(
            [new TopicDefinition("veel", "a, b, c, d, e")], Limits)).Message);
        Assert.Contains("without '/'", Assert.Throws<TopicValidationException>(() => TopicCatalogGrain.Validate(
            [new TopicDefinition("a/b", "x")], Limits)).Message);
        Assert.Contains("5 terms; the limit is 4", Assert.Throws<TopicValidationException>(() => TopicCatalogGrain.Validate(
            [new TopicDefinition("veel", "(a b) NOT (c OR d) e")], Limits)).Message);
        Assert.Single(TopicCatalogGrain.Validate([new TopicDefinition("ok", "a, b, c, d")], Limits));
    }

    [Fact]
    public void A_query_that_does_not_parse_is_refused_with_the_topic_and_the_position()
    {
        var error = Assert.Throws<TopicValidationException>(() => TopicCatalogGrain.Validate(
            [new TopicDefinition("goed", "wacht*"), new TopicDefinition("fout", "seh NEAR/3")], Limits));

        Assert.Equal("fout", error.Topic);
        Assert.Equal(11, error.Query?.Position);
        Assert.StartsWith("topic 'fout': at position 11: expected a word", error.Message);
    }
}
