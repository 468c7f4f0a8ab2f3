using System.Data.Common;
using System.Net.Sockets;

namespace Webcare.Realtime.Ingestion;

/// <summary>
/// Tells a database failure worth retrying (the server away, restarting, overloaded, a lock or a
/// serialization conflict: 503 with Retry-After) from one that will fail again whatever the client does (a
/// schema, constraint or data error: 500). Only <see cref="System.Data.Common"/>, so it holds for any ADO.NET
/// provider; Npgsql fills <see cref="DbException.IsTransient"/> and <see cref="DbException.SqlState"/>.
/// </summary>
public static class StorageFault
{
    // SQLSTATE classes and codes that pass: connection exceptions (08), insufficient resources (53),
    // operator intervention (57: admin shutdown, crash shutdown, cannot connect now, query cancelled by a
    // statement timeout), serialization failure and deadlock (40001, 40P01), lock not available (55P03).
    private static readonly string[] TransientClasses = ["08", "53", "57"];
    private static readonly string[] TransientCodes = ["40001", "40P01", "55P03"];

    public static bool IsTransient(Exception exception) => exception switch
    {
        DbException { IsTransient: true } => true,
        DbException db => db.SqlState is { Length: 5 } state
            && (TransientCodes.Contains(state) || TransientClasses.Contains(state[..2])),
        TimeoutException or IOException or SocketException => true,
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };

    /// <summary>The failure's SQLSTATE, or "none" when the server did not answer with one.</summary>
    public static string SqlState(Exception exception) =>
        (exception as DbException ?? exception.InnerException as DbException)?.SqlState ?? "none";
}
