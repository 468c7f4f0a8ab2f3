using System.Text.Json;
using Webcare.Realtime.Testing;
using static Webcare.Realtime.Host.Tests.Cluster.TwoNodeCluster;
using static Webcare.Realtime.Host.Tests.Durable.DurableMentions;

namespace Webcare.Realtime.Host.Tests.Durable;

/// <summary>
/// Conversations after kill -9: their state is saved every few seconds, and what a crash lost since the
/// last save comes back from the mention log (the log is the truth).
/// </summary>
public sealed class ConversationCrashTests
{
    private static object Message(string id, string author, string thread) => new
    {
        source = "twitter", id, text = "Bij ons ook al uren wachten op de SEH", createdAt = DateTimeOffset.UtcNow,
        conversationId = thread, inReplyTo = id == thread ? null : thread, author = new { handle = author, followers = 100 },
    };

    [Fact]
    public async Task Mentions_routed_after_a_conversations_last_save_are_back_after_kill_9()
    {
        await using var postgres = await ThrowawayPostgres.StartNewAsync();
        await using var host = DurableNode(postgres, "durable");
        await host.StartAsync();
        using var http = host.CreateClient();
        await PostUntilAcceptedAsync(http, [Message("c1", "@a", "c1"), Message("c1-1", "@b", "c1"), Message("c1-2", "@c", "c1")], TimeSpan.FromSeconds(20));
        await EventuallyAsync(() => postgres.ScalarAsync<long>(
                "SELECT count(*) FROM grain_state_json WHERE grain_key LIKE '%twitter:c1' AND (state->'Aggregate'->>'Mentions')::int = 3"),
            n => n == 1, TimeSpan.FromSeconds(20));

        // Acknowledged (stored and routed), then the process dies before the conversation's next timed save.
        await PostUntilAcceptedAsync(http, [.. Enumerable.Range(3, 7).Select(i => Message($"c1-{i}", $"@r{i}", "c1"))], TimeSpan.FromSeconds(20));
        host.Kill();
        await host.StartAsync();

        using var conversation = JsonDocument.Parse(await http.GetStringAsync("api/conversations/twitter:c1"));
        Assert.Equal(10, await postgres.ScalarAsync<long>("SELECT count(*) FROM mention_log WHERE conversation_id = 'c1'"));
        Assert.Equal(10, conversation.RootElement.GetProperty("mentions").GetInt32());
        Assert.Equal(10, conversation.RootElement.GetProperty("uniqueAuthors").GetInt32());
    }

    [Fact]
    public async Task A_conversation_of_one_mention_waiting_in_the_router_is_not_lost_by_kill_9()
    {
        await using var postgres = await ThrowawayPostgres.StartNewAsync();
        await using var host = DurableNode(postgres, "durable");
        await host.StartAsync();
        using var http = host.CreateClient();
        await PostUntilAcceptedAsync(http, [Message("p1", "@a", "p1")], TimeSpan.FromSeconds(20));
        using (var pending = JsonDocument.Parse(await http.GetStringAsync("api/conversations/twitter:p1")))
            Assert.Equal(1, pending.RootElement.GetProperty("mentions").GetInt32());

        host.Kill();
        await host.StartAsync();
        // The reply arrives after the restart: it joins the stored root instead of starting afresh.
        await PostUntilAcceptedAsync(http, [Message("p1-1", "@b", "p1")], TimeSpan.FromSeconds(20));

        var mentions = await EventuallyAsync(async () =>
        {
            using var conversation = JsonDocument.Parse(await http.GetStringAsync("api/conversations/twitter:p1"));
            return conversation.RootElement.GetProperty("mentions").GetInt32();
        }, n => n == 2, TimeSpan.FromSeconds(15));
        using var summary = JsonDocument.Parse(await http.GetStringAsync("api/conversations/twitter:p1"));
        Assert.Equal("@a", summary.RootElement.GetProperty("rootAuthor").GetString());
        Assert.Equal(2, summary.RootElement.GetProperty("uniqueAuthors").GetInt32());
    }
}
