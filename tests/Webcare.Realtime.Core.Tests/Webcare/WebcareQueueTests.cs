using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Webcare;

namespace Webcare.Realtime.Core.Tests.Webcare;

public sealed class WebcareQueueTests
{
    private static readonly SlaPolicies Policies = SlaPolicies.Default(SeriesWatch.Amsterdam);

    // Monday 23 November 2026, 10:00 in Amsterdam (09:00Z): inside the 08:00–22:00 hours.
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    internal static EnrichedMention Post(string id, string text, SentimentLabel label = SentimentLabel.Negative, string author = "jdevries",
        DateTimeOffset? at = null, string source = "twitter", string? replyTo = null, bool own = false, long followers = 100, params string[] topics) =>
        new(new Mention(source, id, at ?? T0, text)
            {
                Author = new Author(author, null, followers),
                ConversationId = replyTo ?? id,
                InReplyTo = replyTo,
            },
            new SentimentResult(label == SentimentLabel.Negative ? -0.7 : label == SentimentLabel.Positive ? 0.6 : 0, label), [.. topics])
        { FromOwnAccount = own, ReceivedAt = at ?? T0 };

    private static EnrichedMention Answer(string id, string replyTo, DateTimeOffset at) =>
        Post(id, "@jdevries Vervelend om te horen! Stuur je ons een DM? ^Sanne", SentimentLabel.Positive, "ZiekenhuisX", at, replyTo: replyTo, own: true);

    [Fact]
    public void A_single_complaint_opens_a_case_with_a_running_clock()
    {
        var queue = new WebcareQueue();
        Assert.True(queue.Ingest([Post("1", "Al 3 uur wachten op de SEH, niemand vertelt iets")], Policies, false, T0));
        var c = queue.Find("twitter:1")!;
        Assert.Equal(CaseState.New, c.State);
        Assert.True(c.IsWaiting);
        Assert.Equal(T0 + TimeSpan.FromHours(2), c.Clock.DueAt);
        Assert.Equal(ResponseReason.Negative, c.Reasons);
        Assert.Equal("@jdevries", Assert.Single(c.History).Who);
        Assert.Single(queue.Waiting(T0));
    }

    [Theory]
    [InlineData("Top geholpen door de verpleging, dank jullie wel!", SentimentLabel.Positive, false)]
    [InlineData("Weet iemand hoe laat het bezoekuur begint", SentimentLabel.Neutral, true)]
    [InlineData("Mijn BSN is 111222333, kunnen jullie mijn dossier nakijken", SentimentLabel.Neutral, true)]
    [InlineData("Ben morgen jarig en lig hier nog steeds", SentimentLabel.Neutral, false)]
    public void Only_negative_questions_or_privacy_sensitive_posts_need_an_answer(string text, SentimentLabel label, bool opens)
    {
        var queue = new WebcareQueue();
        queue.Ingest([Post("1", text, label)], Policies, false, T0);
        Assert.Equal(opens, queue.Find("twitter:1") is not null);
    }

    [Fact]
    public void Privacy_sensitive_posts_carry_the_private_channel_advice()
    {
        var queue = new WebcareQueue();
        queue.Ingest([Post("1", "Mijn BSN is 111222333, kunnen jullie mijn dossier nakijken", SentimentLabel.Neutral)], Policies, false, T0);
        var c = queue.Waiting(T0).Single();
        var priority = CasePriority.Of(c, T0);
        var item = WebcareQueueItem.From(c, priority, T0);
        Assert.Equal(WebcareQueueItem.PrivateChannelAdvice, item.PrivacyAdvice);
        Assert.Equal("private-channel", item.PrivacyAdviceCode);
        Assert.Null(item.FollowUpAdviceCode);
        Assert.Equal(item.PriorityReasons, item.PriorityReasonCodes.Select(r => r.Text));
        Assert.Contains(ResponseReason.PrivacySensitive, item.Reasons);
        Assert.Contains(ResponseReason.Question, item.Reasons);
        Assert.DoesNotContain("111222333", item.Text);
    }

