using Npgsql;
using Webcare.Realtime.Testing;

namespace Webcare.Realtime.Storage.Tests;

/// <summary>One throwaway server for the storage tests; each test takes a database of its own.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private ThrowawayPostgres? _server;

    public ThrowawayPostgres Server => _server ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _server = await ThrowawayPostgres.StartNewAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }

    /// <summary>A new empty database on the shared server, and a data source for it.</summary>
    public async Task<NpgsqlDataSource> NewDatabaseAsync(int maxPoolSize = 10)
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..12];
        await Server.ScalarAsync<int>($"CREATE DATABASE {name}; SELECT 1");
        var builder = new NpgsqlConnectionStringBuilder(Server.ConnectionStringFor(maxPoolSize)) { Database = name };
        return NpgsqlDataSource.Create(builder.ConnectionString);
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
