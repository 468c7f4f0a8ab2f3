using System.Diagnostics;

namespace Webcare.Realtime.Host.Tests;

/// <summary>
/// The wall's own JavaScript unit tests (dashboards/wall/test, Node's built-in runner), run from here so
/// the one test command covers them too.
/// </summary>
public sealed class WallScriptTests
{
    [Fact]
    public async Task The_wall_script_tests_pass_under_node()
    {
        var wall = Browser.RepositoryPaths.Wall;
        Assert.True(Directory.Exists(Path.Combine(wall, "test")), $"no wall tests at {wall}");
        var start = new ProcessStartInfo("node", "--test test/")
        {
            WorkingDirectory = wall,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process? node;
        try
        {
            node = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("Node.js is needed for the wall's tests: install the 'nodejs' package (apt-get install -y nodejs).", ex);
        }
        using var process = node!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var report = await output + await errors;
        Assert.True(process.ExitCode == 0, report);
        Assert.Contains("# fail 0", report);
        Assert.Matches(@"# pass [1-9]\d*", report);
    }
}
