using System.Text.Json;
using Webcare.Realtime.Grains;
using Webcare.Realtime.Testing;
using static Webcare.Realtime.Host.Tests.Cluster.TwoNodeCluster;

namespace Webcare.Realtime.Host.Tests.Cluster;

/// <summary>Grain state in PostgreSQL: a conversation's spread survives kill -9 of its host.</summary>
public sealed class DurableGrainStateTests
{
    [Fact]
    public async Task A_conversation_stored_as_plain_json_is_back_after_kill_9_and_restart()
    {
        await using var postgres = await ThrowawayPostgres.StartNewAsync();
        await using var host = DurableNode(postgres, "durable");
        await host.StartAsync();
        using var http = host.CreateClient();
        object Reply(string id, string author) => new
        {
            source = "twitter", id, text = "Bij ons ook al uren wachten", createdAt = DateTimeOffset.UtcNow,
            conversationId = "thread-1", author = new { handle = author, followers = 100 },
        };
        await PostUntilAcceptedAsync(http, [Reply("thread-1", "@a"), Reply("reply-1", "@b"), Reply("reply-2", "@c")], TimeSpan.FromSeconds(20));

        // Stored within the save interval, as JSON an operator can query.
        var deadline = DateTime.UtcNow + ConversationGrain.SaveInterval + TimeSpan.FromSeconds(20);
        long stored = 0;
        while (DateTime.UtcNow < deadline && stored == 0)
        {
            stored = await postgres.ScalarAsync<long>(
                "SELECT count(*) FROM grain_state_json WHERE grain_key LIKE '%twitter:thread-1' AND (state->'Aggregate'->>'Mentions')::int = 3");
            if (stored == 0) await Task.Delay(250);
        }
        Assert.True(stored == 1, $"the conversation's state was not stored as JSON\n{host.Output}");

        await host.RestartAsync();

        using var conversation = JsonDocument.Parse(await http.GetStringAsync("api/conversations/twitter:thread-1"));
        Assert.Equal(3, conversation.RootElement.GetProperty("mentions").GetInt32());
        Assert.Equal(3, conversation.RootElement.GetProperty("uniqueAuthors").GetInt32());
        Assert.Equal(300, conversation.RootElement.GetProperty("reach").GetInt64());
    }
}
