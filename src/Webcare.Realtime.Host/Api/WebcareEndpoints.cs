using System.Security.Claims;
using System.Text.Json;
using Webcare.Realtime.Core.Ingest;
using Webcare.Realtime.Core.Webcare;
using Webcare.Realtime.Grains.Contracts;
using Webcare.Realtime.Grains.Webcare;
using Webcare.Realtime.Host.Security;

namespace Webcare.Realtime.Host.Api;

/// <summary>The body of a case action: who acts (else the key's name), an optional note, and for assign the assignee.</summary>
public sealed record CaseActionBody(string? By, string? Note, string? Assignee);

/// <summary>The body of <c>PUT /api/webcare/crisis</c>: "on", "off" or "auto".</summary>
public sealed record CrisisBody(string? Mode, string? By);

/// <summary>
/// The webcare workflow for the caller's tenant: the queue, the metrics, a case with its audit trail, the
/// operators' actions on a conversation (<c>webcare</c> scope) and crisis mode.
/// </summary>
public static class WebcareEndpoints
{
    public const int MaxNoteLength = 2_000;
    public const int MaxNameLength = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void MapWebcareEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/webcare").RequireAuthorization(Scopes.Read).RequireRateLimiting(RateLimits.PerKey);

        read.MapGet("/queue", async (ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var board = await grains.GetGrain<IWebcareQueueGrain>(user.Tenant()).GetBoardAsync();
            return Results.Ok(new { board.Waiting, board.Crisis, board.AsOf, Items = board.Queue });
        });

        read.MapGet("/metrics", async (ClaimsPrincipal user, IGrainFactory grains) =>
            Results.Ok((await grains.GetGrain<IWebcareQueueGrain>(user.Tenant()).GetBoardAsync()).Metrics));

        read.MapGet("/cases/{id}", async (string id, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            if (BadId(id) is { } bad) return bad;
            var detail = await grains.GetGrain<IWebcareQueueGrain>(user.Tenant()).GetCaseAsync(id);
            return detail is null ? UnknownCase(id) : Results.Ok(detail);
        });

        read.MapGet("/settings", (ClaimsPrincipal user, WebcareSettings settings) => Results.Ok(new
        {
            OwnAccounts = settings.OwnAccounts(user.Tenant()).Accounts.Select(a => a.ToString()),
            Sla = settings.Policies.All.Select(p => new { p.Source, Policy = p.Describe() }),
            Crisis = settings.Policies.Crisis?.Describe(),
        }));

        app.MapPut("/api/webcare/crisis", async (HttpRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var (body, error) = await ReadAsync<CrisisBody>(request);
            if (error is not null) return error;
            if (!Enum.TryParse<CrisisSetting>(body?.Mode, ignoreCase: true, out var setting) || !Enum.IsDefined(setting) || int.TryParse(body!.Mode, out _))
                return Results.Problem(statusCode: 400, title: "Unknown crisis mode", detail: "Send {\"mode\": \"on\" | \"off\" | \"auto\"}.");
            var who = Who(body.By, user);
            return Results.Ok(await grains.GetGrain<IWebcareQueueGrain>(user.Tenant()).SetCrisisAsync(setting, who ?? "onbekend"));
        }).RequireAuthorization(Scopes.Webcare).RequireRateLimiting(RateLimits.PerKey).DisableAntiforgery();

        var act = app.MapGroup("/api/conversations/{id}").RequireAuthorization(Scopes.Webcare).RequireRateLimiting(RateLimits.PerKey);
        foreach (var (path, action) in new[] { ("assign", CaseAction.Assign), ("resolve", CaseAction.Resolve), ("reopen", CaseAction.Reopen), ("note", CaseAction.Note) })
            act.MapPost("/" + path, (string id, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock) =>
                ActAsync(id, action, request, user, grains, clock)).DisableAntiforgery();
    }

    private static async Task<IResult> ActAsync(string id, CaseAction action, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        if (BadId(id) is { } bad) return bad;
        var (body, error) = await ReadAsync<CaseActionBody>(request);
        if (error is not null) return error;
        var who = Who(body?.By, user);
        if (who is null)
            return Results.Problem(statusCode: 400, title: "Who is acting?",
                detail: "Send {\"by\": \"your name\"}, or use a key with a Name (Auth:Keys:n:Name): every action is recorded with who did it.");
        var note = Clean(body?.Note, MaxNoteLength);
        var assignee = Clean(body?.Assignee, MaxNameLength);
        if (body?.Note is { Length: > MaxNoteLength } || body?.Assignee is { Length: > MaxNameLength })
            return Results.Problem(statusCode: 400, title: "Too long", detail: $"A note is at most {MaxNoteLength} characters, a name at most {MaxNameLength}.");
        if (action == CaseAction.Note && note is null)
            return Results.Problem(statusCode: 400, title: "Empty note", detail: "Send {\"note\": \"…\"}.");

        var result = await grains.GetGrain<IWebcareQueueGrain>(user.Tenant()).ActAsync(id, action, who, note, assignee);
        if (result.Unknown) return UnknownCase(id);
        if (!result.Succeeded)
        {
            var allowed = result.Allowed.Select(a => a.ToString().ToLowerInvariant()).ToArray();
            return Results.Problem(statusCode: 409, title: "Not allowed in this state",
                detail: $"Conversation '{id}' is {result.Case!.State.ToString().ToLowerInvariant()}; {action.ToString().ToLowerInvariant()} is not possible. Allowed: {string.Join(", ", allowed)}.",
                extensions: new Dictionary<string, object?> { ["state"] = result.Case.State.ToString(), ["allowed"] = allowed });
        }
        return Results.Ok(WebcareCaseDetail.From(result.Case!, clock.GetUtcNow()));
    }

    /// <summary>The body's <c>by</c>, else the key's configured name; null when neither says who acts.</summary>
    private static string? Who(string? by, ClaimsPrincipal user) => Clean(by, MaxNameLength) ?? user.KeyName();

    private static string? Clean(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var clean = TextSanitizer.Clean(text).Trim();
        return clean.Length == 0 ? null : clean.Length > max ? clean[..max] : clean;
    }

    private static async Task<(T? Body, IResult? Error)> ReadAsync<T>(HttpRequest request) where T : class
    {
        if (request.ContentLength == 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any())) return (null, null);
        if (request.ContentLength > 64 * 1024)
            return (null, Results.Problem(statusCode: 413, title: "Body too large", detail: "An action body is at most 64 KiB."));
        try
        {
            return (await JsonSerializer.DeserializeAsync<T>(request.Body, Json), null);
        }
        catch (JsonException ex)
        {
            return (null, Results.Problem(statusCode: 400, title: "Unreadable body", detail: $"Expected a JSON object: {ex.Message}"));
        }
    }

    private static IResult? BadId(string id) => id.Contains(':')
        ? null
        : Results.Problem(statusCode: 400, title: "Not a conversation id", detail: "A conversation id is 'source:conversationId', e.g. 'twitter:1850000000001'.");

    private static IResult UnknownCase(string id) =>
        Results.Problem(statusCode: 404, title: "Unknown conversation",
            detail: $"No webcare case for conversation '{id}': it never needed an answer on a source with an SLA, or it was forgotten.");
}
