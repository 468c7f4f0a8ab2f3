using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Webcare;

namespace Webcare.Realtime.Grains.Webcare;

/// <summary>One source's SLA in configuration: <c>Within</c> a span, or <c>NextWorkingDay</c>; <c>Hours</c> "08:00-22:00"; <c>Days</c> "mon-sun".</summary>
public sealed class SlaPolicyOptions
{
    public TimeSpan? Within { get; set; }
    public bool NextWorkingDay { get; set; }
    public string? Hours { get; set; }
    public string? Days { get; set; }
}

/// <summary>
/// Configuration section <c>Webcare</c>: each tenant's own accounts, the SLA per source (the defaults of
/// <see cref="SlaPolicies.Default"/> when none are configured) and the crisis SLA, in Europe/Amsterdam time.
/// </summary>
public sealed class WebcareOptions
{
    /// <summary>Per tenant: "source:handle" entries, e.g. <c>"default": ["twitter:@ZiekenhuisX", "facebook:ZiekenhuisX"]</c>.</summary>
    public Dictionary<string, List<string>> OwnAccounts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Per source; a source not listed is not answered on, and its conversations never enter the queue.</summary>
    public Dictionary<string, SlaPolicyOptions> Sla { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public SlaPolicyOptions? CrisisSla { get; set; }

    public int MaxOpenCases { get; set; } = WebcareQueueLimits.Default.MaxOpen;
    public int MaxResolvedCases { get; set; } = WebcareQueueLimits.Default.MaxResolved;
    public TimeSpan AutoResolveAfter { get; set; } = WebcareQueueLimits.Default.AutoResolveAfter;
}

/// <summary>
/// <see cref="WebcareOptions"/> parsed once (a bad entry stops start-up with its name) and shared by the
/// pipeline, the queue grains and the API.
/// </summary>
public sealed class WebcareSettings
{
    private readonly ConcurrentDictionary<string, OwnAccounts> _own = new(StringComparer.Ordinal);
    private readonly WebcareOptions _options;

    public WebcareSettings(IOptions<WebcareOptions> options)
    {
        _options = options.Value;
        foreach (var (tenant, entries) in _options.OwnAccounts)
        {
            try
            {
                _own[tenant] = Core.Webcare.OwnAccounts.Parse(entries);
            }
            catch (FormatException ex)
            {
                throw new InvalidOperationException($"Webcare:OwnAccounts:{tenant}: {ex.Message}", ex);
            }
        }
        Policies = Parse(_options);
        Limits = new WebcareQueueLimits
        {
            MaxOpen = _options.MaxOpenCases,
            MaxResolved = _options.MaxResolvedCases,
            AutoResolveAfter = _options.AutoResolveAfter,
        };
    }

    public static TimeZoneInfo Zone => SeriesWatch.Amsterdam;

    public SlaPolicies Policies { get; }

    public WebcareQueueLimits Limits { get; }

    public OwnAccounts OwnAccounts(string tenant) => _own.GetValueOrDefault(tenant) ?? Core.Webcare.OwnAccounts.None;

    private static SlaPolicies Parse(WebcareOptions options)
    {
        var defaults = SlaPolicies.Default(Zone);
        try
        {
            var policies = options.Sla.Count == 0
                ? defaults.All
                : options.Sla.Select(s => SlaPolicy.Parse(s.Key, s.Value.Within, s.Value.NextWorkingDay, s.Value.Hours, s.Value.Days, Zone)).ToList();
            var crisis = options.CrisisSla is { } c ? SlaPolicy.Parse("*", c.Within, c.NextWorkingDay, c.Hours, c.Days, Zone) : defaults.Crisis;
            return new SlaPolicies(policies, crisis);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"Webcare:Sla: {ex.Message}", ex);
        }
    }
}
