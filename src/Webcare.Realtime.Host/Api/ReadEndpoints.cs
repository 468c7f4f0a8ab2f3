using System.Security.Claims;
using Microsoft.Extensions.Options;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Grains;
using Webcare.Realtime.Grains.Contracts;
using Webcare.Realtime.Host.Security;

namespace Webcare.Realtime.Host.Api;

/// <summary>The read API: everything the wall shows, as JSON, for the caller's tenant only.</summary>
public static class ReadEndpoints
{
    public static void MapReadEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").RequireAuthorization(Scopes.Read).RequireRateLimiting(RateLimits.PerKey);

        read.MapGet("/stats", async (ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var snapshot = await grains.GetGrain<IWallFeedGrain>(user.Tenant()).GetSnapshotAsync();
            return Results.Ok(new
            {
                ingested = snapshot.Totals.Accepted,
                duplicates = snapshot.Totals.Duplicates,
                rejected = snapshot.Totals.Rejected,
                sources = snapshot.Sources.Select(s => new { source = s.Key, s.Total, s.LastHour, s.NetSentiment, s.LastSeen }),
                topics = snapshot.Topics.Select(t => new { topic = t.Key, t.Total, t.LastHour, t.NetSentiment, t.LastSeen }),
                asOf = snapshot.AsOf,
            });
        });

        read.MapGet("/snapshot", async (ClaimsPrincipal user, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<IWallFeedGrain>(user.Tenant()).GetSnapshotAsync()));

        read.MapGet("/conversations/{id}", async (string id, ClaimsPrincipal user, IGrainFactory grains, IOptions<ConversationOptions> options) =>
        {
            if (!id.Contains(':'))
                return Results.Problem(statusCode: 400, title: "Not a conversation id",
                    detail: "A conversation id is 'source:conversationId', e.g. 'twitter:1850000000001'.");
            var tenant = user.Tenant();
            // A conversation of one mention is still with its router shard; a longer one has its own grain.
            var summary = await grains.GetGrain<IConversationShardGrain>(options.Value.ShardOf(tenant, id)).GetPendingAsync(id)
                ?? await grains.GetGrain<IConversationGrain>(TenantKey.Of(tenant, id)).GetSummaryAsync();
            return summary is null
                ? Results.Problem(statusCode: 404, title: "Unknown conversation", detail: $"No mention has been seen in conversation '{id}'.")
                : Results.Ok(summary);
        });
    }
}
