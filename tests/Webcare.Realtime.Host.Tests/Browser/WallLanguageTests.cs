using Microsoft.Extensions.DependencyInjection;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Detection;
using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Host.Tests.Browser;

/// <summary>
/// What the wall says in its own words: every alert kind its own label (an SLA breach is not a volume spike),
/// and on an English wall (<c>?lang=en</c>) no Dutch from the server in alert headlines, the webcare queue or the source names.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class WallLanguageTests(ChromiumFixture chromium, Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_sla_breach_card_says_sla_breached_in_dutch_and_english_not_volume_spike()
    {
        await using var host = new TestHost();
        await host.StartAsync();
        var now = DateTimeOffset.UtcNow;
        await host.Services.GetRequiredService<IGrainFactory>().GetGrain<IAlertBookGrain>("default").RecordAsync(
            [new AlertSignal("source", "twitter", AlertKind.SlaBreach, new AlertEvent(AlertEventKind.Raised, 1, now, now, 4, 3, 0, 1, 3, 1), [], [])]);

        foreach (var (query, label, figures, headline) in new[]
        {
            ("", "SLA overschreden", "3 gesprekken over tijd", "3 gesprekken wachten langer dan de SLA op antwoord"),
            ("?lang=en", "SLA breached", "3 conversations overdue", "3 conversations waiting past the SLA"),
        })
        {
            await using var wall = await chromium.OpenAsync(1920, 1080);
            await wall.GotoAsync(host, query);
            var card = wall.Page.Locator("#alert-cards .alert-card");
            await card.First.WaitForAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
            await wall.Page.WaitForTimeoutAsync(300);
            output.WriteLine(await wall.ScreenshotAsync("wall-sla-breach" + (query == "" ? "" : "-en")));
            Assert.Equal(label, await card.Locator(".alert-kind").TextContentAsync(), StringComparer.OrdinalIgnoreCase);
            Assert.Contains("kind-sla", await card.GetAttributeAsync("class"));
            Assert.Equal("X", await card.Locator(".alert-subject").TextContentAsync());
            Assert.Equal(figures, await card.Locator(".alert-rate").TextContentAsync());
            Assert.Equal(headline, await card.Locator(".alert-headline").TextContentAsync());
            Assert.Empty(wall.Errors);
        }
    }

    [Fact]
    public async Task On_an_english_wall_the_webcare_queue_and_the_source_names_are_english()
    {
        await using var host = new TestHost();
        await host.StartAsync();
        using var http = host.CreateClient();
        var id = "en" + Guid.NewGuid().ToString("N")[..6];
        // Negative, a question and a phone number in public: reasons, the private-channel advice and the source name.
        await LiveWallTests.PostAsync(http,
            LiveWallTests.Mention(id, "Waarom neemt niemand op?? Al 3 uur wachten, echt schandalig. Bel me op 06-12345678", source: "twitter"),
            LiveWallTests.Mention(id + "n", "Ziekenhuis opent nieuwe parkeergarage", source: "news", handle: "@krant"));

        await using var wall = await chromium.OpenAsync(1920, 1080);
        await wall.GotoAsync(host, "?lang=en");
        var item = wall.Page.Locator($"#webcare-queue .wq-item[data-key='twitter:{id}']");
        await item.WaitForAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await wall.Page.Locator("#sources .tile").Nth(1).WaitForAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await wall.Page.WaitForTimeoutAsync(300);
        output.WriteLine(await wall.ScreenshotAsync("wall-webcare-en"));

        Assert.Equal("X", await item.Locator(".wq-source").TextContentAsync());
        Assert.Equal("Personal data or medical details in public", await item.Locator(".wq-reason").TextContentAsync());
        Assert.Equal("Personal data or medical details in public: reply briefly and continue in a private channel (DM or phone).",
            await item.Locator(".wq-privacy").TextContentAsync());
        Assert.Contains("News", await wall.Page.Locator("#sources .tile-name").AllTextContentsAsync());
        Assert.Contains("News", await wall.Page.Locator("#river .chip-source").AllTextContentsAsync());
        Assert.Empty(wall.Errors);
    }
}