    [Fact]
    public void Sources_without_an_sla_and_shares_are_not_tracked()
    {
        var queue = new WebcareQueue();
        var share = Post("2", "RT @jdevries: Al 3 uur wachten", replyTo: null) with { };
        share = share with { Mention = share.Mention with { SharedFrom = "1" } };
        Assert.False(queue.Ingest([Post("1", "Slecht nieuws over het ziekenhuis", source: "news"), share], Policies, false, T0));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void The_own_accounts_reply_stops_the_clock_and_records_the_first_response()
    {
        var queue = new WebcareQueue();
        queue.Ingest([Post("1", "Al 3 uur wachten op de SEH")], Policies, false, T0);
        queue.Ingest([Answer("1-w", "1", T0 + TimeSpan.FromMinutes(25))], Policies, false, T0 + TimeSpan.FromMinutes(26));
        var c = queue.Find("twitter:1")!;
        Assert.Equal(CaseState.Responded, c.State);
        Assert.False(c.IsWaiting);
        Assert.Equal(ClockState.Met, c.Clock.StateAt(T0 + TimeSpan.FromHours(5)));
        Assert.Equal(T0 + TimeSpan.FromMinutes(25), c.FirstResponseAt);
        var sample = Assert.Single(queue.Samples);
        Assert.Equal(25, sample.Minutes);
        Assert.True(sample.WithinSla);
        Assert.Empty(queue.Waiting(T0 + TimeSpan.FromMinutes(30)));
        Assert.Equal(("@ZiekenhuisX", CaseAction.Respond), (c.History[^1].Who, c.History[^1].Action));

        // A follow-up answer counts, but is not a second first response.
        queue.Ingest([Answer("1-w2", "1", T0 + TimeSpan.FromMinutes(40))], Policies, false, T0 + TimeSpan.FromMinutes(41));
        Assert.Equal(2, queue.Find("twitter:1")!.Responses);
        Assert.Single(queue.Samples);
    }

    [Fact]
    public void A_late_answer_is_a_missed_sla()
    {
        var queue = new WebcareQueue();
        queue.Ingest([Post("1", "Al 3 uur wachten op de SEH")], Policies, false, T0);
        queue.Ingest([Answer("1-w", "1", T0 + TimeSpan.FromHours(3))], Policies, false, T0 + TimeSpan.FromHours(3));
        Assert.False(Assert.Single(queue.Samples).WithinSla);
        Assert.Equal(ClockState.Missed, queue.Find("twitter:1")!.Clock.StateAt(T0 + TimeSpan.FromHours(4)));
    }

    [Fact]
    public void An_answer_in_a_conversation_that_needed_nothing_is_ignored()
    {
        var queue = new WebcareQueue();
        Assert.False(queue.Ingest([Answer("9-w", "9", T0)], Policies, false, T0));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void The_author_writing_after_the_answer_starts_a_new_wait()
    {
        var queue = new WebcareQueue();
        queue.Ingest([Post("1", "Al 3 uur wachten op de SEH")], Policies, false, T0);
        queue.Ingest([Answer("1-w", "1", T0 + TimeSpan.FromMinutes(10))], Policies, false, T0 + TimeSpan.FromMinutes(10));
        var again = T0 + TimeSpan.FromMinutes(30);
        queue.Ingest([Post("1-r", "@ZiekenhuisX DM gestuurd, maar nog steeds niks gehoord. Waarom duurt dit zo lang?", replyTo: "1", at: again)], Policies, false, again);
        var c = queue.Find("twitter:1")!;
        Assert.True(c.IsWaiting);
        Assert.Equal(again, c.Clock.StartedAt);
        Assert.Equal(CaseState.Responded, c.State);
        Assert.Equal(CaseAction.Message, c.History[^1].Action);
    }

    [Fact]
    public void Operators_move_a_case_through_its_life_with_an_audit_trail()
    {
        var queue = new WebcareQueue();
        queue.Ingest([Post("1", "Al 3 uur wachten op de SEH")], Policies, false, T0);
        var assigned = queue.Act("twitter:1", CaseAction.Assign, "lead", "jij pakt deze", "sanne", Policies, false, T0 + TimeSpan.FromMinutes(1));
        Assert.True(assigned.Succeeded);
        Assert.Equal(CaseState.Assigned, assigned.Case!.State);
        Assert.Equal("sanne", assigned.Case.AssignedTo);

        queue.Ingest([Answer("1-w", "1", T0 + TimeSpan.FromMinutes(5))], Policies, false, T0 + TimeSpan.FromMinutes(5));
        var noted = queue.Act("twitter:1", CaseAction.Note, "sanne", "patiënt gebeld", null, Policies, false, T0 + TimeSpan.FromMinutes(20));
        Assert.Equal(CaseState.Responded, noted.Case!.State);
        var resolved = queue.Act("twitter:1", CaseAction.Resolve, "sanne", null, null, Policies, false, T0 + TimeSpan.FromMinutes(30));
        Assert.Equal(CaseState.Resolved, resolved.Case!.State);
        Assert.Equal(WebcareQueueItem.ResolvedFollowUpAdvice, WebcareCaseDetail.From(resolved.Case, T0).Item.FollowUpAdvice);
        Assert.Equal("say-it-is-solved", WebcareCaseDetail.From(resolved.Case, T0).Item.FollowUpAdviceCode);

        var history = resolved.Case.History;
        Assert.Equal([CaseAction.Open, CaseAction.Assign, CaseAction.Respond, CaseAction.Note, CaseAction.Resolve], history.Select(e => e.Action));
        Assert.Equal(["@jdevries", "lead", "@ZiekenhuisX", "sanne", "sanne"], history.Select(e => e.Who));
        Assert.Equal("toegewezen aan sanne: jij pakt deze", history[1].Note);
        Assert.Equal(T0 + TimeSpan.FromMinutes(20), history[3].At);
    }

    [Fact]
    public void An_invalid_transition_names_the_allowed_ones()
    {
        var queue = new WebcareQueue();
        queue.Ingest([Post("1", "Al 3 uur wachten op de SEH")], Policies, false, T0);
        var refused = queue.Act("twitter:1", CaseAction.Reopen, "lead", null, null, Policies, false, T0);
        Assert.False(refused.Succeeded);
        Assert.Equal([CaseAction.Assign, CaseAction.Resolve, CaseAction.Note], refused.Allowed.ToArray());

        queue.Act("twitter:1", CaseAction.Resolve, "lead", null, null, Policies, false, T0);
        var again = queue.Act("twitter:1", CaseAction.Resolve, "lead", null, null, Policies, false, T0);
        Assert.Equal([CaseAction.Reopen, CaseAction.Note], again.Allowed.ToArray());
        Assert.True(queue.Act("nope:1", CaseAction.Note, "lead", null, null, Policies, false, T0).Unknown);
    }

    [Fact]
    public void The_author_writing_after_resolution_reopens_the_case_but_someone_else_does_not()
    {
        var queue = new WebcareQueue();
        queue.Ingest([Post("1", "Al 3 uur wachten op de SEH")], Policies, false, T0);
        queue.Act("twitter:1", CaseAction.Resolve, "lead", null, null, Policies, false, T0 + TimeSpan.FromMinutes(10));

        var other = T0 + TimeSpan.FromMinutes(20);
        queue.Ingest([Post("1-r1", "Bij mij precies hetzelfde!", author: "piet", replyTo: "1", at: other)], Policies, false, other);
        Assert.Equal(CaseState.Resolved, queue.Find("twitter:1")!.State);

        var again = T0 + TimeSpan.FromMinutes(30);
        queue.Ingest([Post("1-r2", "Nog steeds niemand gezien hoor", replyTo: "1", at: again)], Policies, false, again);
        var c = queue.Find("twitter:1")!;
        Assert.Equal(CaseState.Reopened, c.State);
        Assert.Equal(1, c.Reopens);
        Assert.True(c.IsWaiting);
        Assert.Equal(again, c.Clock.StartedAt);
        Assert.Equal("@jdevries", c.History[^1].Who);
    }

    [Fact]
    public void Crisis_mode_tightens_waiting_clocks_on_the_tick()
    {
        var queue = new WebcareQueue();
        queue.Ingest([Post("1", "Al 3 uur wachten op de SEH")], Policies, false, T0);
        var now = T0 + TimeSpan.FromMinutes(10);
        Assert.False(queue.Tick(Policies, crisis: false, now));
        Assert.True(queue.Tick(Policies, crisis: true, now));
        Assert.Equal(now + TimeSpan.FromMinutes(30), queue.Find("twitter:1")!.Clock.DueAt);
        Assert.False(queue.Tick(Policies, crisis: true, now + TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Responded_cases_that_went_quiet_resolve_by_themselves()
    {
        var queue = new WebcareQueue(WebcareQueueLimits.Default with { AutoResolveAfter = TimeSpan.FromHours(24) });
        queue.Ingest([Post("1", "Al 3 uur wachten op de SEH")], Policies, false, T0);
        queue.Ingest([Answer("1-w", "1", T0 + TimeSpan.FromMinutes(10))], Policies, false, T0);
        Assert.False(queue.Tick(Policies, false, T0 + TimeSpan.FromHours(23)));
        Assert.True(queue.Tick(Policies, false, T0 + TimeSpan.FromHours(25)));
        var c = queue.Find("twitter:1")!;
        Assert.Equal(CaseState.Resolved, c.State);
        Assert.Equal(WebcareQueue.System, c.History[^1].Who);
    }

    [Fact]
    public void Stays_within_its_limits_forgetting_the_oldest_resolved_first()
    {
        var queue = new WebcareQueue(WebcareQueueLimits.Default with { MaxOpen = 3, MaxResolved = 2 });
        for (var i = 0; i < 4; i++) queue.Ingest([Post($"{i}", "Slecht geholpen", at: T0 + TimeSpan.FromMinutes(i))], Policies, false, T0 + TimeSpan.FromMinutes(i));
        Assert.Equal(3, queue.Count);
        Assert.Null(queue.Find("twitter:0"));
        foreach (var key in new[] { "twitter:1", "twitter:2", "twitter:3" })
            queue.Act(key, CaseAction.Resolve, "lead", null, null, Policies, false, T0 + TimeSpan.FromMinutes(10));
        Assert.Equal(2, queue.Count);
        Assert.Null(queue.Find("twitter:1"));
        Assert.Equal(2, queue.Forgotten);
    }

    [Fact]
    public void Retention_forgets_the_cases_nothing_happened_in_since_the_cutoff_with_their_text_and_authors()
    {
        var queue = new WebcareQueue();
        queue.Ingest([Post("old", "Slecht geholpen", at: T0), Post("busy", "Al 3 uur wachten", at: T0, author: "piet")], Policies, false, T0);
        // Someone else writes in the second case later: it has been active since the cutoff, so it stays.
        queue.Ingest([Post("busy-2", "Bij mij ook", at: T0 + TimeSpan.FromDays(3), author: "klaas", replyTo: "busy")], Policies, false, T0 + TimeSpan.FromDays(3));
        var cutoff = T0 + TimeSpan.FromDays(2);

        Assert.True(queue.ForgetOlderThan(cutoff));
        Assert.Equal(["twitter:busy"], queue.Export().Cases.Select(c => c.Key));
        Assert.DoesNotContain(queue.Export().Cases, c => c.AuthorHandle == "jdevries" || c.Authors.Contains("jdevries"));
        Assert.False(queue.ForgetOlderThan(cutoff));
    }

    [Fact]
    public void Exports_and_imports_its_state()
    {
        var queue = new WebcareQueue();
        queue.Ingest([Post("1", "Al 3 uur wachten op de SEH"), Post("2", "Hoe kan ik mijn afspraak verzetten", SentimentLabel.Neutral)], Policies, false, T0);
        queue.Ingest([Answer("1-w", "1", T0 + TimeSpan.FromMinutes(10))], Policies, false, T0);
        var copy = new WebcareQueue();
        copy.Import(queue.Export());
        Assert.Equal(queue.Export().Cases.OrderBy(c => c.Key), copy.Export().Cases.OrderBy(c => c.Key));
        Assert.Single(copy.Samples);
    }

    [Fact]
    public void The_most_important_case_comes_first()
    {
        var queue = new WebcareQueue();
        queue.Ingest(
        [
            Post("1", "Hoe laat begint het bezoekuur", SentimentLabel.Neutral, followers: 50),
            Post("2", "Mijn dossier is gelekt, mijn buurman kon het inzien!", topics: ["Datalek"], followers: 50),
            Post("3", "Slecht geholpen bij de balie", followers: 80_000),
        ], Policies, false, T0);
        Assert.Equal(["twitter:2", "twitter:3", "twitter:1"], queue.Waiting(T0).Select(c => c.Key));
    }

    [Fact]
    public void An_item_from_a_node_without_codes_reads_back_with_an_empty_list_not_a_default_one()
    {
        var queue = new WebcareQueue();
        queue.Ingest([Post("1", "Waarom duurt het zo lang?", SentimentLabel.Negative)], Policies, false, T0);
        var c = queue.Waiting(T0).Single();
        var json = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(WebcareQueueItem.From(c, CasePriority.Of(c, T0), T0)))!.AsObject();
        json.Remove("PriorityReasonCodes");
        var old = System.Text.Json.JsonSerializer.Deserialize<WebcareQueueItem>(json.ToJsonString())!;
        Assert.False(old.PriorityReasonCodes.IsDefault);
        Assert.Empty(old.PriorityReasonCodes);
        Assert.NotEmpty(old.PriorityReasons);
    }
}
