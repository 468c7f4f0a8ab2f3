using System.Net.Http.Json;

namespace Webcare.Realtime.Host.Tests;

/// <summary>Personal data in a mention never reaches a wall or the read API: only placeholders do.</summary>
public sealed class PrivacyTests
{
    [Fact]
    public async Task A_bsn_and_a_phone_number_are_redacted_on_the_wall_in_the_snapshot_and_in_the_conversation()
    {
        await using var host = new TestHost();
        await host.StartAsync();
        var (wall, recorder) = await host.ConnectWallAsync();
        await using var _ = wall;
        using var http = host.CreateClient();
        const string text = "Mijn BSN 111222333 staat op een brief aan de buren! Bel 06-12345678. Mijn uitslag van de biopsie ook.";
        var now = DateTimeOffset.UtcNow;

        await http.PostAsJsonAsync("api/mentions", new object[]
        {
            new { source = "facebook", id = "pii-1", createdAt = now, text },
            new { source = "facebook", id = "pii-2", createdAt = now, text = "Wat erg, DM ze!", conversationId = "pii-1", inReplyTo = "pii-1" },
        });

        Assert.True(await WallFeedRecorder.WaitUntil(() => recorder.FramesContain("facebook", "pii-1"), TimeSpan.FromSeconds(10)));
        var shown = recorder.Frames.SelectMany(f => f.Mentions).Single(m => m.Id == "pii-1");
        Assert.Equal("Mijn BSN [BSN] staat op een brief aan de buren! Bel [telefoon]. Mijn uitslag van de biopsie ook.", shown.Text);
        Assert.True(shown.PrivacySensitive);
        Assert.Equal([Core.Privacy.PiiKind.Bsn, Core.Privacy.PiiKind.Phone], shown.Pii.Order());

        var everything = await http.GetStringAsync("api/snapshot") + await http.GetStringAsync("api/conversations/facebook:pii-1");
        Assert.Contains("[BSN]", everything);
        Assert.DoesNotContain("111222333", everything);
        Assert.DoesNotContain("12345678", everything);
    }
}
