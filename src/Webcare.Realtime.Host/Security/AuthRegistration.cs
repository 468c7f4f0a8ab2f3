using System.Net;
using Microsoft.AspNetCore.Authorization;

namespace Webcare.Realtime.Host.Security;

public static class AuthRegistration
{
    public static IServiceCollection AddWebcareAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuthOptions>(configuration.GetSection("Auth"));
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<WallTickets>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(
                ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(options =>
        {
            // A policy per scope; admin may do everything.
            foreach (var scope in Scopes.All)
                options.AddPolicy(scope, policy => policy.RequireAuthenticatedUser()
                    .RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, scope, Scopes.Admin));
        });
        return services;
    }

    /// <summary>
    /// Without keys anyone who can reach the service can read patients' posts and post mentions: allowed on
    /// loopback only. Binding another address without keys refuses to start.
    /// </summary>
    public static void GuardOpenMode(WebApplication app, IEnumerable<string> urls)
    {
        if (!app.Services.GetRequiredService<ApiKeyStore>().IsOpen) return;
        var exposed = urls.Where(url => !IsLoopback(url)).ToList();
        if (exposed.Count > 0)
            throw new InvalidOperationException(
                $"No keys are configured (Auth:Keys), so the service may only listen on loopback, but it is set to listen on {string.Join(", ", exposed)}. " +
                "Configure Auth:Keys (see README.md, Security) or listen on 127.0.0.1.");
        app.Logger.LogWarning("No keys configured (Auth:Keys): running open, on loopback only, as tenant 'default'.");
    }

    private static bool IsLoopback(string url)
    {
        var host = url.Split("://", 2)[^1].Split('/')[0];
        host = host.StartsWith('[') ? host[1..host.IndexOf(']')] : host.Split(':')[0];
        return host == "localhost" || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
