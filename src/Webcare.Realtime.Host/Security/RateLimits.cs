using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Webcare.Realtime.Host.Security;

/// <summary>Section <c>Limits</c>: requests per second per key, with a burst allowance.</summary>
public sealed class RateLimitOptions
{
    public int RequestsPerSecond { get; set; } = 200;
    public int Burst { get; set; } = 400;
}

/// <summary>
/// A token bucket per key (ASP.NET Core rate limiting): 429 with Retry-After when a key goes over. The open,
/// loopback-only mode has no keys and no limit.
/// </summary>
public static class RateLimits
{
    public const string PerKey = "per-key";

    public static IServiceCollection AddWebcareRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection("Limits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(PerKey, http =>
            {
                var key = http.User.FindFirst(ApiKeyAuthenticationHandler.KeyClaim)?.Value;
                return key is null
                    ? RateLimitPartition.GetNoLimiter("open")
                    : RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = limits.Burst,
                        TokensPerPeriod = limits.RequestsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString();
                await Results.Problem(statusCode: 429, title: "Too many requests",
                        detail: $"This key is over its limit of {limits.RequestsPerSecond} requests a second (burst {limits.Burst}); retry after {retryAfter} s.")
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }
}
