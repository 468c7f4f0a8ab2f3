using System.Security.Claims;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Grains.Contracts;
using Webcare.Realtime.Host.Security;

namespace Webcare.Realtime.Host.Api;

/// <summary><c>GET /api/alerts</c> and <c>POST /api/alerts/{id}/ack</c>, for the caller's tenant.</summary>
public static class AlertEndpoints
{
    public static void MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/alerts").RequireAuthorization(Scopes.Read).RequireRateLimiting(RateLimits.PerKey);

        alerts.MapGet("", async (ClaimsPrincipal user, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<IAlertBookGrain>(user.Tenant()).GetAsync()));

        alerts.MapPost("/{id}/ack", async (string id, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var alert = await grains.GetGrain<IAlertBookGrain>(user.Tenant()).AcknowledgeAsync(id);
            return alert switch
            {
                null => Results.Problem(statusCode: 404, title: "Unknown alert", detail: $"No open or recent alert has the id '{id}'."),
                { State: AlertState.Resolved } => Results.Problem(statusCode: 409, title: "Already resolved",
                    detail: $"Alert '{id}' was resolved at {alert.ResolvedAt:u}; there is nothing to acknowledge."),
                _ => Results.Ok(alert),
            };
        }).DisableAntiforgery();
    }
}
