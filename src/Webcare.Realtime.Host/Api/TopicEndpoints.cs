using System.Collections.Immutable;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Grains.Contracts;
using Webcare.Realtime.Ingestion;

namespace Webcare.Realtime.Host.Api;

/// <summary><c>GET/PUT /api/topics</c> and <c>GET /api/topics/{name}</c>.</summary>
public static class TopicEndpoints
{
    public static void MapTopicEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/topics", async (IGrainFactory grains) =>
        {
            var catalog = await grains.GetGrain<ITopicCatalogGrain>(Tenants.Default).GetAsync();
            return Results.Ok(new { catalog.Version, catalog.Topics });
        });

        app.MapPut("/api/topics", async (TopicDefinition[]? topics, IGrainFactory grains, TopicMatcherCache cache) =>
        {
            if (topics is null)
                return Results.Problem(statusCode: 400, title: "No topics", detail: "Send a JSON array of {\"name\", \"query\"}.");
            try
            {
                var catalog = await grains.GetGrain<ITopicCatalogGrain>(Tenants.Default).SetAsync([.. topics]);
                cache.Invalidate();
                return Results.Ok(new { catalog.Version, catalog.Topics });
            }
            catch (ArgumentException ex)
            {
                return Results.Problem(statusCode: 400, title: "Invalid topic", detail: ex.Message);
            }
        });

        app.MapGet("/api/topics/{name}", async (string name, IGrainFactory grains) =>
        {
            var catalog = await grains.GetGrain<ITopicCatalogGrain>(Tenants.Default).GetAsync();
            var topic = catalog.Topics.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
            if (topic is null)
                return Results.Problem(statusCode: 404, title: "Unknown topic", detail: $"No topic is named '{name}'.");
            var summary = await grains.GetGrain<ITopicGrain>(topic.Name).GetSummaryAsync();
            return Results.Ok(new { topic.Name, topic.Query, Summary = summary });
        });
    }
}
