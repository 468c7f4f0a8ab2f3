using System.Text.Json;

namespace Webcare.Realtime.Host.Tests.Browser;

/// <summary>
/// The wall on a TV: at 1920×1080 and 3840×2160 it fits without scrolling, its panels do not overlap, and
/// its smallest text is still readable from across the room. Screenshots go to the test output's
/// <c>artifacts/screenshots</c> folder.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class WallLayoutTests(ChromiumFixture chromium, Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>What the page measures about itself (see <see cref="MeasureScript"/>).</summary>
    private sealed record Layout(int ScrollWidth, int ScrollHeight, int Width, int Height, double MinFontPx,
        string MinFontAt, string[] Overlaps, string[] Outside, string[] Clipped, string[] Truncated);

    // Every visible text element: its font size; every panel and the header: inside the window and
    // not on top of another one.
    private const string MeasureScript = """
        () => {
          const visible = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
            return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
          let min = 1e9, at = '';
          for (const e of document.querySelectorAll('#wall *')) {
            if (!visible(e)) continue;
            const own = Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
            if (!own) continue;
            const px = parseFloat(getComputedStyle(e).fontSize);
            if (px < min) { min = px; at = e.className || e.tagName; }
          }
          const boxes = Array.from(document.querySelectorAll('.topbar, .banner, .panel')).filter(visible)
            .map(e => ({ name: (e.id || e.className).split(' ')[0] + (e.getAttribute('aria-labelledby') || ''), r: e.getBoundingClientRect() }));
          const overlaps = [], outside = [];
          for (let i = 0; i < boxes.length; i++) {
            const a = boxes[i].r;
            if (a.left < -0.5 || a.top < -0.5 || a.right > innerWidth + 0.5 || a.bottom > innerHeight + 0.5) outside.push(boxes[i].name);
            for (let j = i + 1; j < boxes.length; j++) {
              const b = boxes[j].r;
              const w = Math.min(a.right, b.right) - Math.max(a.left, b.left), h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
              if (w > 1 && h > 1) overlaps.push(boxes[i].name + ' × ' + boxes[j].name);
            }
          }
          // Cards, tiles and conversations must be whole; only the river fades out at its foot by design.
          const clipped = Array.from(document.querySelectorAll('.convo, .tile, .alert-card')).filter(visible).filter(e => {
            const panel = e.closest('.panel').getBoundingClientRect(), r = e.getBoundingClientRect();
            return r.bottom > panel.bottom + 1 || r.right > panel.right + 1; }).map(e => e.className + ': ' + e.textContent.slice(0, 40));
          // A sparkline or alert chart cut by its tile or card, or squeezed to nothing.
          for (const c of document.querySelectorAll('.spark, .alert-chart')) {
            if (!visible(c)) continue;
            const box = c.closest('.tile, .alert-card').getBoundingClientRect(), r = c.getBoundingClientRect();
            const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
            if (r.bottom > box.bottom + 0.5 || r.right > box.right + 0.5) clipped.push(c.className + ' cut in ' + c.closest('.tile, .alert-card').textContent.slice(0, 30));
            else if (r.height < rem) clipped.push(c.className + ' only ' + r.height.toFixed(1) + 'px high in ' + c.closest('.tile, .alert-card').textContent.slice(0, 30));
          }
          // Names a control room reads from across the room: never cut to "Facebo…".
          const truncated = Array.from(document.querySelectorAll('.tile-name, .alert-subject, .alert-kind, .wq-source, .chip-source')).filter(visible)
            .filter(e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
            .map(e => e.className + ': ' + e.textContent + ' (' + e.scrollWidth + '×' + e.scrollHeight + ' in ' + e.clientWidth + '×' + e.clientHeight + ')');
          return { clipped, truncated, scrollWidth: document.documentElement.scrollWidth, scrollHeight: document.documentElement.scrollHeight,
            width: innerWidth, height: innerHeight, minFontPx: min, minFontAt: String(at), overlaps, outside };
        }
        """;

    private async Task<Layout> MeasureAsync(WallPage wall)
    {
        var json = await wall.Page.EvaluateAsync<JsonElement>(MeasureScript);
        var layout = json.Deserialize<Layout>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        output.WriteLine($"{layout.Width}×{layout.Height}: scroll {layout.ScrollWidth}×{layout.ScrollHeight}, smallest text {layout.MinFontPx}px ({layout.MinFontAt})");
        return layout;
    }

    /// <summary>Fits, no overlap, and no text under 1.4 % of the screen height (15 px on a 1080p TV).</summary>
    private static void AssertFitsTheScreen(Layout layout)
    {
        Assert.True(layout.ScrollWidth <= layout.Width && layout.ScrollHeight <= layout.Height,
            $"the page scrolls: {layout.ScrollWidth}×{layout.ScrollHeight} in {layout.Width}×{layout.Height}");
        Assert.Empty(layout.Overlaps);
        Assert.Empty(layout.Outside);
        Assert.Empty(layout.Clipped);
        Assert.Empty(layout.Truncated);
        Assert.True(layout.MinFontPx >= layout.Height * 0.014,
            $"text of {layout.MinFontPx}px ({layout.MinFontAt}) is too small to read at 3 m on a {layout.Height}-pixel-high screen");
    }

    public static readonly TheoryData<int, int> Screens = new() { { 1920, 1080 }, { 3840, 2160 } };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task The_fixture_wall_with_open_alerts_fits_the_screen(int width, int height)
    {
        await using var host = new TestHost();
        await host.StartAsync();
        await using var wall = await chromium.OpenAsync(width, height);
        await wall.GotoFixtureAsync(host);
        // The fixture's second frame raises a fifth alert: "+1 meer meldingen" shows when it has been applied.
        await wall.Page.Locator("#alerts-more").WaitForAsync(new() { Timeout = 10_000 });
        await wall.Page.WaitForTimeoutAsync(400); // one more render after the last frame
        var shot = await wall.ScreenshotAsync($"wall-fixture-alerts-{width}x{height}");
        output.WriteLine(shot);

        Assert.Equal(4, await wall.Page.Locator("#alert-cards .alert-card").CountAsync());
        Assert.True(await wall.Page.Locator("#wall.is-alarm").IsVisibleAsync(), "a severity-8 alert turns the wall red");
        AssertFitsTheScreen(await MeasureAsync(wall));
        Assert.Empty(wall.Errors);
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task The_live_wall_without_alerts_fits_the_screen_in_english_too(int width, int height)
    {
        await using var host = new TestHost();
        await host.StartAsync();
        using var http = host.CreateClient();
        var sources = new[] { "twitter", "facebook", "instagram", "forum", "news", "zorgkaart" };
        var texts = new[]
        {
            "Al drie uur wachten op de spoedeisende hulp, niemand vertelt ons iets. Echt onacceptabel zo lang wachten!",
            "Parkeren bij het ziekenhuis kost inmiddels meer dan de behandeling zelf. Parkeergarage altijd vol.",
            "Heel fijne zorg gehad op de afdeling cardiologie, dank aan alle verpleegkundigen!",
            "Wachtlijst voor de orthopeed is weer langer geworden, volgend jaar pas een afspraak.",
        };
        var mentions = Enumerable.Range(0, 40).Select(i => new
        {
            source = sources[i % sources.Length], id = "l" + i, createdAt = DateTimeOffset.UtcNow.AddMinutes(-i),
            text = texts[i % texts.Length], conversationId = "c" + (i % 5),
            author = new { handle = "@gebruiker" + i, name = "Gebruiker " + i, followers = 100 * i },
        }).ToArray<object>();
        await LiveWallTests.PostAsync(http, mentions);

        foreach (var lang in new[] { "", "?lang=en" })
        {
            await using var wall = await chromium.OpenAsync(width, height);
            await wall.GotoAsync(host, lang);
            await wall.WaitForConnectionAsync("connected", TimeSpan.FromSeconds(15));
            await wall.Page.WaitForFunctionAsync("() => document.querySelectorAll('#river .mention').length >= 10 && document.querySelectorAll('#sources .tile').length === 6");
            await wall.Page.WaitForTimeoutAsync(400);
            var shot = await wall.ScreenshotAsync($"wall-live{(lang == "" ? "" : "-en")}-{width}x{height}");
            output.WriteLine(shot);
            Assert.Equal(lang == "" ? "Live vermeldingen" : "Live mentions", await wall.Page.Locator("#river-title").TextContentAsync());
            Assert.Equal(lang == "" ? "Wacht op antwoord" : "Awaiting reply", await wall.Page.Locator("#webcare-title").TextContentAsync());
            AssertFitsTheScreen(await MeasureAsync(wall));
            Assert.Empty(wall.Errors);
        }
    }
}
