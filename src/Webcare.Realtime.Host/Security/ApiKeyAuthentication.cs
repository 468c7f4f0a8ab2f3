using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Host.Security;

/// <summary>
/// Reads the caller's credential: a key in <c>X-Api-Key</c> or <c>Authorization: Bearer</c>, or, on the hub
/// only, a wall ticket (<see cref="WallTickets"/>) in <c>Authorization: Bearer</c> or the
/// <c>access_token</c> query parameter (a browser cannot set headers on a WebSocket). A key in a query
/// string is refused: URLs end up in logs. With no keys configured, everyone is the default tenant with
/// every scope.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys, WallTickets tickets)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string TenantClaim = "tenant";
    public const string ScopeClaim = "scope";

    /// <summary>A short fingerprint of the key (not the key), to rate-limit per key.</summary>
    public const string KeyClaim = "key";

    /// <summary>The key's configured name (<see cref="ApiKeyEntry.Name"/>), when it has one.</summary>
    public const string NameClaim = "name";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (keys.IsOpen) return Task.FromResult(Success(TenantKey.DefaultTenant, Scopes.All, fingerprint: null));
        var onHub = Request.Path.StartsWithSegments("/hubs");
        var (presented, inUrl) = PresentedCredential(onHub);
        if (presented is null) return Task.FromResult(AuthenticateResult.NoResult());
        if (onHub && tickets.Find(presented) is { } ticket)
            return Task.FromResult(Success(ticket.Tenant, ticket.Scopes, ticket.Fingerprint));
        if (!inUrl && keys.Find(presented) is { } key)
            return Task.FromResult(Success(key.Tenant, key.Scopes, Convert.ToHexString(key.Hash, 0, 8), key.Name));
        return Task.FromResult(AuthenticateResult.Fail(inUrl ? "unknown or expired wall ticket" : "unknown key"));
    }

    private (string? Credential, bool InUrl) PresentedCredential(bool onHub)
    {
        var headers = Request.Headers;
        if (headers.TryGetValue("X-Api-Key", out var apiKey) && !string.IsNullOrEmpty(apiKey)) return (apiKey.ToString(), false);
        var authorization = headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return (authorization["Bearer ".Length..].Trim(), false);
        if (onHub && Request.Query.TryGetValue("access_token", out var token)) return (token.ToString(), true);
        return (null, false);
    }

    private AuthenticateResult Success(string tenant, IEnumerable<string> scopes, string? fingerprint, string? name = null)
    {
        var identity = new ClaimsIdentity(
            [new Claim(TenantClaim, tenant), .. scopes.Select(s => new Claim(ScopeClaim, s))], SchemeName);
        if (fingerprint is not null) identity.AddClaim(new Claim(KeyClaim, fingerprint));
        if (name is not null) identity.AddClaim(new Claim(NameClaim, name));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblem(401, "Unauthorized", "Send a valid key in the X-Api-Key header (the wall: ?key=…).");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblem(403, "Forbidden", "This key does not have the scope this request needs.");

    private Task WriteProblem(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(Context);
}

public static class CallerExtensions
{
    /// <summary>The tenant of the authenticated caller; every read and write is scoped to it.</summary>
    public static string Tenant(this ClaimsPrincipal user) =>
        user.FindFirst(ApiKeyAuthenticationHandler.TenantClaim)?.Value
        ?? throw new InvalidOperationException("the caller has no tenant; is the endpoint missing RequireAuthorization?");

    /// <summary>The name configured for the caller's key, if any.</summary>
    public static string? KeyName(this ClaimsPrincipal user) => user.FindFirst(ApiKeyAuthenticationHandler.NameClaim)?.Value;
}
