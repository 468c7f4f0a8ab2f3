using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Playwright;

namespace Webcare.Realtime.Host.Tests.Browser;

/// <summary>
/// The wall in a real browser tab: opens it on a host, reads what it shows, and records every dialog,
/// page error and console error (a script that ran where it should not, or a page that broke).
/// </summary>
public sealed class WallPage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;
    public ConcurrentQueue<string> Dialogs { get; } = new();
    public ConcurrentQueue<string> Errors { get; } = new();
    public ConcurrentQueue<string> WebSockets { get; } = new();

    private bool _watching;

    private void Watch()
    {
        if (_watching) return;
        _watching = true;
        Page.Dialog += async (_, dialog) =>
        {
            Dialogs.Enqueue(dialog.Message);
            await dialog.DismissAsync();
        };
        Page.WebSocket += (_, socket) => WebSockets.Enqueue(socket.Url);
        Page.PageError += (_, error) => Errors.Enqueue("page error: " + error);
        Page.Console += (_, message) =>
        {
            if (message.Type == "error") Errors.Enqueue("console: " + message.Text);
        };
    }

    /// <summary>Opens the wall (<paramref name="query"/> like <c>?lang=en</c>; the key goes in the fragment, as in production).</summary>
    public async Task GotoAsync(TestHost host, string query = "", string? key = null)
    {
        Watch();
        var url = new Uri(host.BaseAddress, query).ToString() + (key is null ? "" : "#key=" + Uri.EscapeDataString(key));
        await Page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
    }

    /// <summary>Opens <c>?demo=fixture</c> on the host, with <c>dev/fixture.json</c> served from the repository (the host does not ship it).</summary>
    public async Task GotoFixtureAsync(TestHost host, string query = "")
    {
        Watch();
        var fixture = Path.Combine(RepositoryPaths.Wall, "dev", "fixture.json");
        await Page.RouteAsync("**/dev/fixture.json", route => route.FulfillAsync(new RouteFulfillOptions { Path = fixture, ContentType = "application/json" }));
        await Page.GotoAsync(new Uri(host.BaseAddress, "?demo=fixture" + query).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
    }

    public Task<string> ConnectionStateAsync() => Page.Locator("#conn").GetAttributeAsync("data-state")!;

    public async Task WaitForConnectionAsync(string state, TimeSpan timeout) =>
        await Page.WaitForSelectorAsync($"#conn[data-state='{state}']", new PageWaitForSelectorOptions { Timeout = (float)timeout.TotalMilliseconds, State = WaitForSelectorState.Attached });

    /// <summary>Waits until a river item holds exactly this text; returns how long it took.</summary>
    public async Task<TimeSpan> WaitForMentionAsync(string text, TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        await Page.WaitForFunctionAsync(
            "text => Array.from(document.querySelectorAll('#river .mention-text')).some(p => p.textContent === text)",
            text, new PageWaitForFunctionOptions { Timeout = (float)timeout.TotalMilliseconds, PollingInterval = 20 });
        return Stopwatch.GetElapsedTime(started);
    }

    public Task<string[]> RiverTextsAsync() =>
        Page.EvalOnSelectorAllAsync<string[]>("#river .mention-text", "ps => ps.map(p => p.textContent)");

    public Task<bool> IsVisibleAsync(string selector) => Page.Locator(selector).IsVisibleAsync();

    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ChromiumFixture.ArtifactsDirectory);
        var path = Path.Combine(ChromiumFixture.ArtifactsDirectory, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        return path;
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}

/// <summary>Folders of the repository, found from the test output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
    public static string Wall { get; } = Path.Combine(Root, "dashboards", "wall");
}
