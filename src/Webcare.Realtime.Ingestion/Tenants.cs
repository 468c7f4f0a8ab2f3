using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Ingestion;

/// <summary>Without configured keys (the embedded default) everything belongs to this one tenant.</summary>
public static class Tenants
{
    public const string Default = TenantKey.DefaultTenant;
}
