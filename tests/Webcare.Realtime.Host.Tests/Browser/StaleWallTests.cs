using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Webcare.Realtime.Host.Tests.Browser;

/// <summary>
/// "Never stale": the wall says how fresh its data is. A source that went quiet shows its age and dims;
/// a live one does not; the header's "last update" clock shows when the last message came.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class StaleWallTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task A_quiet_source_shows_its_age_a_live_one_does_not_and_the_clock_shows_the_last_update()
    {
        await using var host = new TestHost();
        await host.StartAsync();
        using var http = host.CreateClient();
        var now = DateTimeOffset.UtcNow;
        var response = await http.PostAsJsonAsync("api/mentions", new object[]
        {
            new { source = "forum", id = "quiet", createdAt = now.AddMinutes(-3).AddSeconds(-20), text = "Drie minuten geleden: wachten op de poli" },
            new { source = "twitter", id = "live", createdAt = now, text = "Nu: wachten op de poli" },
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        await using var wall = await chromium.OpenAsync();
        await wall.GotoAsync(host);
        await wall.WaitForMentionAsync("Nu: wachten op de poli", TimeSpan.FromSeconds(15));

        var forum = wall.Page.Locator("#sources .tile", new() { Has = wall.Page.Locator(".tile-name", new() { HasTextString = "Forum" }) });
        var x = wall.Page.Locator("#sources .tile", new() { Has = wall.Page.Locator(".tile-name", new() { HasTextString = "X" }) });
        Assert.Equal("3 min", (await forum.Locator(".tile-age-value").TextContentAsync())?.Trim());
        Assert.Contains("is-aging", await forum.GetAttributeAsync("class") ?? "");
        Assert.DoesNotContain("is-aging", await x.GetAttributeAsync("class") ?? "");

        var clock = (await wall.Page.Locator("#updated-clock").TextContentAsync())?.Trim() ?? "";
        Assert.Matches(new Regex(@"^\d{2}:\d{2}:\d{2}$"), clock);
        var shown = TimeOnly.ParseExact(clock, "HH:mm:ss");
        // The browser runs in Europe/Amsterdam (ChromiumFixture), as the control room does.
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).DateTime);
        Assert.True(Math.Abs((local - shown).TotalMinutes) < 1 || Math.Abs((shown - local).TotalMinutes) < 1,
            $"the last-update clock says {clock}, the browser's time is {local:HH:mm:ss}");
        Assert.Empty(wall.Errors);
    }
}
