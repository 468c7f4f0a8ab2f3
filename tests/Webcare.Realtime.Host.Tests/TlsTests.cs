using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Webcare.Realtime.Testing;

namespace Webcare.Realtime.Host.Tests;

/// <summary>
/// #7: with TLS configured (an <c>https://</c> address in <c>urls</c> and a Kestrel certificate), answers carry
/// HSTS and plain HTTP is redirected to HTTPS. ASP.NET Core never sends HSTS for localhost, 127.0.0.1 or [::1],
/// so the requests name the host a control room would use.
/// </summary>
public sealed class TlsTests : IDisposable
{
    private const string HostName = "wall.ziekenhuis.example";
    private readonly string _certificate = Path.Combine(Path.GetTempPath(), $"webcare-tls-{Guid.NewGuid():N}.pfx");

    public void Dispose() => File.Delete(_certificate);

    [Fact]
    public async Task With_tls_configured_answers_carry_hsts_and_plain_http_is_redirected_to_https()
    {
        WriteSelfSignedCertificate(_certificate, "test-password");
        var (https, http) = (LoopbackPorts.Free(), LoopbackPorts.Free());
        await using var host = new TestHost(new Dictionary<string, string?>
        {
            ["urls"] = $"https://127.0.0.1:{https};http://127.0.0.1:{http}",
            ["Kestrel:Certificates:Default:Path"] = _certificate,
            ["Kestrel:Certificates:Default:Password"] = "test-password",
        });
        await host.StartAsync();
        using var client = new HttpClient(new HttpClientHandler
        {
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = (_, _, _, _) => true, // the test's own self-signed certificate
        });

        using var secure = new HttpRequestMessage(HttpMethod.Get, $"https://127.0.0.1:{https}/health/live") { Headers = { Host = HostName } };
        using var secureAnswer = await client.SendAsync(secure);
        Assert.Equal(HttpStatusCode.OK, secureAnswer.StatusCode);
        Assert.True(secureAnswer.Headers.TryGetValues("Strict-Transport-Security", out var hsts), "no HSTS header over HTTPS");
        Assert.Contains("max-age=", hsts!.Single());

        using var plain = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{http}/api/stats") { Headers = { Host = HostName } };
        using var plainAnswer = await client.SendAsync(plain);
        Assert.True(plainAnswer.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.Redirect,
            $"plain HTTP answered {(int)plainAnswer.StatusCode}, not a redirect");
        Assert.Equal($"https://{HostName}:{https}/api/stats", plainAnswer.Headers.Location?.ToString());
        Assert.False(plainAnswer.Headers.Contains("Strict-Transport-Security"), "HSTS must not be sent over plain HTTP");
    }

    private static void WriteSelfSignedCertificate(string path, string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={HostName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(HostName);
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false)); // server authentication
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
    }
}
