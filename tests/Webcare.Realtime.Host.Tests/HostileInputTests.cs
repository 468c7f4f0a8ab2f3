using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Webcare.Realtime.Host.Tests;

/// <summary>Hostile bodies over real HTTP: whatever arrives, the answer is a 2xx or a 4xx, never a 5xx or a hang.</summary>
[Collection(HostCollection.Name)]
public sealed class HostileInputTests(HostFixture fixture)
{
    private readonly HttpClient _http = fixture.Host.CreateClient();

    private async Task<HttpStatusCode> Post(byte[] body, string contentType)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return (await _http.PostAsync("api/mentions", content)).StatusCode;
    }

    [Fact]
    public async Task Mutated_bodies_never_get_a_server_error()
    {
        var random = new Random(7);
        var seed = Encoding.UTF8.GetBytes(
            $"{{\"source\":\"fuzz\",\"id\":\"1\",\"createdAt\":\"{DateTimeOffset.UtcNow:O}\",\"text\":\"<img src=x onerror=alert(1)> wachten\",\"author\":{{\"handle\":\"@a\",\"followers\":3}}}}");
        var statuses = new Dictionary<HttpStatusCode, int>();
        for (var i = 0; i < 2_000; i++)
        {
            var body = Mutate(random, seed);
            var status = await Post(i % 2 == 0 ? body : [(byte)'[', .. body, (byte)']'], i % 2 == 0 ? "application/x-ndjson" : "application/json");
            Assert.True((int)status < 500, $"body {Convert.ToBase64String(body)} got {(int)status}");
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
        }
        Assert.True(statuses.Count >= 2, "the mutations should produce both accepted and refused bodies");
    }

    [Theory]
    [InlineData(100_000)]   // deeply nested unknown field
    public async Task Deep_nesting_is_refused_per_line(int depth)
    {
        var nested = new string('[', depth) + new string(']', depth);
        var line = $"{{\"source\":\"x\",\"id\":\"deep\",\"createdAt\":\"{DateTimeOffset.UtcNow:O}\",\"text\":\"t\",\"extra\":{nested}}}";
        Assert.Equal(HttpStatusCode.BadRequest, await Post(Encoding.UTF8.GetBytes(line), "application/x-ndjson"));
    }

    [Fact]
    public async Task A_huge_number_and_a_path_like_id_are_data_not_trouble()
    {
        var now = DateTimeOffset.UtcNow.ToString("O");
        var body = $"{{\"source\":\"x\",\"id\":\"h1\",\"createdAt\":\"{now}\",\"text\":\"t\",\"author\":{{\"handle\":\"@a\",\"followers\":{new string('9', 5000)}}}}}\n" +
                   $"{{\"source\":\"x\",\"id\":\"../../etc/passwd\",\"createdAt\":\"{now}\",\"text\":\"t\"}}";
        using var content = new StringContent(body, Encoding.UTF8, "application/x-ndjson");
        var answer = await (await _http.PostAsync("api/mentions", content)).Content.ReadAsStringAsync();
        Assert.Contains("\"accepted\":1", answer);
        Assert.Contains("followers", answer);
    }

    private static byte[] Mutate(Random random, byte[] input)
    {
        var data = new List<byte>(input);
        for (var e = random.Next(1, 4); e > 0; e--)
        {
            var at = data.Count == 0 ? 0 : random.Next(data.Count);
            switch (random.Next(4))
            {
                case 0 when data.Count > 0: data[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: data.Insert(at, (byte)random.Next(256)); break;
                case 2 when data.Count > 0: data.RemoveAt(at); break;
                default: data.RemoveRange(at, data.Count - at); break;
            }
        }
        return [.. data];
    }
}
