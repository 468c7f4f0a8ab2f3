using System.Collections.Immutable;
using Webcare.Realtime.Core.Aggregation;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Wall;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Grains.Contracts;

namespace Webcare.Realtime.Grains;

/// <summary>
/// One conversation's spread. There can be very many, so an idle one is collected after two hours;
/// in the in-memory mode that forgets its counts (durable mode rebuilds them from the mention log).
/// </summary>
[CollectionAgeLimit(Minutes = 120)]
public sealed class ConversationGrain(TimeProvider clock) : Grain, IConversationGrain
{
    private ConversationAggregate? _aggregate;
    private readonly SpreadWatch _spread = new();
    private readonly List<WallMention> _first = [];

    public async Task<ConversationSummary> RecordAsync(ImmutableArray<EnrichedMention> mentions)
    {
        var now = clock.GetUtcNow();
        var (tenant, key) = TenantKey.Split(this.GetPrimaryKeyString());
        _aggregate ??= new ConversationAggregate(key);
        foreach (var mention in mentions)
            if (_aggregate.Record(mention, now) && _first.Count < 3) _first.Add(WallMention.From(mention));
        var summary = _aggregate.Summarize(now);
        if (_spread.Observe(summary) is { } spreading)
            await GrainFactory.GetGrain<IAlertBookGrain>(tenant).RecordAsync(
                [new AlertSignal("conversation", key, AlertKind.SpreadingConversation, spreading, [], [.. _first])]);
        return summary;
    }

    public Task<ConversationSummary?> GetSummaryAsync()
    {
        var summary = _aggregate?.Summarize(clock.GetUtcNow());
        if (summary is null) DeactivateOnIdle(); // a lookup of an unknown id should not keep a grain alive
        return Task.FromResult(summary);
    }
}
