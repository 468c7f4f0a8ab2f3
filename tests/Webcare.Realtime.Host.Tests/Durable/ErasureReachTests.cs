using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Webcare.Realtime.Host.Tests;
using Webcare.Realtime.Testing;
using static Webcare.Realtime.Host.Tests.Durable.DurableMentions;

namespace Webcare.Realtime.Host.Tests.Durable;

/// <summary>
/// GDPR erasure must reach everything an author fed, not only the log: conversations, the router's waiting
/// mentions, the webcare queue, alert evidence, the wall's river, and every table of the database
/// (including the Orleans grain-state table).
/// </summary>
public sealed class ErasureReachTests
{
    private const string Handle = "@Vergeetmij";
    private const string Marker = "zorgmarkerqx";

    private static readonly Dictionary<string, string?> Webcare = new()
    {
        ["Webcare:Sla:twitter:Within"] = "02:00:00",
        ["Webcare:Sla:twitter:Hours"] = "00:00-24:00",
        ["Webcare:Sla:twitter:Days"] = "all",
    };

    [Fact]
    public async Task After_erasure_no_table_no_grain_state_no_read_and_no_wall_snapshot_holds_the_authors_handle_or_text()
    {
        await using var postgres = await ThrowawayPostgres.StartNewAsync();
        await using var host = new TestHost(new Dictionary<string, string?>(Webcare) { ["ConnectionStrings:Postgres"] = postgres.ConnectionString });
        await host.StartAsync();
        using var http = host.CreateClient();
        var now = DateTimeOffset.UtcNow;
        // r1: the author's complaint that spreads (a case, a spreading alert quoting it); o1: someone else's
        // thread the author replied to; s1: the author's lone mention, still waiting in the router.
        var batch = new StringBuilder();
        batch.AppendLine(Line("r1", now.AddMinutes(-5), Handle, $"Waarom wacht ik al zes weken op mijn uitslag? Slechte zorg {Marker.ToUpperInvariant()}", followers: 5000));
        for (var i = 0; i < 32; i++)
            batch.AppendLine(Line($"r1-{i}", now.AddMinutes(-4).AddSeconds(i), $"@reageerder{i}", $"Herkenbaar, ook bij mij lang gewacht #{i}", replyTo: "r1"));
        batch.AppendLine(Line("o1", now.AddMinutes(-3), "@iemand", "Waarom is parkeren bij het ziekenhuis zo belachelijk duur?"));
        batch.AppendLine(Line("o1-a", now.AddMinutes(-2), Handle, $"Klopt helemaal, {Marker} ook hier", replyTo: "o1"));
        batch.AppendLine(Line("o1-b", now.AddMinutes(-1), "@derde", "Inderdaad veel te duur", replyTo: "o1"));
        batch.AppendLine(Line("s1", now.AddMinutes(-1), Handle, $"Nog een losse klacht over de balie {Marker}"));
        await AcceptedAsync(http, batch.ToString());
        var (earlyWall, earlyRecorder) = await WallClient.ConnectAsync(host.BaseAddress);
        await using var _ = earlyWall;

        // The author is everywhere before: stored grain states (conversation, queue, alert book), stored alerts, reads.
        await EventuallyAsync(() => postgres.ScalarAsync<string>(
                $"SELECT string_agg(DISTINCT grain_type, ',' ORDER BY grain_type) FROM grain_state_json WHERE state::text ILIKE '%{Marker}%'"),
            types => types == "alerts,conversation,webcare-queue", TimeSpan.FromSeconds(30));
        await EventuallyAsync(() => TablesHoldingAsync(postgres), t => t.Contains("alerts"), TimeSpan.FromSeconds(30));
        Assert.Contains(Marker, (await ReadsAsync(http)).ToLowerInvariant());
        Assert.Contains(Marker, JsonSerializer.Serialize(earlyRecorder.Snapshots.Last(), SnapshotJson).ToLowerInvariant());

        using var response = await http.DeleteAsync("/api/authors/twitter/" + Handle.ToLowerInvariant());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("erased").GetInt64());

