using System.Collections.Immutable;
using Webcare.Realtime.Core.Aggregation;
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

    public Task<ConversationSummary> RecordAsync(ImmutableArray<EnrichedMention> mentions)
    {
        var now = clock.GetUtcNow();
        _aggregate ??= new ConversationAggregate(TenantKey.Split(this.GetPrimaryKeyString()).Name);
        foreach (var mention in mentions) _aggregate.Record(mention, now);
        return Task.FromResult(_aggregate.Summarize(now));
    }

    public Task<ConversationSummary?> GetSummaryAsync()
    {
        var summary = _aggregate?.Summarize(clock.GetUtcNow());
        if (summary is null) DeactivateOnIdle(); // a lookup of an unknown id should not keep a grain alive
        return Task.FromResult(summary);
    }
}
