using System.Net;
using Webcare.Realtime.Host.Security;

namespace Webcare.Realtime.Host.Tests;

/// <summary>The wall's files are served by the host itself, with the headers a shared screen needs.</summary>
[Collection(HostCollection.Name)]
public sealed class WallPageTests(HostFixture fixture)
{
    private readonly HttpClient _http = fixture.Host.CreateClient();

    [Fact]
    public async Task The_wall_and_its_signalr_client_are_served_locally_with_a_strict_policy()
    {
        var page = await _http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("lib/signalr.min.js", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", ""));
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-cache", page.Headers.CacheControl?.ToString());
        // Every answer, the API's problems included, not only the page.
        var problem = await _http.GetAsync("api/conversations/no-source-here");
        Assert.Equal(HttpStatusCode.BadRequest, problem.StatusCode);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, problem.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", problem.Headers.GetValues("X-Content-Type-Options").Single());

        var client = await _http.GetAsync("lib/signalr.min.js");
        Assert.Equal(HttpStatusCode.OK, client.StatusCode);
        Assert.Contains("signalR", await client.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("wall.js")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("package.json")).StatusCode);
    }

    [Fact]
    public async Task Slash_wall_leads_to_the_wall()
    {
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Host.BaseAddress };
        var response = await noRedirect.GetAsync("wall");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.ToString());
    }
}
