using System.Security.Claims;
using Webcare.Realtime.Host.Security;

namespace Webcare.Realtime.Host.Api;

/// <summary><c>POST /api/wall/ticket</c>: a key with the wall scope, sent in a header, buys a 60-second hub ticket.</summary>
public static class WallTicketEndpoints
{
    public static void MapWallTicketEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/wall/ticket", (ClaimsPrincipal user, WallTickets tickets) =>
        {
            var (ticket, expires) = tickets.Issue(
                user.Tenant(),
                user.FindAll(ApiKeyAuthenticationHandler.ScopeClaim).Select(c => c.Value),
                user.FindFirst(ApiKeyAuthenticationHandler.KeyClaim)?.Value);
            return Results.Ok(new { ticket, expiresAt = expires });
        }).RequireAuthorization(Scopes.Wall).RequireRateLimiting(RateLimits.PerKey).DisableAntiforgery();
}
