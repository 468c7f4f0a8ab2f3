using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Analysis.Topics;
using Webcare.Realtime.Core.Demo;
using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Core.Tests.Demo;

/// <summary>One generated day shared by the tests that only read it; generating it takes a moment.</summary>
public sealed class DemoDayFixture
{
    /// <summary>A Tuesday, midnight UTC: 01:00 in the feed's approximation of Amsterdam.</summary>
    public static readonly DateTimeOffset Midnight = new(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);

    public DemoFeed Feed { get; } = new(new DemoFeedOptions());

    public IReadOnlyList<Mention> Day { get; }

    public DemoDayFixture() => Day = Feed.Generate(Midnight, Midnight.AddDays(1));
}

public sealed class DemoFeedTests(DemoDayFixture fixture) : IClassFixture<DemoDayFixture>
{
    private static readonly DateTimeOffset Midnight = DemoDayFixture.Midnight;
    private static readonly DemoFeedOptions NoIncidents = new() { IncidentPeriod = null };

    private static DateTimeOffset Local(int hour, int minute = 0) => Midnight.AddHours(hour - 1).AddMinutes(minute);

    [Fact]
    public void Same_options_give_the_same_mentions()
    {
        var from = Local(11);
        var first = new DemoFeed(new DemoFeedOptions()).Generate(from, from.AddMinutes(30));
        var second = new DemoFeed(new DemoFeedOptions()).Generate(from, from.AddMinutes(30));

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_different_seed_gives_different_mentions()
    {
        var from = Local(11);
        var first = new DemoFeed(new DemoFeedOptions { Seed = 1 }).Generate(from, from.AddMinutes(10));
        var second = new DemoFeed(new DemoFeedOptions { Seed = 2 }).Generate(from, from.AddMinutes(10));

        Assert.NotEqual(first.Select(m => m.Text), second.Select(m => m.Text));
    }

    [Fact]
    public void Slices_give_the_same_mentions_as_one_call()
    {
        var feed = new DemoFeed(new DemoFeedOptions());
        // Around an incident so spreading replies and webcare answers cross the slice boundaries.
        var a = Local(13);
        var c = a.AddMinutes(25);
        var whole = feed.Generate(a, c);

        var cuts = new[] { a, a.AddMinutes(3).AddTicks(1234), a.AddMinutes(4), a.AddMinutes(4).AddMilliseconds(1), a.AddMinutes(11.5), a.AddMinutes(19).AddTicks(-1), c };
        var sliced = cuts.Zip(cuts.Skip(1)).SelectMany(cut => feed.Generate(cut.First, cut.Second)).ToList();

        Assert.True(whole.Count > 500, $"only {whole.Count} mentions");
        Assert.Equal(whole, sliced);
    }

    [Fact]
    public void Polling_every_second_gives_the_same_mentions_as_one_call()
    {
        var feed = new DemoFeed(new DemoFeedOptions());
        var from = Local(13, 3);
        var polled = Enumerable.Range(0, 180).SelectMany(s => feed.Generate(from.AddSeconds(s), from.AddSeconds(s + 1))).ToList();

        Assert.Equal(feed.Generate(from, from.AddSeconds(180)), polled);
    }

    [Fact]
    public void Ids_are_unique_and_roots_are_their_own_conversation()
    {
        var day = fixture.Day;

        Assert.Equal(day.Count, day.Select(m => m.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(day.Where(m => !m.IsReply && !m.IsShare), m => Assert.Equal(m.Id, m.ConversationId));
    }

    [Fact]
    public void Mentions_are_ordered_and_inside_the_window()
    {
        var feed = new DemoFeed(new DemoFeedOptions());
        var from = Local(9).AddTicks(4_321);
        var to = from.AddMinutes(20).AddTicks(-77);
        var mentions = feed.Generate(from, to);

        Assert.NotEmpty(mentions);
        Assert.All(mentions, m => Assert.InRange(m.CreatedAt, from, to.AddTicks(-1)));
        for (var i = 1; i < mentions.Count; i++)
        {
            var (previous, current) = (mentions[i - 1], mentions[i]);
            Assert.True(previous.CreatedAt < current.CreatedAt
                || (previous.CreatedAt == current.CreatedAt && string.CompareOrdinal(previous.Id, current.Id) < 0),
                $"{previous.Id} at {previous.CreatedAt:O} before {current.Id} at {current.CreatedAt:O}");
        }
    }

    [Fact]
    public void An_empty_or_reversed_window_gives_nothing()
    {
        var feed = new DemoFeed(new DemoFeedOptions());

        Assert.Empty(feed.Generate(Local(12), Local(12)));
        Assert.Empty(feed.Generate(Local(12), Local(11)));
    }

    [Fact]
    public void Nights_are_much_quieter_than_days()
    {
        var feed = new DemoFeed(NoIncidents);
        var night = feed.Generate(Local(1), Local(5)).Count;
        var day = feed.Generate(Local(10), Local(14)).Count;

        Assert.True(night * 4 < day, $"night {night}, day {day}");
    }

    [Fact]
    public void Daytime_volume_is_about_the_configured_rate()
    {
        var perMinute = new DemoFeed(NoIncidents).Generate(Local(10), Local(14)).Count / 240.0;
        var doubled = new DemoFeed(NoIncidents with { MentionsPerMinute = 60 }).Generate(Local(10), Local(14)).Count / 240.0;

        Assert.InRange(perMinute, 30 * 0.8, 30 * 1.25);
        Assert.InRange(doubled / perMinute, 1.7, 2.3);
    }

    [Fact]
    public void Incidents_multiply_the_organisations_volume_with_mostly_negative_mentions()
    {
        var feed = fixture.Feed;
        var matcher = new TopicMatcher(DemoFeed.DefaultTopics);
        var scorer = RuleSentimentScorer.Instance;
        var incidents = feed.IncidentsBetween(Local(9), Local(21));
        Assert.Equal(24, incidents.Count);

        int during = 0, before = 0, negative = 0;
        foreach (var incident in incidents)
        {
            var length = incident.End - incident.Onset;
            // The quiet stretch before the onset, clear of the previous incident's trailing conversation.
            var baseline = feed.Generate(incident.Onset - length - TimeSpan.FromMinutes(8), incident.Onset - TimeSpan.FromMinutes(8));
            before += baseline.Count(m => matcher.Match(m.Text).Contains(incident.Organisation));
            var window = feed.Generate(incident.Onset, incident.End)
                .Where(m => matcher.Match(m.Text).Contains(incident.Organisation))
                .ToList();
            during += window.Count;
            negative += window.Count(m => scorer.Score(m.Text).Label == SentimentLabel.Negative);
        }

        Assert.True(during >= 4 * before, $"{during} mentions during incidents against {before} before");
        Assert.True(negative >= 0.7 * during, $"{negative} of {during} negative");
    }

    [Fact]
    public void Each_incident_has_a_spreading_conversation_with_many_distinct_authors()
    {
        var feed = fixture.Feed;
        var incidents = feed.IncidentsBetween(Midnight, Midnight.AddDays(1).AddHours(-1));
        Assert.Equal(46, incidents.Count);

        foreach (var incident in incidents)
        {
            var thread = fixture.Day.Where(m => m.Source == incident.Source && m.ConversationId == incident.RootId).ToList();
            var root = Assert.Single(thread, m => m.Id == incident.RootId);
            var crowd = thread.Where(m => m.IsReply || m.IsShare).ToList();

            Assert.Equal(incident.Onset, root.CreatedAt);
            Assert.True(crowd.Select(m => m.Author!.Handle).Distinct().Count() >= 60,
                $"{incident.RootId}: {crowd.Select(m => m.Author!.Handle).Distinct().Count()} distinct authors");
            Assert.All(crowd, m => Assert.Equal(incident.RootId, m.InReplyTo ?? m.SharedFrom));
            Assert.All(crowd, m => Assert.InRange(m.CreatedAt, incident.Onset, incident.End.AddMinutes(5)));
            // It spreads during the incident, not after it.
            Assert.True(crowd.Count(m => m.CreatedAt < incident.End) >= 0.8 * crowd.Count);
        }
    }

    [Fact]
    public void Replies_and_shares_refer_to_earlier_mentions()
    {
        var feed = new DemoFeed(new DemoFeedOptions());
        var start = Local(8);
        // From two hours earlier, so every post a checked mention answers is in the list.
        var mentions = feed.Generate(start.AddHours(-2), start.AddHours(4));
        var seen = new Dictionary<string, Mention>(StringComparer.Ordinal);
        var checkedCount = 0;

        foreach (var mention in mentions)
        {
            if (mention.CreatedAt >= start && (mention.InReplyTo ?? mention.SharedFrom) is { } parent)
            {
                Assert.True(seen.TryGetValue(parent, out var original), $"{mention.Id} refers to unseen {parent}");
                Assert.True(original!.CreatedAt < mention.CreatedAt);
                Assert.Equal(original.Source, mention.Source);
                Assert.Equal(original.ConversationId, mention.ConversationId);
                checkedCount++;
            }
            seen[mention.Id] = mention;
        }

        Assert.True(checkedCount > 1000, $"only {checkedCount} replies and shares");
    }

    [Fact]
    public void Own_accounts_answer_some_conversations_soon_some_late_and_some_never()
    {
        var scorer = RuleSentimentScorer.Instance;
        var ownHandles = OwnHandles();
        var byId = fixture.Day.ToDictionary(m => m.Id);
        var answers = fixture.Day.Where(m => ownHandles.Contains(m.Author!.Handle)).ToList();
        var answered = answers.Select(m => m.InReplyTo).ToHashSet();
        var delays = answers.Where(m => byId.ContainsKey(m.InReplyTo!))
            .Select(m => m.CreatedAt - byId[m.InReplyTo!].CreatedAt)
            .ToList();
        // Early enough in the day that a late answer would still be in it.
        var complaintsOnX = fixture.Day.Where(m => m.Source == "twitter" && !m.IsReply && !m.IsShare
            && m.CreatedAt < Midnight.AddHours(21) && scorer.Score(m.Text).Label == SentimentLabel.Negative).ToList();

        Assert.All(answers, m => Assert.Equal(m.ConversationId, m.InReplyTo));
        Assert.Contains(delays, d => d < TimeSpan.FromMinutes(15));
        Assert.Contains(delays, d => d > TimeSpan.FromMinutes(40));
        Assert.Contains(complaintsOnX, m => answered.Contains(m.Id));
        Assert.Contains(complaintsOnX, m => !answered.Contains(m.Id));
    }

    [Fact]
    public void Without_own_replies_the_rest_of_the_stream_is_unchanged()
    {
        var from = Local(12);
        var withAnswers = new DemoFeed(new DemoFeedOptions()).Generate(from, from.AddHours(1));
        var without = new DemoFeed(new DemoFeedOptions { IncludeOwnReplies = false }).Generate(from, from.AddHours(1));
        var ownHandles = OwnHandles();

        Assert.Contains(withAnswers, m => ownHandles.Contains(m.Author!.Handle));
        Assert.DoesNotContain(without, m => ownHandles.Contains(m.Author!.Handle));
        Assert.Equal(withAnswers.Where(m => !ownHandles.Contains(m.Author!.Handle)), without);
    }

    [Fact]
    public void The_incident_schedule_alternates_kinds_a_few_minutes_after_each_half_hour()
    {
        var feed = fixture.Feed;
        var incidents = feed.IncidentsBetween(Local(12), Local(14));

        Assert.Equal([4, 34, 4, 34], incidents.Select(i => i.Onset.Minute));
        Assert.All(incidents, i => Assert.Equal(TimeSpan.FromMinutes(8), i.End - i.Onset));
        Assert.Equal(
            [DemoIncidentKind.DataLeak, DemoIncidentKind.EmergencyDepartmentClosed, DemoIncidentKind.DataLeak, DemoIncidentKind.EmergencyDepartmentClosed],
            incidents.Select(i => i.Kind));
        Assert.Equal(["Datalek", "SEH", "Datalek", "SEH"], incidents.Select(i => i.ThemeTopic));
        Assert.All(incidents, i => Assert.Contains(DemoFeed.DefaultTopics, t => t.Name == i.Organisation));
        // Closures only happen at hospitals.
        Assert.DoesNotContain(incidents, i => i.Kind == DemoIncidentKind.EmergencyDepartmentClosed && i.Organisation.Contains("verzekeraar"));
        Assert.Equal(incidents, feed.IncidentsBetween(Local(12), Local(13)).Concat(feed.IncidentsBetween(Local(13), Local(14))));
    }

    [Fact]
    public void Without_an_incident_period_there_are_no_incidents()
    {
        var feed = new DemoFeed(NoIncidents);

        Assert.Empty(feed.IncidentsBetween(Local(0), Local(23)));
        Assert.DoesNotContain(feed.Generate(Local(12), Local(13)), m => m.Id.StartsWith("dm-inc-", StringComparison.Ordinal));
    }

    [Fact]
    public void Default_topics_parse_and_each_matches_the_demo_content()
    {
        var matcher = new TopicMatcher(DemoFeed.DefaultTopics);
        var counts = DemoFeed.DefaultTopics.ToDictionary(t => t.Name, _ => 0);
        foreach (var mention in fixture.Day)
            foreach (var topic in matcher.Match(mention.Text))
                counts[topic]++;

        Assert.All(DemoFeed.DefaultTopics, t => Assert.NotEmpty(TopicQueryParser.Terms(TopicQueryParser.Parse(t.Query))));
        Assert.True(DemoFeed.DefaultTopics.Count >= 12);
        Assert.All(counts, c => Assert.True(c.Value >= 20, $"topic {c.Key} matched {c.Value} mentions"));
    }

    [Fact]
    public void The_day_has_every_source_and_a_mix_of_sentiments()
    {
        var scorer = RuleSentimentScorer.Instance;
        var labels = fixture.Day.GroupBy(m => scorer.Score(m.Text).Label).ToDictionary(g => g.Key, g => g.Count() / (double)fixture.Day.Count);

        Assert.Equal(["facebook", "forum", "instagram", "news", "reviews", "twitter"], fixture.Day.Select(m => m.Source).Distinct().Order());
        Assert.InRange(labels[SentimentLabel.Negative], 0.3, 0.7);
        Assert.InRange(labels[SentimentLabel.Positive], 0.1, 0.4);
        // The product's scorer reads many news-like texts and questions as non-neutral (DemoTemplateTests): 8.6 % when measured.
        Assert.InRange(labels[SentimentLabel.Neutral], 0.05, 0.4);
        Assert.All(fixture.Day, m => Assert.StartsWith($"https://{m.Source}.demo.invalid/", m.Url));
    }

    [Fact]
    public void Followers_are_heavy_tailed()
    {
        var authors = fixture.Day.Select(m => m.Author!).DistinctBy(a => a.Handle).ToList();
        var crowd = authors.Where(a => !OwnHandles().Contains(a.Handle)).ToList();

        Assert.True(crowd.Count(a => a.Followers < 500) > 0.9 * crowd.Count);
        Assert.Contains(crowd, a => a.Followers is >= 10_000 and <= 200_000);
        Assert.True(fixture.Day.Where(m => !m.IsReply && !m.IsShare).Max(m => m.Metrics.Shares) >= 40);
    }

    [Fact]
    public void Generating_a_day_completes()
    {
        var day = new DemoFeed(new DemoFeedOptions { Seed = 7 }).Generate(Midnight, Midnight.AddDays(1));

        Assert.InRange(day.Count, 25_000, 120_000);
    }

    [Theory]
    [InlineData(-1, 30, 8, 4)]
    [InlineData(30, 0.5, 8, 4)]
    [InlineData(30, 30, 0, 4)]
    [InlineData(30, 30, 31, 4)]
    [InlineData(30, 30, 8, 30)]
    public void Invalid_options_are_refused(double perMinute, double periodMinutes, double durationMinutes, double offsetMinutes)
    {
        var options = new DemoFeedOptions
        {
            MentionsPerMinute = perMinute,
            IncidentPeriod = TimeSpan.FromMinutes(periodMinutes),
            IncidentDuration = TimeSpan.FromMinutes(durationMinutes),
            IncidentOffset = TimeSpan.FromMinutes(offsetMinutes),
        };

        Assert.Throws<ArgumentOutOfRangeException>(() => new DemoFeed(options));
    }

    private static HashSet<string> OwnHandles() =>
        ["RijnmondOost", "ziekenhuisrijnmondoost", "LindeborgMC", "lindeborgmc", "ZHWaterdal", "ziekenhuiswaterdal", "ZVDelta", "zorgverzekeraardelta"];
}
