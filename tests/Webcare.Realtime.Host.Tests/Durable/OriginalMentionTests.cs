using System.Net;
using System.Text;
using System.Text.Json;
using Webcare.Realtime.Testing;
using static Webcare.Realtime.Host.Tests.Durable.DurableMentions;

namespace Webcare.Realtime.Host.Tests.Durable;

/// <summary>
/// #7: every read serves redacted text unless the key has admin. The original lives only in the mention log;
/// an admin key reads it for its own tenant, no other key reads it, and the memory mode says it has none.
/// </summary>
public sealed class OriginalMentionTests
{
    private const string AdminA = "original-admin-tenant-a-0001";
    private const string ReaderA = "original-read-tenant-a-00002";
    private const string AdminB = "original-admin-tenant-b-0003";
    private const string Patient = "Bel me op 06-12345678, mijn BSN is 111222333, de SEH liet me uren wachten";

    private static Dictionary<string, string?> Keys() => new()
    {
        ["Auth:Keys:0:Key"] = AdminA, ["Auth:Keys:0:Tenant"] = "a",
        ["Auth:Keys:0:Scopes:0"] = "admin", ["Auth:Keys:0:Scopes:1"] = "ingest", ["Auth:Keys:0:Scopes:2"] = "read",
        ["Auth:Keys:1:Key"] = ReaderA, ["Auth:Keys:1:Tenant"] = "a", ["Auth:Keys:1:Scopes:0"] = "read",
        ["Auth:Keys:2:Key"] = AdminB, ["Auth:Keys:2:Tenant"] = "b", ["Auth:Keys:2:Scopes:0"] = "admin",
    };

    [Fact]
    public async Task An_admin_reads_the_original_text_of_its_own_tenant_and_nobody_else_does()
    {
        await using var postgres = await ThrowawayPostgres.StartNewAsync();
        await using var host = new TestHost(DurableSettings(postgres, Keys()));
        await host.StartAsync();
        using var adminA = host.CreateClient(AdminA);
        using var readerA = host.CreateClient(ReaderA);
        using var adminB = host.CreateClient(AdminB);
        using var anonymous = host.CreateClient();

        using var body = new StringContent(
            $$"""{"source":"twitter","id":"raw1","createdAt":"{{DateTimeOffset.UtcNow:O}}","author":{"handle":"@patient"},"text":"{{Patient}}"}""",
            Encoding.UTF8, "application/x-ndjson");
        Assert.Equal(HttpStatusCode.Accepted, (await adminA.PostAsync("/api/mentions", body)).StatusCode);

        var original = await adminA.GetAsync("/api/mentions/Twitter/raw1");
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        var json = JsonDocument.Parse(await original.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(Patient, json.GetProperty("text").GetString());
        var redacted = json.GetProperty("redactedText").GetString()!;
        Assert.DoesNotContain("06-12345678", redacted);
        Assert.DoesNotContain("111222333", redacted);
        Assert.True(json.GetProperty("privacySensitive").GetBoolean());
        Assert.Equal("@patient", json.GetProperty("author").GetProperty("handle").GetString());

        // The same mention through every other door: redacted, or not at all.
        var snapshot = await readerA.GetStringAsync("/api/snapshot");
        Assert.Contains("raw1", snapshot);
        Assert.DoesNotContain("06-12345678", snapshot);
        Assert.Equal(HttpStatusCode.Forbidden, (await readerA.GetAsync("/api/mentions/twitter/raw1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/mentions/twitter/raw1")).StatusCode);
        var otherTenant = await adminB.GetAsync("/api/mentions/twitter/raw1");
        Assert.Equal(HttpStatusCode.NotFound, otherTenant.StatusCode);
        Assert.DoesNotContain("06-12345678", await otherTenant.Content.ReadAsStringAsync());
        var unknown = await adminA.GetAsync("/api/mentions/twitter/nope");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_memory_mode_says_it_keeps_no_original_text()
    {
        await using var host = new TestHost(Keys());
        await host.StartAsync();
        using var adminA = host.CreateClient(AdminA);

        var answer = await adminA.GetAsync("/api/mentions/twitter/raw1");

        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        Assert.Contains("durable mode", await answer.Content.ReadAsStringAsync());
    }
}
