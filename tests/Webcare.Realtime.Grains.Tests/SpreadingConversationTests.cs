using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Grains.Contracts;
using static Webcare.Realtime.Grains.Tests.TestMentions;

namespace Webcare.Realtime.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class SpreadingConversationTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_complaint_answered_and_shared_by_many_people_raises_a_spreading_alert_that_resolves_when_quiet()
    {
        var tenant = "spread-" + Guid.NewGuid().ToString("N")[..6];
        var root = "root";
        var conversation = fixture.Grains.GetGrain<IConversationGrain>(TenantKey.Of(tenant, "twitter:" + root));
        var book = fixture.Grains.GetGrain<IAlertBookGrain>(tenant);
        var now = fixture.Clock.GetUtcNow();

        await conversation.RecordAsync([Enrich(Make("twitter", root, now, "Mijn dossier is gelekt!", "@patient", 300), SentimentLabel.Negative)]);
        for (var i = 0; i < 35; i++)
            await conversation.RecordAsync([Enrich(Make("twitter", $"r{i}", now, "Schandalig, delen!", $"@boos{i}", 1_000 * i,
                conversationId: root, sharedFrom: root), SentimentLabel.Negative)]);

        var alert = Assert.Single(await book.GetAsync());
        Assert.Equal((AlertKind.SpreadingConversation, "conversation", "twitter:root"), (alert.Kind, alert.Scope, alert.Subject));
        Assert.True(alert.IsOpen);
        Assert.Equal("@patient", alert.FirstMentions[0].AuthorHandle);

        fixture.Clock.Advance(AlertBookGrain.SpreadingQuiet + TimeSpan.FromMinutes(1));
        await book.ResolveQuietAsync();
        Assert.Equal(AlertState.Resolved, Assert.Single(await book.GetAsync()).State);
    }
}
