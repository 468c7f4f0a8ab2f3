namespace Webcare.Realtime.Core.Model;

/// <summary>
/// Everything is kept per tenant (organisation): two hospitals watching the same tweet each count it, and
/// neither ever sees the other's state. A tenant-scoped name is "tenant/name"; tenant names cannot
/// contain '/', so the split is unambiguous.
/// </summary>
public static class TenantKey
{
    public const string DefaultTenant = "default";

    public static string Of(string tenant, string name) => $"{tenant}/{name}";

    public static (string Tenant, string Name) Split(string key)
    {
        var slash = key.IndexOf('/');
        return slash < 0 ? (DefaultTenant, key) : (key[..slash], key[(slash + 1)..]);
    }

    /// <summary>1–64 characters of a-z, 0-9, '-' and '_'.</summary>
    public static bool IsValidTenant(string? tenant) =>
        !string.IsNullOrEmpty(tenant) && tenant.Length <= 64
        && tenant.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');
}
