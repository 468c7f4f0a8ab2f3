using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Webcare.Realtime.Core.Webcare;

namespace Webcare.Realtime.Host.Tests;

/// <summary>
/// The webcare workflow end to end: a complaint posted over HTTP appears in the queue on a real SignalR
/// wall with a running clock; the organisation's own reply stops it and moves the metrics; operators act
/// on the case over HTTP with 404, 409 and 400 where they should.
/// </summary>
public sealed class WebcareWorkflowTests
{
    // Round the clock, so the test does not depend on the hour it runs at.
    private static readonly Dictionary<string, string?> Webcare = new()
    {
        ["Webcare:OwnAccounts:default:0"] = "twitter:@ZiekenhuisX",
        ["Webcare:OwnAccounts:ziekenhuis-a:0"] = "twitter:@ZiekenhuisA",
        ["Webcare:Sla:twitter:Within"] = "02:00:00",
        ["Webcare:Sla:twitter:Hours"] = "00:00-24:00",
        ["Webcare:Sla:twitter:Days"] = "all",
    };

    private static object Mention(string id, string text, DateTimeOffset at, string handle, string? replyTo = null, long followers = 800) => new
    {
        source = "twitter", id, text, createdAt = at, conversationId = replyTo ?? id, inReplyTo = replyTo,
        author = new { handle, followers },
    };

