using System.Data.Common;
using System.Security.Claims;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Persistence;
using Webcare.Realtime.Host.Security;
using Webcare.Realtime.Ingestion;

namespace Webcare.Realtime.Host.Api;

/// <summary>
/// <c>GET /api/mentions/{source}/{id}</c> (admin): one stored mention as it was received, raw text included.
/// Every other read serves redacted text; the original is kept only in the mention log (durable mode), for the
/// people who must see it (for instance to answer a patient in a private channel), and is never logged.
/// </summary>
public static class OriginalMentionEndpoints
{
    public static void MapOriginalMentionEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/mentions/{source}/{id}", ReadAsync)
            .RequireAuthorization(Scopes.Admin).RequireRateLimiting(RateLimits.PerKey);

    private static async Task<IResult> ReadAsync(
        string source, string id, ClaimsPrincipal user, IServiceProvider services, ILoggerFactory loggers, HttpContext http)
    {
        var history = services.GetService<IMentionHistory>();
        if (history is null)
            return StorageProblem.NoMentionLog("The original text is kept only in", "only the redacted text is kept.");
        IReadOnlyList<EnrichedMention> found;
        try
        {
            found = await history.ReadMentionsAsync(user.Tenant(), [new MentionKey(source.ToLowerInvariant(), id)], http.RequestAborted);
        }
        catch (Exception ex) when (ex is DbException || StorageFault.IsTransient(ex))
        {
            return StorageProblem.For(ex, http, loggers.CreateLogger("Webcare.Realtime.OriginalMention"), "Reading the mention");
        }
        if (found.Count == 0)
            return Results.Problem(statusCode: 404, title: "Unknown mention",
                detail: $"The mention log holds no mention '{source}:{id}' for this key's organisation.");
        var stored = found[0];
        var m = stored.Mention;
        return Results.Ok(new
        {
            m.Source,
            m.Id,
            m.CreatedAt,
            stored.ReceivedAt,
            m.Author,
            text = m.Text,
            redactedText = stored.Scan.RedactedText,
            privacySensitive = stored.Scan.Sensitive,
            m.Url,
            m.ConversationId,
            m.InReplyTo,
            m.SharedFrom,
            m.Metrics,
            language = stored.Sentiment.Language.Code(),
            sentiment = new { score = stored.Sentiment.Score, label = stored.Sentiment.Label },
            stored.Topics,
            stored.FromOwnAccount,
        });
    }
}
