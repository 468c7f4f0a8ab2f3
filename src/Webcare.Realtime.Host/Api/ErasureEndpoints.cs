using System.Data.Common;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Webcare.Realtime.Core.Persistence;
using Webcare.Realtime.Grains;
using Webcare.Realtime.Host.Security;
using Webcare.Realtime.Ingestion;

namespace Webcare.Realtime.Host.Api;

/// <summary>
/// <c>DELETE /api/authors/{source}/{handle}</c> (admin): GDPR erasure of one author's mentions of one source,
/// for the caller's tenant; the aggregates they fed are rebuilt from what remains.
/// </summary>
public static class ErasureEndpoints
{
    public static void MapErasureEndpoints(this IEndpointRouteBuilder app) =>
        app.MapDelete("/api/authors/{source}/{handle}", EraseAsync)
            .RequireAuthorization(Scopes.Admin).RequireRateLimiting(RateLimits.PerKey);

    private static async Task<IResult> EraseAsync(
        string source, string handle, ClaimsPrincipal user, IServiceProvider services, IGrainFactory grains,
        IOptions<ConversationOptions> conversations, ILoggerFactory loggers, HttpContext http)
    {
        var eraser = services.GetService<IMentionLogEraser>();
        if (eraser is null)
            return StorageProblem.NoMentionLog("Erasure works on", "nothing is stored: a restart forgets every mention.");
        if (string.IsNullOrWhiteSpace(handle) || handle.Length > 200)
            return Results.Problem(statusCode: 400, title: "Not a handle", detail: "Give the author's handle as it appears in mentions, e.g. '@jdevries'.");
        Deletion deletion;
        try
        {
            deletion = await eraser.EraseAuthorAsync(user.Tenant(), source.ToLowerInvariant(), handle, http.RequestAborted);
        }
        catch (Exception ex) when (ex is DbException || StorageFault.IsTransient(ex))
        {
            return StorageProblem.For(ex, http, loggers.CreateLogger("Webcare.Realtime.Erasure"), "The erasure");
        }
        await LogRebuild.EraseAsync(grains, user.Tenant(), deletion, conversations.Value);
        return Results.Ok(new
        {
            erased = deletion.Mentions,
            rebuilt = deletion.Fed.Select(f => new { scope = f.Scope.ToString().ToLowerInvariant(), name = f.Name }),
        });
    }
}
