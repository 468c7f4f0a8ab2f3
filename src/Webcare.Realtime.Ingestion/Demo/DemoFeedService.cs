using Webcare.Realtime.Core.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Webcare.Realtime.Core.Demo;

namespace Webcare.Realtime.Ingestion.Demo;

public sealed class DemoFeedSettings
{
    /// <summary>On by default in the embedded mode: the wall has something to show on the first run.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How much history to ingest at start-up, so the hour's sparklines are filled at once.</summary>
    public TimeSpan Backfill { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The tenant whose walls show the demo (keys for it see it).</summary>
    public string Tenant { get; set; } = TenantKey.DefaultTenant;

    public long Seed { get; set; } = DemoFeedOptions.Default.Seed;
    public double MentionsPerMinute { get; set; } = DemoFeedOptions.Default.MentionsPerMinute;
    public bool IncludeOwnReplies { get; set; } = DemoFeedOptions.Default.IncludeOwnReplies;
}

/// <summary>
/// Feeds the built-in Dutch demo stream through the same pipeline as HTTP ingest, once a second. The
/// stream is deterministic per second, so a restart shows the same mentions at the same times, and the
/// backfill after a restart is refused as duplicates where the memory still holds it.
/// </summary>
public sealed class DemoFeedService(
    MentionPipeline pipeline,
    IOptions<DemoFeedSettings> settings,
    TimeProvider clock,
    ILogger<DemoFeedService> logger) : BackgroundService
{
    private const int ChunkSize = 2000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = settings.Value;
        var feed = new DemoFeed(DemoFeedOptions.Default with
        {
            Seed = options.Seed,
            MentionsPerMinute = options.MentionsPerMinute,
            IncludeOwnReplies = options.IncludeOwnReplies,
        });
        var from = clock.GetUtcNow() - options.Backfill;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        do
        {
            var to = clock.GetUtcNow();
            try
            {
                var mentions = feed.Generate(from, to);
                for (var i = 0; i < mentions.Count; i += ChunkSize)
                    await pipeline.IngestAsync(options.Tenant, mentions.Skip(i).Take(ChunkSize).ToList(), []);
                from = to;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The same interval is tried again next tick; nothing is skipped.
                logger.LogWarning(ex, "Demo feed could not ingest; retrying");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
