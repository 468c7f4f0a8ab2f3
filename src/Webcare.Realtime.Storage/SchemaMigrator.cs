using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Webcare.Realtime.Storage;

/// <summary>
/// Brings the database to the newest schema at start-up. The versions are the SQL files embedded from
/// <c>Migrations/NNNN_name.sql</c>, applied in number order; each applied version is recorded in
/// <c>schema_version</c>, so running again changes nothing. Everything happens in one transaction under
/// an advisory lock: nodes starting at once wait for each other, and a failed script leaves no half schema.
/// </summary>
public static class SchemaMigrator
{
    /// <summary>Any constant shared by every node; "webcare" in ASCII.</summary>
    private const long LockKey = 0x77656263617265;

    private const string ResourcePrefix = "Webcare.Realtime.Storage.Migrations.";

    public sealed record Migration(int Version, string Name, string Sql);

    /// <summary>The embedded scripts, in the order they apply.</summary>
    public static IReadOnlyList<Migration> Embedded { get; } = LoadEmbedded();

    /// <summary>Applies what is missing; returns the versions this call applied (none when up to date).</summary>
    public static Task<IReadOnlyList<int>> MigrateAsync(
        NpgsqlDataSource database, ILogger? logger = null, CancellationToken cancellationToken = default) =>
        MigrateAsync(database, Embedded, logger, cancellationToken);

    internal static async Task<IReadOnlyList<int>> MigrateAsync(
        NpgsqlDataSource database, IReadOnlyList<Migration> migrations, ILogger? logger, CancellationToken cancellationToken)
    {
        logger ??= NullLogger.Instance;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version    int PRIMARY KEY,
                name       text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, cancellationToken);

        var applied = new HashSet<int>();
        await using (var read = new NpgsqlCommand("SELECT version FROM schema_version", connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) applied.Add(reader.GetInt32(0));

        var now = new List<int>();
        foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)))
        {
            logger.LogInformation("Applying schema version {Version} ({Name})", migration.Version, migration.Name);
            await ExecuteAsync(connection, migration.Sql, cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO schema_version (version, name) VALUES ($1, $2)", connection);
            record.Parameters.Add(new() { Value = migration.Version });
            record.Parameters.Add(new() { Value = migration.Name });
            await record.ExecuteNonQueryAsync(cancellationToken);
            now.Add(migration.Version);
        }
        await transaction.CommitAsync(cancellationToken);
        return now;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static IReadOnlyList<Migration> LoadEmbedded()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..^".sql".Length];
            var underscore = name.IndexOf('_');
            if (underscore <= 0 || !int.TryParse(name[..underscore], out var version))
                throw new InvalidOperationException($"Migration '{name}.sql' must be named NNNN_description.sql.");
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var text = new StreamReader(stream);
            migrations.Add(new Migration(version, name, text.ReadToEnd()));
        }
        var clash = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new InvalidOperationException($"Two migrations share version {clash.Key}: {string.Join(", ", clash.Select(m => m.Name))}.");
        return [.. migrations.OrderBy(m => m.Version)];
    }
}
