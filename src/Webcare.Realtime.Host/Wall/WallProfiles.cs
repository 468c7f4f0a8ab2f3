using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Host.Wall;

/// <summary>
/// A saved wall profile (<c>Wall:Profiles:&lt;name&gt;</c>): which topics and sources a wall shows, opened
/// with <c>/?profile=name</c>. A profile with a <see cref="Tenant"/> exists only for that tenant's walls.
/// </summary>
public sealed class WallProfileOptions
{
    public string? Tenant { get; set; }
    public List<string> Topics { get; set; } = [];
    public List<string> Sources { get; set; } = [];
}

/// <summary>What the hub hands a wall for <c>GetProfile(name)</c>; empty lists mean "all".</summary>
public sealed record WallProfile(string Name, IReadOnlyList<string> Topics, IReadOnlyList<string> Sources);

public static class WallProfiles
{
    /// <summary>The profile of that name for this tenant, or null: another tenant's profile is as unknown as a missing one.</summary>
    public static WallProfile? Find(WallOptions options, string name, string tenant)
    {
        var (key, profile) = options.Profiles.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
        if (profile is null) return null;
        if (profile.Tenant is { Length: > 0 } owner && owner != tenant) return null;
        return new WallProfile(key, profile.Topics, [.. profile.Sources.Select(s => s.ToLowerInvariant())]);
    }

    /// <summary>A profile naming a tenant that is not valid is a typo that would hide the profile: refuse at start-up.</summary>
    public static void Validate(WallOptions options)
    {
        foreach (var (name, profile) in options.Profiles)
            if (profile.Tenant is { Length: > 0 } tenant && !TenantKey.IsValidTenant(tenant))
                throw new InvalidOperationException($"Wall:Profiles:{name}:Tenant must be 1 to 64 characters of a-z, 0-9, '-' or '_' (got '{tenant}').");
    }
}
