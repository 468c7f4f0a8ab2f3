using Webcare.Realtime.Storage;
using Webcare.Realtime.Testing;
using static Webcare.Realtime.Host.Tests.Durable.DurableMentions;

namespace Webcare.Realtime.Host.Tests.Durable;

public sealed class DurableStartupTests
{
    [Fact]
    public async Task A_host_with_a_connection_string_creates_the_schema_before_it_serves()
    {
        await using var postgres = await ThrowawayPostgres.StartNewAsync();
        await using var host = new TestHost(DurableSettings(postgres));
        await host.StartAsync();

        Assert.Equal(SchemaMigrator.Embedded[^1].Version, await postgres.ScalarAsync<int>("SELECT max(version) FROM schema_version"));
        using var http = host.CreateClient();
        Assert.True((await http.GetAsync("/health/ready")).IsSuccessStatusCode);
    }
}
