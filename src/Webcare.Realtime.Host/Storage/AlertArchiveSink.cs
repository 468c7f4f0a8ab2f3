using System.Threading.Channels;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Grains.Contracts;
using Webcare.Realtime.Storage;

namespace Webcare.Realtime.Host.Storage;

/// <summary>
/// Durable mode: hands every alert change to <see cref="AlertArchive"/> off the ingest path. Changes wait in
/// a bounded queue (oldest dropped past it, logged) and are written in batches at most once per
/// <see cref="WriteInterval"/>, each alert once per batch in its newest state: a spreading thread updates its
/// alert with nearly every ingest batch, and archiving every intermediate state was hundreds of upserts a
/// second. While PostgreSQL is away the batch is kept and retried, so the table catches up when it is back.
/// </summary>
public sealed class AlertArchiveSink(AlertArchive archive, ILogger<AlertArchiveSink> logger) : BackgroundService, IAlertSink
{
    private const int Capacity = 10_000;
    private const int BatchSize = 200;

    /// <summary>How long changes gather before a write (the archive is history; the live state is the alert book).</summary>
    public static readonly TimeSpan WriteInterval = TimeSpan.FromSeconds(1);

    private readonly Channel<(string Tenant, Alert Alert)> _queue = Channel.CreateBounded<(string, Alert)>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Notify(string tenant, Alert alert)
    {
        if (!_queue.Writer.TryWrite((tenant, alert))) logger.LogWarning("Alert archive queue closed; alert {Id} not stored", alert.Id);
    }

    /// <summary>Queued behind every earlier change of the alert, so the erased form is what stays stored.</summary>
    public void NotifyErased(string tenant, Alert alert) => Notify(tenant, alert);

    /// <summary>On a graceful stop, what gathered during the last interval is still written (for a few seconds at most).</summary>
    private async Task FlushOnStopAsync(Dictionary<(string Tenant, string Id), Alert> batch)
    {
        Gather(batch, int.MaxValue);
        if (batch.Count == 0) return;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await StoreAsync(batch, timeout.Token);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException or OperationCanceledException)
        {
            logger.LogWarning("Storing {Count} alert changes at shutdown failed ({Message})", batch.Count, ex.Message);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Newest state per alert, in the order alerts first changed; kept across a failed write.
        var batch = new Dictionary<(string Tenant, string Id), Alert>(BatchSize);
        var delay = TimeSpan.FromMilliseconds(500);
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            Gather(batch, BatchSize);
            try
            {
                await StoreAsync(batch, stoppingToken);
                batch.Clear();
                delay = TimeSpan.FromMilliseconds(500);
                await Task.Delay(WriteInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                await FlushOnStopAsync(batch);
                return;
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
            {
                logger.LogWarning("Storing {Count} alert changes failed ({Message}); retrying in {Delay}", batch.Count, ex.Message, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    /// <summary>Queued changes into the batch, the newest state per alert, until it holds <paramref name="limit"/> alerts.</summary>
    private void Gather(Dictionary<(string Tenant, string Id), Alert> batch, int limit)
    {
        while (batch.Count < limit && _queue.Reader.TryRead(out var change)) batch[(change.Tenant, change.Alert.Id)] = change.Alert;
    }

    private Task StoreAsync(Dictionary<(string Tenant, string Id), Alert> batch, CancellationToken cancellationToken) =>
        archive.UpsertAsync([.. batch.Select(b => (b.Key.Tenant, b.Value))], cancellationToken);
}