        // Nothing in any table or view of the database (state written at the erasure, not on a later timer).
        Assert.Empty(await TablesHoldingAsync(postgres));
        // Nothing in any read of the API.
        var reads = (await ReadsAsync(http)).ToLowerInvariant();
        Assert.DoesNotContain(Marker, reads);
        Assert.DoesNotContain("vergeetmij", reads);
        // A wall connecting now, and the wall already connected (sent a fresh snapshot), show nothing of it.
        var (lateWall, lateRecorder) = await WallClient.ConnectAsync(host.BaseAddress);
        await using var __ = lateWall;
        Assert.DoesNotContain("vergeetmij", JsonSerializer.Serialize(lateRecorder.Snapshots.Last(), SnapshotJson).ToLowerInvariant());
        Assert.True(await WallFeedRecorder.WaitUntil(() => earlyRecorder.Snapshots.Count > 1, TimeSpan.FromSeconds(10)), "the connected wall got no fresh snapshot");
        Assert.DoesNotContain("vergeetmij", JsonSerializer.Serialize(earlyRecorder.Snapshots.Last(), SnapshotJson).ToLowerInvariant());

        // The conversations go on without the author: recounted from what the log still holds.
        var o1 = await http.GetFromJsonAsync<JsonElement>("/api/conversations/twitter:o1");
        Assert.Equal(2, o1.GetProperty("mentions").GetInt32());
        Assert.Equal(2, o1.GetProperty("uniqueAuthors").GetInt32());
        var r1 = await http.GetFromJsonAsync<JsonElement>("/api/conversations/twitter:r1");
        Assert.Equal(32, r1.GetProperty("mentions").GetInt32());
        Assert.Equal("@reageerder0", r1.GetProperty("rootAuthor").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/conversations/twitter:s1")).StatusCode);
    }

    private static readonly JsonSerializerOptions SnapshotJson = CreateSnapshotJson();

    private static JsonSerializerOptions CreateSnapshotJson()
    {
        var options = new JsonSerializerOptions();
        WebcareApp.ConfigureJson(options);
        return options;
    }

    private static string Line(string id, DateTimeOffset at, string handle, string text, string? replyTo = null, long followers = 100) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["source"] = "twitter", ["id"] = id, ["createdAt"] = at, ["text"] = text,
            ["author"] = new { handle, followers },
            ["inReplyTo"] = replyTo, ["conversationId"] = replyTo,
        });

    /// <summary>Every read a user of the tenant has, concatenated.</summary>
    private static async Task<string> ReadsAsync(HttpClient http)
    {
        var reads = new StringBuilder();
        foreach (var path in new[]
                 {
                     "/api/snapshot", "/api/stats", "/api/alerts", "/api/webcare/queue", "/api/webcare/cases/twitter:r1",
                     "/api/webcare/cases/twitter:o1", "/api/conversations/twitter:r1", "/api/conversations/twitter:o1",
                     "/api/conversations/twitter:s1", "/api/sources/twitter",
                 })
            reads.Append(await http.GetStringAsync(path).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "")).Append('\n');
        return reads.ToString();
    }

    /// <summary>The tables and views of the schema with a row whose text holds the author's handle or the marker.</summary>
    private static async Task<List<string>> TablesHoldingAsync(ThrowawayPostgres postgres)
    {
        var names = (await postgres.ScalarAsync<string>(
            "SELECT string_agg(table_name, ',') FROM information_schema.tables WHERE table_schema = 'public'")).Split(',');
        var holding = new List<string>();
        foreach (var name in names)
        {
            var hits = await postgres.ScalarAsync<long>(
                $"SELECT count(*) FROM \"{name}\" t WHERE t::text ILIKE '%{Marker}%' OR t::text ILIKE '%vergeetmij%'");
            if (hits > 0) holding.Add(name);
        }
        // Grain state is bytes: read as text too, in case a view over it is ever dropped.
        if (await postgres.ScalarAsync<long>(
                $"SELECT count(*) FROM orleans_grain_state WHERE convert_from(payload, 'UTF8') ILIKE '%{Marker}%' OR convert_from(payload, 'UTF8') ILIKE '%vergeetmij%'") > 0)
            holding.Add("orleans_grain_state (payload)");
        return holding;
    }
}
