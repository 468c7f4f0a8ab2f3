using System.Text.Json;
using Npgsql;
using Webcare.Realtime.Core.Persistence;
using Webcare.Realtime.Grains;
using Webcare.Realtime.Grains.Contracts;
using Webcare.Realtime.Host.Health;
using Webcare.Realtime.Storage;

namespace Webcare.Realtime.Host.Storage;

/// <summary>
/// Durable mode: on when <c>ConnectionStrings:Postgres</c> is set (env <c>ConnectionStrings__Postgres</c>).
/// Without it the service keeps everything in memory, as the embedded first run expects.
/// </summary>
public static class DurableStorage
{
    public const string ConnectionStringName = "Postgres";

    /// <summary>Connections this node's own pool may hold when the connection string does not say.</summary>
    public const int DefaultMaxPoolSize = 20;

    public static bool IsEnabled(IConfiguration config) => !string.IsNullOrWhiteSpace(config.GetConnectionString(ConnectionStringName));

    /// <summary>
    /// Registers the data source and the schema migration. Call before Orleans is added: the migration is a
    /// hosted service, and hosted services start in order, so the schema exists before the silo needs it.
    /// </summary>
    public static void AddDurableStorage(this IServiceCollection services, IConfiguration config)
    {
        if (!IsEnabled(config)) return;
        var connection = new NpgsqlConnectionStringBuilder(config.GetConnectionString(ConnectionStringName));
        // PostgreSQL allows 100 connections in all; several pools per node share them.
        if (!connection.ContainsKey("Maximum Pool Size") && !connection.ContainsKey("MaxPoolSize"))
            connection.MaxPoolSize = DefaultMaxPoolSize;
        // No DISCARD ALL when a connection goes back to the pool: it dropped the ingest's staging table (a
        // session temp table), so every batch re-created it (catalog writes) and re-planned its INSERT, whose
        // plan depends on the table's identity. Nothing else here keeps session state: transactions set their
        // own isolation level, and the schema lock is transaction-scoped.
        connection.NoResetOnClose = true;
        services.AddSingleton(_ => NpgsqlDataSource.Create(connection.ConnectionString));
        services.AddHostedService<SchemaMigrationService>();
        services.AddSingleton<IMentionLog, MentionLogWriter>();
        services.AddSingleton<IMentionHistory, MentionLogReader>();
        services.AddSingleton<IMentionLogEraser, MentionLogEraser>();
        services.Configure<RetentionOptions>(config.GetSection("Retention"));
        services.AddHostedService<RetentionStarter>();
        services.AddSingleton(sp => new AlertArchive(sp.GetRequiredService<NpgsqlDataSource>(), ArchiveJson));
        services.AddSingleton<AlertArchiveSink>();
        services.AddSingleton<IAlertSink>(sp => sp.GetRequiredService<AlertArchiveSink>());
        services.AddHostedService(sp => sp.GetRequiredService<AlertArchiveSink>());
        services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"]);
    }

    private static readonly JsonSerializerOptions ArchiveJson = CreateArchiveJson();

    private static JsonSerializerOptions CreateArchiveJson()
    {
        var options = new JsonSerializerOptions();
        WebcareApp.ConfigureJson(options);
        return options;
    }
}

/// <summary>Registers the retention reminder once the silo runs (every node asks; the reminder exists once).</summary>
public sealed class RetentionStarter(IGrainFactory grains, IHostApplicationLifetime lifetime, ILogger<RetentionStarter> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = StartRetentionAsync());
        return Task.CompletedTask;
    }

    private async Task StartRetentionAsync()
    {
        try
        {
            await grains.GetGrain<IRetentionGrain>(0).StartAsync();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not register the retention reminder; old mentions are not purged until the next start");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Migrates the schema at start-up, waiting for a database that is still starting (as in a compose stack).</summary>
public sealed class SchemaMigrationService(NpgsqlDataSource database, IConfiguration config, ILogger<SchemaMigrationService> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + config.GetValue("Storage:StartupTimeout", TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                var applied = await SchemaMigrator.MigrateAsync(database, logger, cancellationToken);
                logger.LogInformation("Durable mode: PostgreSQL schema at version {Version} ({Applied} applied now)",
                    SchemaMigrator.Embedded[^1].Version, applied.Count);
                return;
            }
            catch (NpgsqlException ex) when (ex is not PostgresException && DateTime.UtcNow < deadline)
            {
                // Unreachable, not wrong: a database still starting. A script error (PostgresException) stops start-up.
                logger.LogWarning("PostgreSQL not reachable yet ({Message}); retrying", ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
