using Webcare.Realtime.Core.Alerts;

namespace Webcare.Realtime.Grains.Contracts;

/// <summary>
/// Where a tenant's alert book hands each alert change, once, for delivery outside the cluster (webhooks).
/// Must not block: the book is on the ingest path.
/// </summary>
public interface IAlertSink
{
    void Notify(string tenant, Alert alert);

    /// <summary>
    /// An alert whose explanation lost an erased author's mentions and words: nothing about the incident
    /// changed, so only a sink that stores alerts needs it (a webhook must not announce it again).
    /// </summary>
    void NotifyErased(string tenant, Alert alert) { }
}
