using System.Security.Claims;
using Microsoft.Extensions.Options;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Analysis.Topics;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Grains;
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

        topics.MapPut("", async (TopicDefinition[]? definitions, ClaimsPrincipal user, IGrainFactory grains, TopicMatcherCache cache, IOptions<TopicOptions> limits) =>
        {
            if (definitions is null)
                return Results.Problem(statusCode: 400, title: "No topics", detail: "Send a JSON array of {\"name\", \"query\"}.");
            try
            {
                // Checked here too (the grain checks again) so the problem can carry the topic and the position.
                TopicCatalogGrain.Validate([.. definitions], limits.Value);
            }
            catch (TopicValidationException ex)
            {
                return InvalidTopic(ex.Message, ex.Topic, ex.Query);
            }
            try
            {
                var catalog = await grains.GetGrain<ITopicCatalogGrain>(user.Tenant()).SetAsync([.. definitions]);
                cache.Invalidate(user.Tenant());
                return Results.Ok(new { catalog.Version, catalog.Topics });
            }
            catch (ArgumentException ex)
            {
                return InvalidTopic(ex.Message, null, null);
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

    private static IResult InvalidTopic(string detail, string? topic, TopicQueryException? query)
    {
        var extensions = new Dictionary<string, object?>();
        if (topic is not null) extensions["topic"] = topic;
        if (query is not null)
        {
            extensions["position"] = query.Position;
            extensions["expected"] = query.Expected;
            extensions["found"] = query.Found;
        }
        return Results.Problem(statusCode: 400, title: "Invalid topic", detail: detail, extensions: extensions);
    }
}
