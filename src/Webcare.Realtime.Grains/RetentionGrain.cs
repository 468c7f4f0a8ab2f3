using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Webcare.Realtime.Core.Persistence;
using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Grains;

/// <summary>How long the mention log keeps mentions (section <c>Retention</c>); 0 days keeps them for ever.</summary>
public sealed class RetentionOptions
{
    public int Days { get; set; } = 90;

    /// <summary>How often the purge runs (an Orleans reminder: at least a minute).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

public sealed class RetentionGrain(
    IMentionLogEraser eraser, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionGrain> logger)
    : Grain, IRetentionGrain, IRemindable
{
    private const string ReminderName = "purge";

    public async Task StartAsync()
    {
        if (options.Value.Days <= 0) return;
        var interval = options.Value.Interval < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : options.Value.Interval;
        await this.RegisterOrUpdateReminder(ReminderName, interval, interval);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ReminderName && options.Value.Days > 0) await PurgeNowAsync();
    }

    public async Task<Deletion> PurgeNowAsync()
    {
        if (options.Value.Days <= 0) return new Deletion(0, []);
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.Days);
        var deletion = await eraser.PurgeOlderThanAsync(cutoff);
        if (deletion.Mentions > 0)
        {
            logger.LogInformation("Retention: deleted {Count} mentions written before {Cutoff:u} in {Transactions} transactions",
                deletion.Mentions, cutoff, deletion.Transactions);
            await LogRebuild.RebuildAsync(GrainFactory, deletion.Fed);
            // The webcare cases of those mentions hold their text and authors.
            await Task.WhenAll(deletion.Fed.Select(f => f.Tenant).Distinct()
                .Select(tenant => GrainFactory.GetGrain<IWebcareQueueGrain>(tenant).ForgetOlderThanAsync(cutoff)));
        }
        return deletion;
    }
}
