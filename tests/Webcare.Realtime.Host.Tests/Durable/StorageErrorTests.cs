using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Webcare.Realtime.Testing;
using static Webcare.Realtime.Host.Tests.Durable.DurableMentions;

namespace Webcare.Realtime.Host.Tests.Durable;

/// <summary>
/// A database failure a retry can fix is 503 with Retry-After; one it cannot fix (schema, constraint, data)
/// is 500 with a problem body that quotes neither the SQL nor the mention, logged once with its SQLSTATE.
/// </summary>
public sealed class StorageErrorTests
{
    [Fact]
    public async Task A_permanent_database_error_is_a_500_without_sql_or_mention_text_logged_once_with_its_sqlstate()
    {
        await using var postgres = await ThrowawayPostgres.StartNewAsync();
        await using var host = new TestHost(DurableSettings(postgres), captureLogs: true);
        await host.StartAsync();
        using var http = host.CreateClient();
        // A constraint the service does not know about, as a faulty migration or a DBA would leave it.
        await postgres.ScalarAsync<int>("ALTER TABLE mention_log ADD CONSTRAINT no_forbidden CHECK (text NOT LIKE '%verboden%') NOT VALID; SELECT 1");

        using var response = await PostAsync(http, Batch(0, 3, DateTimeOffset.UtcNow).Replace("Parkeren", "verboden geheimtekst"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.False(response.Headers.Contains("Retry-After"), "a permanent error must not invite a retry");
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("23514", problem.GetProperty("sqlState").GetString());
        foreach (var leak in new[] { "verboden", "geheimtekst", "mention_log", "no_forbidden", "INSERT", "SELECT", "constraint" })
            Assert.DoesNotContain(leak, body, StringComparison.OrdinalIgnoreCase);
        var logged = host.Logs!.Lines.Where(l => l.Contains("23514")).ToList();
        Assert.Single(logged);
        Assert.DoesNotContain("geheimtekst", string.Join('\n', host.Logs.Lines));
        // The service itself is fine: a batch the constraint allows is stored.
        await AcceptedAsync(http, Batch(10, 1, DateTimeOffset.UtcNow).Replace("Parkeren", "Fietsen"));
    }

    [Fact]
    public async Task A_transient_database_error_is_a_503_with_retry_after_and_the_retry_is_stored()
    {
        await using var postgres = await ThrowawayPostgres.StartNewAsync();
        // A lock the ingest cannot get within half a second fails with lock_not_available (55P03).
        var connection = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Options = "-c lock_timeout=500" }.ConnectionString;
        await using var host = new TestHost(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = connection });
        await host.StartAsync();
        using var http = host.CreateClient();
        var batch = Batch(0, 5, DateTimeOffset.UtcNow);

        await using (var maintenance = new NpgsqlConnection(postgres.ConnectionString))
        {
            await maintenance.OpenAsync();
            await using var transaction = await maintenance.BeginTransactionAsync();
            await using (var lockTable = new NpgsqlCommand("LOCK TABLE mention_log IN ACCESS EXCLUSIVE MODE", maintenance, transaction))
                await lockTable.ExecuteNonQueryAsync();

            using var response = await PostAsync(http, batch);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 without Retry-After");
            Assert.DoesNotContain("mention_log", body.ToString());
            await transaction.RollbackAsync();
        }

        Assert.Equal(5, (await AcceptedAsync(http, batch)).GetProperty("accepted").GetInt32());
        Assert.Equal(5, await postgres.ScalarAsync<long>("SELECT count(*) FROM mention_log"));
    }
}
