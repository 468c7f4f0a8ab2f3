using System.Diagnostics;

namespace Webcare.Realtime.Benchmarks;

/// <summary>
/// CPU time spent by this process and by a PostgreSQL server, read from Linux's /proc. On a shared machine
/// throughput depends on who else runs; CPU time per mention hardly does, so it says where the cost is.
/// </summary>
internal static class CpuTime
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan OfThisProcess()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>
    /// The postmaster, its finished children (reaped into its cutime/cstime) and its live backends.
    /// Zero when there is no server (the in-memory phases).
    /// </summary>
    public static TimeSpan OfPostgres(string? dataDirectory)
    {
        if (dataDirectory is null) return TimeSpan.Zero;
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).First(), out var postmaster)) return TimeSpan.Zero;
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); }
            catch (IOException) { continue; } // the process ended while being read
            catch (UnauthorizedAccessException) { continue; }
            // Fields after the command name, which is in parentheses and may contain spaces.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var parent = int.Parse(fields[1]);
            if (pid == postmaster)
                ticks += long.Parse(fields[11]) + long.Parse(fields[12]) + long.Parse(fields[13]) + long.Parse(fields[14]);
            else if (parent == postmaster)
                ticks += long.Parse(fields[11]) + long.Parse(fields[12]);
        }
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