    [Fact]
    public async Task A_queue_item_carries_codes_beside_its_dutch_texts_in_the_api()
    {
        await using var host = new TestHost(Webcare);
        await host.StartAsync();
        using var http = host.CreateClient();
        var response = await http.PostAsJsonAsync("api/mentions", new[]
        {
            Mention("wc-codes", "Waarom belt niemand terug? Schandalig! Mijn nummer is 06-12345678", DateTimeOffset.UtcNow.AddSeconds(-30), "@jdevries", followers: 25_000),
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        JsonElement item = default;
        Assert.True(await WallFeedRecorder.WaitUntil(() =>
        {
            var items = http.GetFromJsonAsync<JsonElement>("api/webcare/queue").Result.GetProperty("items");
            return items.GetArrayLength() == 1 && (item = items[0]).ValueKind == JsonValueKind.Object;
        }, TimeSpan.FromSeconds(10)), "the complaint did not reach the queue");

        // The Dutch texts stay as they were (API users read them); each has a code, in the same order.
        var texts = item.GetProperty("priorityReasons").EnumerateArray().Select(r => r.GetString()).ToList();
        var codes = item.GetProperty("priorityReasonCodes").EnumerateArray().ToList();
        Assert.Equal(texts, codes.Select(c => c.GetProperty("text").GetString()));
        Assert.Contains("Bereik: 25.000 volgers", texts);
        var reach = codes.Single(c => c.GetProperty("code").GetString() == "reach");
        Assert.Equal(25_000, reach.GetProperty("count").GetInt64());
        Assert.False(reach.TryGetProperty("waitedMinutes", out _), "figures a code does not have are left out");
        Assert.Equal("waiting", codes[^1].GetProperty("code").GetString());
        Assert.Equal(0, codes[^1].GetProperty("waitedMinutes").GetInt32());
        Assert.Equal(WebcareQueueItem.PrivateChannelAdvice, item.GetProperty("privacyAdvice").GetString());
        Assert.Equal("private-channel", item.GetProperty("privacyAdviceCode").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("followUpAdviceCode").ValueKind);
    }

    [Fact]
    public async Task A_complaint_waits_with_a_running_clock_until_the_own_account_answers()
    {
        await using var host = new TestHost(Webcare);
        await host.StartAsync();
        var (wall, recorder) = await host.ConnectWallAsync();
        await using var _ = wall;
        using var http = host.CreateClient();
        var posted = DateTimeOffset.UtcNow.AddSeconds(-30);

        var response = await http.PostAsJsonAsync("api/mentions", new[]
        {
            Mention("wc-1", "Al 3 uur wachten op de SEH van @ZiekenhuisX, niemand vertelt iets. Schandalig!", posted, "@jdevries"),
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        Assert.True(await WallFeedRecorder.WaitUntil(() => recorder.Frames.Any(f => f.Webcare?.Queue.Any(i => i.Key == "twitter:wc-1") == true),
            TimeSpan.FromSeconds(10)), "the complaint did not reach the wall's queue");
        var item = recorder.Frames.Last(f => f.Webcare is not null).Webcare!.Queue.Single(i => i.Key == "twitter:wc-1");
        Assert.Equal((ClockState.OnTime, CaseState.New), (item.Clock, item.State));
        Assert.Equal(posted.AddHours(2).ToUnixTimeMilliseconds(), item.DueAt.ToUnixTimeMilliseconds());
        Assert.Contains(ResponseReason.Negative, item.Reasons);
        Assert.NotEmpty(item.PriorityReasons);

        var queue = await http.GetFromJsonAsync<JsonElement>("api/webcare/queue");
        Assert.Equal(1, queue.GetProperty("waiting").GetInt32());
        Assert.Equal("OnTime", queue.GetProperty("items")[0].GetProperty("clock").GetString());
        var before = await http.GetFromJsonAsync<JsonElement>("api/webcare/metrics");
        Assert.Equal(0, before.GetProperty("overall").GetProperty("responded").GetInt32());
        Assert.Equal(1, before.GetProperty("overall").GetProperty("waiting").GetInt32());

        // The organisation answers on X: the clock stops by itself.
        var framesBefore = recorder.Frames.Count;
        await http.PostAsJsonAsync("api/mentions", new[]
        {
            Mention("wc-1-w", "@jdevries Wat vervelend! Stuur je ons een DM, dan zoeken we het uit. ^Sanne", posted.AddSeconds(20), "@ziekenhuisx", "wc-1", 14_000),
        });
        Assert.True(await WallFeedRecorder.WaitUntil(() => recorder.Frames.Skip(framesBefore).Any(f => f.Webcare is { } b && b.Queue.IsEmpty && b.Metrics.Overall.Responded == 1),
            TimeSpan.FromSeconds(10)), "the answer did not stop the clock on the wall");
        var after = await http.GetFromJsonAsync<JsonElement>("api/webcare/metrics");
        Assert.Equal(1, after.GetProperty("overall").GetProperty("responded").GetInt32());
        Assert.Equal(1.0, after.GetProperty("overall").GetProperty("withinSlaShare").GetDouble());
        Assert.Equal(0, after.GetProperty("overall").GetProperty("waiting").GetInt32());
        Assert.Equal("Responded", (await http.GetFromJsonAsync<JsonElement>("api/webcare/cases/twitter:wc-1")).GetProperty("item").GetProperty("state").GetString());

        // The answer is the organisation speaking, not public opinion: X's net sentiment stays fully negative.
        var stats = await http.GetFromJsonAsync<JsonElement>("api/stats");
        var twitter = stats.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "twitter");
        Assert.Equal(-1.0, twitter.GetProperty("netSentiment").GetDouble());

        // A wall that reconnects gets the board in its snapshot.
        await wall.StopAsync();
        await wall.StartAsync();
        Assert.True(await WallFeedRecorder.WaitUntil(() => recorder.Snapshots.Count >= 2, TimeSpan.FromSeconds(10)));
        Assert.Equal(1, recorder.Snapshots.Last().Webcare!.Metrics.Overall.Responded);
    }

    [Fact]
    public async Task Operators_act_on_cases_with_clear_errors()
    {
        await using var host = new TestHost(Webcare);
        await host.StartAsync();
        using var http = host.CreateClient();
        var now = DateTimeOffset.UtcNow;
        await http.PostAsJsonAsync("api/mentions", new[] { Mention("wc-2", "Hoe kan ik mijn afspraak verzetten", now, "@vraag") });
        Assert.True(await WallFeedRecorder.WaitUntil(() => Status(http, "api/webcare/cases/twitter:wc-2") == HttpStatusCode.OK, TimeSpan.FromSeconds(10)));

        var unknown = await http.PostAsJsonAsync("api/conversations/twitter:nope/resolve", new { by = "sanne" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);

        var invalid = await http.PostAsJsonAsync("api/conversations/twitter:wc-2/reopen", new { by = "sanne" });
        Assert.Equal(HttpStatusCode.Conflict, invalid.StatusCode);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("assign,resolve,note", string.Join(",", problem.GetProperty("allowed").EnumerateArray().Select(a => a.GetString())));

        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync("api/conversations/twitter:wc-2/assign",
            new StringContent("{not json", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("api/conversations/twitter:wc-2/note", new { by = "sanne" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("api/conversations/twitter:wc-2/resolve", new { })).StatusCode); // nobody
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("api/conversations/wc-2/resolve", new { by = "sanne" })).StatusCode);

        var assigned = await http.PostAsJsonAsync("api/conversations/twitter:wc-2/assign", new { by = "teamlead", assignee = "sanne", note = "bel haar even" });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal("Assigned", (await assigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("item").GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync("api/conversations/twitter:wc-2/note", new { by = "sanne", note = "gebeld" })).StatusCode);
        var resolved = await (await http.PostAsJsonAsync("api/conversations/twitter:wc-2/resolve", new { by = "sanne" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Resolved", resolved.GetProperty("item").GetProperty("state").GetString());
        var history = resolved.GetProperty("history").EnumerateArray().Select(e => (e.GetProperty("who").GetString(), e.GetProperty("action").GetString())).ToArray();
        Assert.Equal([("@vraag", "Open"), ("teamlead", "Assign"), ("sanne", "Note"), ("sanne", "Resolve")], history);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync("api/conversations/twitter:wc-2/reopen", new { by = "sanne" })).StatusCode);

        var crisis = await http.PutAsJsonAsync("api/webcare/crisis", new { mode = "on", by = "teamlead" });
        Assert.True((await crisis.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PutAsJsonAsync("api/webcare/crisis", new { mode = "paniek" })).StatusCode);
        var settings = await http.GetFromJsonAsync<JsonElement>("api/webcare/settings");
        Assert.Equal("twitter:ziekenhuisx", settings.GetProperty("ownAccounts")[0].GetString());
    }

    [Fact]
    public async Task The_keys_name_is_recorded_and_acting_needs_the_webcare_scope()
    {
        const string Team = "team-key-0123456789", ReadOnly = "read-key-0123456789";
        var settings = new Dictionary<string, string?>(Webcare)
        {
            ["Auth:Keys:0:Key"] = Team, ["Auth:Keys:0:Tenant"] = "ziekenhuis-a", ["Auth:Keys:0:Name"] = "Sanne (webcare)",
            ["Auth:Keys:0:Scopes:0"] = "ingest", ["Auth:Keys:0:Scopes:1"] = "read", ["Auth:Keys:0:Scopes:2"] = "webcare",
            ["Auth:Keys:1:Key"] = ReadOnly, ["Auth:Keys:1:Tenant"] = "ziekenhuis-a", ["Auth:Keys:1:Scopes:0"] = "read",
        };
        await using var host = new TestHost(settings);
        await host.StartAsync();
        using var team = host.CreateClient(Team);
        using var reader = host.CreateClient(ReadOnly);
        await team.PostAsJsonAsync("api/mentions", new[] { Mention("wc-3", "Waarom belt niemand terug?!", DateTimeOffset.UtcNow, "@boos") });
        Assert.True(await WallFeedRecorder.WaitUntil(() => Status(reader, "api/webcare/cases/twitter:wc-3") == HttpStatusCode.OK, TimeSpan.FromSeconds(10)));

        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync("api/conversations/twitter:wc-3/resolve", new { by = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PutAsJsonAsync("api/webcare/crisis", new { mode = "on" })).StatusCode);
        var assigned = await (await team.PostAsync("api/conversations/twitter:wc-3/assign", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Sanne (webcare)", assigned.GetProperty("item").GetProperty("assignedTo").GetString());
        Assert.Equal("Sanne (webcare)", assigned.GetProperty("history")[1].GetProperty("who").GetString());
    }

    private static HttpStatusCode Status(HttpClient http, string path) => http.GetAsync(path).GetAwaiter().GetResult().StatusCode;
}
