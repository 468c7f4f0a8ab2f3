using System.Net;
using System.Net.Sockets;

namespace Webcare.Realtime.Testing;

/// <summary>Free TCP ports on 127.0.0.1, so tests running side by side never share a port.</summary>
public static class LoopbackPorts
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
