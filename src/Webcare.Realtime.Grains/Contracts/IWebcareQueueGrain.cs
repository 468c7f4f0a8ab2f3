using System.Collections.Immutable;
using Orleans.Concurrency;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Privacy;
using Webcare.Realtime.Core.Webcare;

namespace Webcare.Realtime.Grains.Contracts;

/// <summary>
/// One per tenant: the conversations that need an answer, their SLA clocks, the team's actions on them and
/// the response-time metrics. Fed once per batch by the pipeline (a conversation of one mention needs an
/// answer too, so this does not wait for a conversation grain).
/// </summary>
[Alias("webcare.webcare-queue")]
public interface IWebcareQueueGrain : IGrainWithStringKey
{
    /// <summary>The batch's mentions that can matter to the queue (<see cref="WebcareIntake"/>).</summary>
    /// <remarks>
    /// Interleaves: every batch waits for this call, and it must not queue behind the timer's tick while the
    /// tick awaits the alert book, the wall feed or storage. Safe because its body never awaits: it runs
    /// whole between two steps of a tick.
    /// </remarks>
    [AlwaysInterleave]
    Task RecordAsync(ImmutableArray<EnrichedMention> mentions);

    Task<WebcareBoard> GetBoardAsync();

    /// <summary>Null for a conversation that never needed an answer (or was forgotten).</summary>
    Task<WebcareCaseDetail?> GetCaseAsync(string conversationKey);

    /// <summary>An operator's action (assign, resolve, reopen, note); <paramref name="who"/> is recorded in the audit trail.</summary>
    Task<CaseActionResult> ActAsync(string conversationKey, CaseAction action, string who, string? note, string? assignee);

    Task<CrisisStatus> SetCrisisAsync(CrisisSetting setting, string who);

    /// <summary>Clocks, breaches, crisis mode and the push to the walls (the grain's own timer calls it every second).</summary>
    Task TickAsync();

    /// <summary>GDPR erasure: forget the author's mentions and words (see <see cref="AuthorErasure"/>).</summary>
    Task EraseAsync(AuthorErasure erasure);

    /// <summary>Retention: forget the cases with no activity since the cutoff.</summary>
    Task ForgetOlderThanAsync(DateTimeOffset cutoff);
}
