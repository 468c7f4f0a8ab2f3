using System.Threading.Channels;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Grains.Contracts;
using Webcare.Realtime.Storage;

namespace Webcare.Realtime.Host.Storage;

/// <summary>
/// Durable mode: hands every alert change to <see cref="AlertArchive"/> off the ingest path. Changes wait in
/// a bounded queue (oldest dropped past it, logged) and are written in batches; while PostgreSQL is away
/// the batch is kept and retried, so the table catches up when it is back.
/// </summary>
public sealed class AlertArchiveSink(AlertArchive archive, ILogger<AlertArchiveSink> logger) : BackgroundService, IAlertSink
{
    private const int Capacity = 10_000;
    private const int BatchSize = 200;

    private readonly Channel<(string Tenant, Alert Alert)> _queue = Channel.CreateBounded<(string, Alert)>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Notify(string tenant, Alert alert)
    {
        if (!_queue.Writer.TryWrite((tenant, alert))) logger.LogWarning("Alert archive queue closed; alert {Id} not stored", alert.Id);
    }

    /// <summary>Queued behind every earlier change of the alert, so the erased form is what stays stored.</summary>
    public void NotifyErased(string tenant, Alert alert) => Notify(tenant, alert);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(string Tenant, Alert Alert)>(BatchSize);
        var delay = TimeSpan.FromMilliseconds(500);
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < BatchSize && _queue.Reader.TryRead(out var change)) batch.Add(change);
            try
            {
                await archive.UpsertAsync(batch, stoppingToken);
                batch.Clear();
                delay = TimeSpan.FromMilliseconds(500);
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
            {
                logger.LogWarning("Storing {Count} alert changes failed ({Message}); retrying in {Delay}", batch.Count, ex.Message, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }
}
