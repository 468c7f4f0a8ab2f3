using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Host.Security;

/// <summary>A key the service knows, by its SHA-256: the plain key is not kept after start-up.</summary>
public sealed record KnownKey(byte[] Hash, string Tenant, IReadOnlySet<string> Scopes, string? Name = null);

/// <summary>
/// The configured keys, validated at start-up (a bad entry stops the service with a message naming it),
/// and compared in constant time: every presented key is hashed and compared with every known hash, so
/// the time taken says nothing about which key, or how much of one, was right.
/// </summary>
public sealed class ApiKeyStore
{
    public const int MinimumKeyLength = 16;

    private readonly KnownKey[] _keys;

    public ApiKeyStore(IOptions<AuthOptions> options)
    {
        var keys = new List<KnownKey>();
        for (var i = 0; i < options.Value.Keys.Count; i++)
        {
            var entry = options.Value.Keys[i];
            var at = $"Auth:Keys:{i}";
            if (entry.Key.Length < MinimumKeyLength)
                throw new InvalidOperationException($"{at}:Key must be at least {MinimumKeyLength} characters.");
            if (!TenantKey.IsValidTenant(entry.Tenant))
                throw new InvalidOperationException($"{at}:Tenant must be 1 to 64 characters of a-z, 0-9, '-' or '_' (got '{entry.Tenant}').");
            var unknown = entry.Scopes.Except(Scopes.All).ToList();
            if (entry.Scopes.Count == 0 || unknown.Count > 0)
                throw new InvalidOperationException($"{at}:Scopes must name one or more of {string.Join(", ", Scopes.All)}" +
                    (unknown.Count > 0 ? $" (unknown: {string.Join(", ", unknown)})." : "."));
            keys.Add(new KnownKey(Hash(entry.Key), entry.Tenant, entry.Scopes.ToHashSet(StringComparer.Ordinal),
                string.IsNullOrWhiteSpace(entry.Name) ? null : entry.Name.Trim()));
        }
        if (keys.GroupBy(k => Convert.ToHexString(k.Hash)).Any(g => g.Count() > 1))
            throw new InvalidOperationException("Auth:Keys holds the same key twice.");
        _keys = [.. keys];
    }

    /// <summary>No keys configured: the embedded default, open, and only allowed on loopback.</summary>
    public bool IsOpen => _keys.Length == 0;

    /// <summary>Every tenant a key is configured for; the default tenant when open.</summary>
    public IReadOnlyList<string> Tenants =>
        IsOpen ? [TenantKey.DefaultTenant] : [.. _keys.Select(k => k.Tenant).Distinct().Order(StringComparer.Ordinal)];

    public KnownKey? Find(string presented)
    {
        var hash = Hash(presented);
        KnownKey? found = null;
        foreach (var key in _keys)
            if (CryptographicOperations.FixedTimeEquals(hash, key.Hash)) found = key; // no early exit
        return found;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
