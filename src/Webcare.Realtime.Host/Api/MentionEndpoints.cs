using Microsoft.Extensions.Options;
using Webcare.Realtime.Core.Ingest;
using Webcare.Realtime.Host.Security;
using Webcare.Realtime.Ingestion;

namespace Webcare.Realtime.Host.Api;

/// <summary><c>POST /api/mentions</c>: a JSON array or NDJSON batch; see the README for the contract.</summary>
public static class MentionEndpoints
{
    /// <summary>At most this many per-line errors are listed in an answer; the count covers them all.</summary>
    public const int MaxListedErrors = 1000;

    public static void MapMentionEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/mentions", IngestAsync).DisableAntiforgery()
            .RequireAuthorization(Scopes.Ingest).RequireRateLimiting(RateLimits.PerKey);

    private const int RetryAfterSeconds = 2;

    private static async Task<IResult> IngestAsync(
        HttpContext http, MentionPipeline pipeline, IOptions<IngestOptions> options, TimeProvider clock, ILoggerFactory loggers)
    {
        var limits = options.Value;
        var format = FormatOf(http.Request.ContentType);
        if (format is null)
            return Results.Problem(statusCode: 415, title: "Unsupported media type",
                detail: "Send application/json (an array of mentions) or application/x-ndjson (one mention per line).");

        using var read = await RequestBody.ReadAsync(http.Request, limits.MaxBodyBytes, http.RequestAborted);
        if (read is null) return TooLarge(limits.MaxBodyBytes);
        var body = read.Span;
        if (body.Trim(" \t\r\n"u8).IsEmpty)
            return Results.Problem(statusCode: 400, title: "Empty body", detail: "The body holds no mentions.");

        var parser = new MentionBatchParser(limits.ToLimits());
        var now = clock.GetUtcNow();
        ParsedBatch parsed;
        try
        {
            parsed = format == BodyFormat.Ndjson || (format == BodyFormat.Sniff && FirstByte(body) == (byte)'{')
                ? parser.ParseNdjson(body, now)
                : parser.ParseJsonArray(body, now);
        }
        catch (UnreadableBodyException ex)
        {
            return Results.Problem(statusCode: 400, title: "Unreadable body", detail: ex.Message);
        }

        IngestOutcome outcome;
        try
        {
            outcome = await pipeline.IngestAsync(http.User.Tenant(), parsed.Mentions, parsed.Errors);
        }
        // A grain on a silo that just died fails until the cluster declares it dead (seconds): the client retries.
        catch (Exception ex) when (ex is IngestUnavailableException or OrleansException or TimeoutException)
        {
            loggers.CreateLogger("Webcare.Realtime.Ingest").LogWarning(ex.InnerException ?? ex, "Ingest unavailable; the batch was not acknowledged");
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
            return Results.Problem(statusCode: 503, title: "Ingest unavailable",
                detail: "The batch was not stored; nothing of it was acknowledged. Send it again after Retry-After seconds.");
        }
        catch (System.Data.Common.DbException ex)
        {
            // Transient ones arrive as IngestUnavailableException; this one a retry will not fix.
            return StorageProblem.For(ex, http, loggers.CreateLogger("Webcare.Realtime.Ingest"), "Storing the batch");
        }
        var answer = new
        {
            accepted = outcome.Accepted,
            duplicates = outcome.Duplicates,
            rejected = outcome.Rejected,
            errors = outcome.Errors.Take(MaxListedErrors).Select(e => new { line = e.Line, message = e.Message }),
        };
        // Nothing usable at all: a client error, so a retrying client does not retry it.
        if (outcome.Accepted + outcome.Duplicates == 0 && outcome.Rejected > 0)
            return Results.Problem(statusCode: 400, title: "No valid mentions",
                detail: $"All {outcome.Rejected} items were rejected; see 'errors' for each line.",
                extensions: new Dictionary<string, object?> { ["accepted"] = 0, ["rejected"] = outcome.Rejected, ["errors"] = answer.errors });
        return Results.Json(answer, statusCode: StatusCodes.Status202Accepted);
    }

    private enum BodyFormat { JsonArray, Ndjson, Sniff }

    private static BodyFormat? FormatOf(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return BodyFormat.Sniff;
        var mediaType = contentType.Split(';')[0].Trim().ToLowerInvariant();
        return mediaType switch
        {
            "application/json" => BodyFormat.JsonArray,
            "application/x-ndjson" or "application/ndjson" or "application/jsonl" or "application/x-jsonlines" => BodyFormat.Ndjson,
            "text/plain" => BodyFormat.Sniff,
            _ => null,
        };
    }

    private static byte FirstByte(ReadOnlySpan<byte> body)
    {
        var trimmed = body.TrimStart(" \t\r\n"u8);
        return trimmed.IsEmpty ? (byte)0 : trimmed[0];
    }

    private static IResult TooLarge(long limit) =>
        Results.Problem(statusCode: 413, title: "Body too large",
            detail: $"The body is over the limit of {limit:N0} bytes (Ingest:MaxBodyBytes); send smaller batches.");
}
