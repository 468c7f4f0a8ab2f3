using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Host.Alerts;

/// <summary>Section <c>Alerts</c>: where alert changes are sent.</summary>
public sealed class AlertWebhookOptions
{
    public List<WebhookTarget> Webhooks { get; set; } = [];

    /// <summary>Alert changes waiting for delivery; past this the oldest is dropped (and logged), never the pipeline.</summary>
    public int QueueCapacity { get; set; } = 1000;

    public int MaxAttempts { get; set; } = 6;
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}

public sealed class WebhookTarget
{
    public string Url { get; set; } = "";
    public WebhookFormat Format { get; set; } = WebhookFormat.Json;

    /// <summary>Only this tenant's alerts; all tenants when empty.</summary>
    public string? Tenant { get; set; }

    /// <summary>Only alerts at least this severe (1–10).</summary>
    public int MinSeverity { get; set; } = 1;
}

/// <summary>
/// Delivers alert changes to the configured webhooks: a bounded queue filled without waiting (the alert
/// book is on the ingest path), then a POST per target with exponential back-off on network errors, 429
/// and 5xx. A webhook that is down delays only its own deliveries.
/// </summary>
public sealed class WebhookDispatcher : BackgroundService, IAlertSink
{
    private readonly AlertWebhookOptions _options;
    private readonly HttpClient _http;
    private readonly ILogger<WebhookDispatcher> _logger;
    private readonly Channel<(string Tenant, Alert Alert)> _queue;
    private readonly SemaphoreSlim _concurrency = new(8);
    private static readonly JsonSerializerOptions Json = CreateJson();

    public WebhookDispatcher(IOptions<AlertWebhookOptions> options, IHttpClientFactory http, ILogger<WebhookDispatcher> logger)
    {
        _options = options.Value;
        for (var i = 0; i < _options.Webhooks.Count; i++)
            if (!Uri.TryCreate(_options.Webhooks[i].Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                throw new InvalidOperationException($"Alerts:Webhooks:{i}:Url must be an absolute http(s) URL (got '{_options.Webhooks[i].Url}').");
        _http = http.CreateClient(nameof(WebhookDispatcher));
        _http.Timeout = TimeSpan.FromSeconds(10);
        _logger = logger;
        _queue = Channel.CreateBounded<(string, Alert)>(new BoundedChannelOptions(Math.Max(1, _options.QueueCapacity))
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        }, dropped => _logger.LogWarning("Webhook queue full: dropped the change of alert {AlertId}", dropped.Item2.Id));
    }

    public void Notify(string tenant, Alert alert)
    {
        if (_options.Webhooks.Count > 0) _queue.Writer.TryWrite((tenant, alert));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (tenant, alert) in _queue.Reader.ReadAllAsync(stoppingToken))
                foreach (var target in _options.Webhooks)
                {
                    if (!string.IsNullOrEmpty(target.Tenant) && target.Tenant != tenant) continue;
                    if (alert.Severity < target.MinSeverity) continue;
                    await _concurrency.WaitAsync(stoppingToken);
                    _ = DeliverAsync(target, tenant, alert, stoppingToken).ContinueWith(_ => _concurrency.Release(), TaskScheduler.Default);
                }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverAsync(WebhookTarget target, string tenant, Alert alert, CancellationToken stoppingToken)
    {
        var body = AlertMessage.For(target.Format, tenant, alert, a => JsonSerializer.SerializeToNode(a, Json)).ToJsonString();
        var delay = _options.FirstRetryDelay;
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            string failure;
            try
            {
                using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
                using var response = await _http.PostAsync(target.Url, content, stoppingToken);
                if (response.IsSuccessStatusCode) return;
                failure = $"{(int)response.StatusCode}";
                var retryable = response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
                if (!retryable) break;
                if (response.Headers.RetryAfter?.Delta is { } retryAfter) delay = retryAfter;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                failure = ex.GetType().Name;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (attempt == _options.MaxAttempts)
            {
                _logger.LogWarning("Webhook {Host} did not take alert {AlertId} after {Attempts} attempts ({Failure})", new Uri(target.Url).Host, alert.Id, attempt, failure);
                return;
            }
            await Task.Delay(delay, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
        }
        _logger.LogWarning("Webhook {Host} refused alert {AlertId}", new Uri(target.Url).Host, alert.Id);
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        WebcareApp.ConfigureJson(options);
        return options;
    }
}
