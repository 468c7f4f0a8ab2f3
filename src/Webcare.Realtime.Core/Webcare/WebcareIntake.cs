using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Core.Webcare;

/// <summary>
/// Which of a batch's mentions the queue needs to see, chosen on the ingest path so the tenant's queue grain
/// gets one small call per batch: on a source the team answers on, not a share, and either the
/// organisation's own words, a mention that needs an answer, or a message inside an existing conversation
/// (it may reopen or restart a case).
/// </summary>
public static class WebcareIntake
{
    public static List<EnrichedMention> Select(IReadOnlyList<EnrichedMention> batch, SlaPolicies policies)
    {
        var selected = new List<EnrichedMention>();
        foreach (var enriched in batch)
        {
            var mention = enriched.Mention;
            if (mention.IsShare || policies.For(mention.Source) is null) continue;
            var inConversation = mention.IsReply || (mention.ConversationId is { } c && c != mention.Id);
            if (enriched.FromOwnAccount ? inConversation : inConversation || ResponseNeed.Of(enriched) != ResponseReason.None)
                selected.Add(enriched);
        }
        return selected;
    }
}
