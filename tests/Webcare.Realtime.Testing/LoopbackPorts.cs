using System.Net;
using System.Net.Sockets;

namespace Webcare.Realtime.Testing;

/// <summary>
/// Free TCP ports on 127.0.0.1, so tests running side by side never share a port. A test takes a port now and
/// binds it later (a host process starts, PostgreSQL starts). A port the kernel hands out for port 0 is an
/// ephemeral one, and any outgoing connection (to PostgreSQL, to a silo) may take it in that gap: "address
/// already in use". So ports come from below the ephemeral range, in turn from a random start in each process
/// (test assemblies run side by side), each checked by a bind.
/// </summary>
public static class LoopbackPorts
{
    // Below Linux's default ephemeral range (32768–60999) and above the registered services most machines run.
    private const int First = 20_000;
    private const int Count = 12_000;

    private static int _next = First + Random.Shared.Next(Count);

    public static int Free()
    {
        for (var attempt = 0; attempt < Count; attempt++)
        {
            var port = First + (Interlocked.Increment(ref _next) - First) % Count;
            if (CanBind(port)) return port;
        }
        throw new InvalidOperationException($"No free loopback port between {First} and {First + Count - 1}.");
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
