using System.Diagnostics;
using Microsoft.Playwright;

namespace Webcare.Realtime.Host.Tests.Browser;

/// <summary>
/// One headless Chromium for all browser tests of a run: Debian's <c>/usr/bin/chromium</c> driven by
/// Playwright (Playwright's own browser download cannot work on these machines). Installs the package
/// with apt when it is missing, once per run; when that fails the tests fail with a message saying how.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
        "--no-first-run", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: <c>artifacts/screenshots</c> under the test output folder.</summary>
    public static string ArtifactsDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        await EnsureChromiumAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Flags,
            Timeout = 60_000,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
    }

    /// <summary>A fresh page (its own context: no shared storage) at the given size, collecting console errors.</summary>
    public async Task<WallPage> OpenAsync(int width = 1920, int height = 1080, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = 1,
            BypassCSP = bypassCsp,
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
        });
        return new WallPage(context, await context.NewPageAsync());
    }

    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    private static async Task EnsureChromiumAsync()
    {
        if (File.Exists(ExecutablePath)) return;
        await InstallGate.WaitAsync();
        try
        {
            if (File.Exists(ExecutablePath)) return;
            var (code, output) = await RunAsync("/bin/sh", "-c \"apt-get update && apt-get install -y chromium\"", TimeSpan.FromMinutes(10));
            if (code != 0 || !File.Exists(ExecutablePath))
                throw new InvalidOperationException(
                    $"The browser tests need Debian's chromium at {ExecutablePath}, and installing it failed (exit {code}). " +
                    $"Install it by hand as root: apt-get update && apt-get install -y chromium\n{Tail(output)}");
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return (-1, $"timed out after {timeout}");
            }
            return (process.ExitCode, await stdout + await stderr);
        }
    }

    private static string Tail(string text) => text.Length > 2000 ? text[^2000..] : text;
}

[CollectionDefinition(Name)]
public sealed class ChromiumCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "chromium";
}
