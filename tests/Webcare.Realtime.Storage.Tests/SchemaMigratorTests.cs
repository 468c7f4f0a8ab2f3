using Npgsql;

namespace Webcare.Realtime.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class SchemaMigratorTests(PostgresFixture postgres)
{
    [Fact]
    public void Embedded_scripts_start_at_one_and_apply_in_number_order()
    {
        var versions = SchemaMigrator.Embedded.Select(m => m.Version).ToList();
        Assert.Equal(1, versions[0]);
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(versions.Count, versions.Distinct().Count());
        Assert.Contains(SchemaMigrator.Embedded, m => m.Name == "0001_mention_log");
    }

    [Fact]
    public async Task Applies_every_version_once_and_then_nothing()
    {
        await using var database = await postgres.NewDatabaseAsync();
        var first = await SchemaMigrator.MigrateAsync(database);
        var second = await SchemaMigrator.MigrateAsync(database);

        Assert.Equal(SchemaMigrator.Embedded.Select(m => m.Version), first);
        Assert.Empty(second);
        Assert.Equal(SchemaMigrator.Embedded.Count, await CountAsync(database, "SELECT count(*) FROM schema_version"));
        Assert.Equal(0, await CountAsync(database, "SELECT count(*) FROM mention_log"));
    }

    [Fact]
    public async Task Nodes_starting_at_once_apply_each_version_exactly_once()
    {
        await using var database = await postgres.NewDatabaseAsync(maxPoolSize: 10);
        var nodes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => SchemaMigrator.MigrateAsync(database))));

        Assert.Equal(SchemaMigrator.Embedded.Count, nodes.Sum(applied => applied.Count));
        Assert.Single(nodes, applied => applied.Count > 0);
        Assert.Equal(SchemaMigrator.Embedded.Count, await CountAsync(database, "SELECT count(*) FROM schema_version"));
    }

    [Fact]
    public async Task A_database_at_an_older_version_gets_only_the_newer_scripts()
    {
        await using var database = await postgres.NewDatabaseAsync();
        SchemaMigrator.Migration[] v1 = [new(1, "0001_a", "CREATE TABLE a (x int)")];
        SchemaMigrator.Migration[] v2 = [.. v1, new(2, "0002_b", "CREATE TABLE b (x int); INSERT INTO a VALUES (1)")];
        await SchemaMigrator.MigrateAsync(database, v1, null, default);

        var applied = await SchemaMigrator.MigrateAsync(database, v2, null, default);

        Assert.Equal([2], applied);
        Assert.Equal(1, await CountAsync(database, "SELECT count(*) FROM a"));
    }

    [Fact]
    public async Task A_failing_script_leaves_no_half_schema_and_names_itself()
    {
        await using var database = await postgres.NewDatabaseAsync();
        SchemaMigrator.Migration[] broken = [new(1, "0001_a", "CREATE TABLE a (x int)"), new(2, "0002_broken", "CREATE TABLE b (x nosuchtype)")];

        var error = await Assert.ThrowsAsync<PostgresException>(() => SchemaMigrator.MigrateAsync(database, broken, null, default));

        Assert.Contains("nosuchtype", error.MessageText);
        Assert.Equal(0, await CountAsync(database, "SELECT count(*) FROM pg_tables WHERE tablename IN ('a', 'schema_version')"));
    }

    private static async Task<long> CountAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
