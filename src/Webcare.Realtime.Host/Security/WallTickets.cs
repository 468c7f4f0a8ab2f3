using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Webcare.Realtime.Host.Security;

/// <summary>
/// Short-lived stand-ins for a key, for the one place a browser must put a credential in a URL: the
/// SignalR WebSocket request. URLs end up in logs; a ticket found there expires within a minute and
/// opens nothing but that tenant's wall. Kept per host: negotiate and connect reach the same host.
/// </summary>
public sealed class WallTickets(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    public sealed record Holder(string Tenant, IReadOnlySet<string> Scopes, string? Fingerprint, DateTimeOffset Expires);

    private readonly ConcurrentDictionary<string, Holder> _tickets = new(StringComparer.Ordinal);

    public (string Ticket, DateTimeOffset Expires) Issue(string tenant, IEnumerable<string> scopes, string? fingerprint)
    {
        var now = clock.GetUtcNow();
        foreach (var (ticket, holder) in _tickets)
            if (holder.Expires <= now) _tickets.TryRemove(ticket, out _);
        var token = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var expires = now + Lifetime;
        // A wall ticket only ever opens a wall, whatever else its key may do.
        var wallScopes = scopes.Contains(Scopes.Admin) || scopes.Contains(Scopes.Wall) ? new HashSet<string> { Scopes.Wall } : [];
        _tickets[token] = new Holder(tenant, wallScopes, fingerprint, expires);
        return (token, expires);
    }

    public Holder? Find(string ticket) =>
        _tickets.TryGetValue(ticket, out var holder) && holder.Expires > clock.GetUtcNow() ? holder : null;

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
