using System.Security.Claims;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Grains.Contracts;
using Webcare.Realtime.Host.Security;
using Webcare.Realtime.Ingestion;

namespace Webcare.Realtime.Host.Api;

/// <summary><c>GET/PUT /api/topics</c> and <c>GET /api/topics/{name}</c>, per tenant; changing topics needs <c>admin</c>.</summary>
public static class TopicEndpoints
{
    public static void MapTopicEndpoints(this IEndpointRouteBuilder app)
    {
        var topics = app.MapGroup("/api/topics").RequireRateLimiting(RateLimits.PerKey);

        topics.MapGet("", async (ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var catalog = await grains.GetGrain<ITopicCatalogGrain>(user.Tenant()).GetAsync();
            return Results.Ok(new { catalog.Version, catalog.Topics });
        }).RequireAuthorization(Scopes.Read);

        topics.MapPut("", async (TopicDefinition[]? definitions, ClaimsPrincipal user, IGrainFactory grains, TopicMatcherCache cache) =>
        {
            if (definitions is null)
                return Results.Problem(statusCode: 400, title: "No topics", detail: "Send a JSON array of {\"name\", \"query\"}.");
            try
            {
                var catalog = await grains.GetGrain<ITopicCatalogGrain>(user.Tenant()).SetAsync([.. definitions]);
                cache.Invalidate(user.Tenant());
                return Results.Ok(new { catalog.Version, catalog.Topics });
            }
            catch (ArgumentException ex)
            {
                return Results.Problem(statusCode: 400, title: "Invalid topic", detail: ex.Message);
            }
        }).RequireAuthorization(Scopes.Admin);

        topics.MapGet("/{name}", async (string name, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var tenant = user.Tenant();
            var catalog = await grains.GetGrain<ITopicCatalogGrain>(tenant).GetAsync();
            var topic = catalog.Topics.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
            if (topic is null)
                return Results.Problem(statusCode: 404, title: "Unknown topic", detail: $"No topic is named '{name}'.");
            var summary = await grains.GetGrain<ITopicGrain>(TenantKey.Of(tenant, topic.Name)).GetSummaryAsync();
            return Results.Ok(new { topic.Name, topic.Query, Summary = summary });
        }).RequireAuthorization(Scopes.Read);
    }
}
