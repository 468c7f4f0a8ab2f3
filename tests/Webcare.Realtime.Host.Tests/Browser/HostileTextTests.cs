namespace Webcare.Realtime.Host.Tests.Browser;

/// <summary>
/// Text written by strangers (mention text, author handle and name, topic names) is shown as text: the
/// markup appears literally and no script runs. The page runs with its Content-Security-Policy bypassed,
/// so this tests the rendering itself, not only the CSP that would otherwise block inline handlers.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class HostileTextTests(ChromiumFixture chromium)
{
    /// <summary>Each payload sets <c>window.__xss</c> (or opens a dialog) if it ever runs.</summary>
    public static readonly string[] Payloads =
    [
        "<img src=x onerror=\"window.__xss='img'\">",
        "<script>window.__xss='script'</script>",
        "<svg onload=\"window.__xss='svg'\"><circle r=9></circle></svg>",
        "\"><iframe srcdoc=\"<script>parent.__xss='iframe'</script>\"></iframe>",
        "<a href=\"javascript:window.__xss='href'\" id=xsslink>klik</a>",
        "<details open ontoggle=\"window.__xss='details'\">",
        "<body onload=alert('body')>",
        "'-alert('quote')-'",
        "{{constructor.constructor('window.__xss=\"template\"')()}}",
        "<style>*{display:none!important}</style>",
        "&lt;b&gt;entiteit&lt;/b&gt; &amp; <b>vet</b>",
    ];

    [Fact]
    public async Task Markup_in_mentions_and_topic_names_renders_as_text_and_never_runs()
    {
        const string hostileTopic = "<img src=x onerror=\"window.__xss='topic'\">";
        await using var host = new TestHost(new Dictionary<string, string?>
        {
            ["Topics:0:Name"] = hostileTopic, ["Topics:0:Query"] = "xsswoord",
        }, withTopics: false);
        await host.StartAsync();
        using var http = host.CreateClient();
        await using var wall = await chromium.OpenAsync(bypassCsp: true);
        await wall.GotoAsync(host);
        await wall.WaitForConnectionAsync("connected", TimeSpan.FromSeconds(15));

        var mentions = Payloads.Select((payload, i) => new
        {
            source = "forum", id = "xss" + i, createdAt = DateTimeOffset.UtcNow, text = "xsswoord " + payload,
            author = new { handle = payload, name = payload, followers = 10 },
        }).ToArray();
        await LiveWallTests.PostAsync(http, mentions);
        foreach (var payload in Payloads) await wall.WaitForMentionAsync("xsswoord " + payload, TimeSpan.FromSeconds(10));

        // The handle is shown as sent (with an @ in front); the topic as configured, on every mention and its tile.
        var authors = await wall.Page.Locator("#river .mention-author").AllTextContentsAsync();
        foreach (var payload in Payloads) Assert.Contains("@" + payload, authors);
        var chips = await wall.Page.Locator("#river .chip-topic").AllTextContentsAsync();
        Assert.Equal(Payloads.Length, chips.Count(c => c == hostileTopic));
        Assert.Contains(hostileTopic, await wall.Page.Locator("#topics .tile-name").AllTextContentsAsync());

        // Give any handler a moment to fire (images error, details toggle, iframes load), then look.
        await wall.Page.WaitForTimeoutAsync(500);
        Assert.Null(await wall.Page.EvaluateAsync<string?>("() => window.__xss ?? null"));
        Assert.Empty(wall.Dialogs);
        var injected = await wall.Page.EvaluateAsync<int>(
            "() => document.querySelectorAll('#wall img, #wall script, #wall svg, #wall iframe, #wall details, #wall style, #xsslink, #wall b').length");
        Assert.Equal(0, injected);
        Assert.True(await wall.IsVisibleAsync("#river"), "an injected style must not hide the page");
    }
}
