namespace Webcare.Realtime.Testing;

/// <summary>
/// The server settings production runs with: deploy/postgresql.conf, and the environment docker-compose.yml
/// gives the postgres service. A benchmark measures the server as deployed; ComposeFileTests keeps the two
/// files in step with this class.
/// </summary>
public static class PostgresTuning
{
    /// <summary>
    /// glibc's malloc gives freed memory back to the kernel eagerly; a backend that builds and frees the same
    /// working memory for every 1,000-mention batch then pays page faults and <c>brk</c> calls again each time
    /// (about 7 % of PostgreSQL's CPU in a profile of durable ingest). Keeping 64 MB of slack avoids that.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        ["MALLOC_TOP_PAD_"] = "67108864",
        ["MALLOC_TRIM_THRESHOLD_"] = "134217728",
    };

    /// <summary>deploy/postgresql.conf as <c>name=value</c> settings, without listen_addresses (a throwaway server listens on loopback).</summary>
    public static IReadOnlyList<string> Settings() =>
        [.. System.IO.File.ReadLines(RepositoryRoot.File("deploy", "postgresql.conf"))
            .Select(line => line.Split('#')[0].Trim())
            .Where(line => line.Contains('='))
            .Select(line => line.Split('=', 2) is var kv ? $"{kv[0].Trim()}={kv[1].Trim().Trim('\'')}" : line)
            .Where(setting => !setting.StartsWith("listen_addresses=", StringComparison.Ordinal))];
}
