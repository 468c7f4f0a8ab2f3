using Webcare.Realtime.Ingestion;

namespace Webcare.Realtime.Host.Api;

/// <summary>
/// The answer to a database failure. Transient (<see cref="StorageFault.IsTransient"/>): 503 with
/// Retry-After, the client sends it again. Permanent (a schema, constraint or data error): 500, because
/// retrying cannot help; logged once with its SQLSTATE and never with the server's message, which can quote
/// the SQL or the row (mention text), and the problem body says neither.
/// </summary>
public static class StorageProblem
{
    public const int RetryAfterSeconds = 2;

    public static IResult For(Exception exception, HttpContext http, ILogger logger, string what)
    {
        if (StorageFault.IsTransient(exception))
        {
            logger.LogWarning("{What}: the database is unavailable ({SqlState}, {Type}); answered 503", what, StorageFault.SqlState(exception), exception.GetType().Name);
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
            return Results.Problem(statusCode: 503, title: "Storage unavailable",
                detail: $"{what} did not complete: the database is unavailable. Nothing was changed; try again after Retry-After seconds.");
        }
        logger.LogError("{What}: permanent database error {SqlState} ({Type}); answered 500, trace {TraceId}",
            what, StorageFault.SqlState(exception), exception.GetType().Name, http.TraceIdentifier);
        return Results.Problem(statusCode: 500, title: "Storage error",
            detail: $"{what} failed with a database error that a retry will not fix. Nothing was changed. " +
                    $"Operators find it in the log under trace {http.TraceIdentifier}.",
            extensions: new Dictionary<string, object?> { ["sqlState"] = StorageFault.SqlState(exception) });
    }

    /// <summary>The answer in memory mode to a request that needs the mention log (durable mode only).</summary>
    public static IResult NoMentionLog(string needs, string inMemory) =>
        Results.Problem(statusCode: 409, title: "No mention log",
            detail: $"{needs} the mention log, which exists in durable mode (ConnectionStrings:Postgres). In memory mode {inMemory}");
}
