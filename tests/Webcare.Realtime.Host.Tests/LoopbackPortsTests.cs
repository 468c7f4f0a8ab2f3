using System.Net;
using System.Net.Sockets;
using Webcare.Realtime.Testing;

namespace Webcare.Realtime.Host.Tests;

public sealed class LoopbackPortsTests
{
    [Fact]
    public void Ports_are_distinct_bindable_and_below_the_range_outgoing_connections_take()
    {
        var ports = Enumerable.Range(0, 200).Select(_ => LoopbackPorts.Free()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, port => Assert.InRange(port, 20_000, 31_999));
        using var listener = new TcpListener(IPAddress.Loopback, ports[^1]);
        listener.Start();
    }
}
