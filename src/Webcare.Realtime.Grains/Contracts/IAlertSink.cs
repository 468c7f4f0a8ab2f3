using Webcare.Realtime.Core.Alerts;

namespace Webcare.Realtime.Grains.Contracts;

/// <summary>
/// Where a tenant's alert book hands each alert change, once, for delivery outside the cluster (webhooks).
/// Must not block: the book is on the ingest path.
/// </summary>
public interface IAlertSink
{
    void Notify(string tenant, Alert alert);
}
