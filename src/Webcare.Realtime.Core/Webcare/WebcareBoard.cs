using System.Collections.Immutable;

namespace Webcare.Realtime.Core.Webcare;

/// <summary>One conversation in the "wacht op antwoord" queue, as the wall and the API show it.</summary>
/// <remarks>
/// Texts the service writes (<see cref="PriorityReasons"/>, <see cref="PrivacyAdvice"/>, <see cref="FollowUpAdvice"/>)
/// are Dutch; beside each is a stable code (<see cref="PriorityReasonCodes"/>, <see cref="PrivacyAdviceCode"/>,
/// <see cref="FollowUpAdviceCode"/>) for a client that shows another language.
/// </remarks>
public sealed record WebcareQueueItem(
    string Key,
    string Source,
    CaseState State,
    string? AuthorHandle,
    string? Text,
    string? Url,
    ImmutableArray<ResponseReason> Reasons,
    int Priority,
    ImmutableArray<string> PriorityReasons,
    ClockState Clock,
    DateTimeOffset WaitingSince,
    DateTimeOffset DueSoonAt,
    DateTimeOffset DueAt,
    string Policy,
    string? AssignedTo,
    int Messages,
    long Followers,
    ImmutableArray<string> Topics,
    string? PrivacyAdvice,
    string? FollowUpAdvice,
    ImmutableArray<PriorityReason> PriorityReasonCodes,
    string? PrivacyAdviceCode,
    string? FollowUpAdviceCode)
{
    public const string PrivateChannelAdvice =
        "Persoonsgegevens of medische details in het openbaar: reageer kort en ga verder in een privékanaal (DM of telefoon).";

    public const string ResolvedFollowUpAdvice =
        "Opgelost? Laat dat ook nog één keer in het openbare gesprek weten.";

    /// <summary>Never a default array: a board from a node of the previous version has no codes, and a wall must still get one.</summary>
    public ImmutableArray<PriorityReason> PriorityReasonCodes { get; init; } = PriorityReasonCodes.IsDefault ? [] : PriorityReasonCodes;

    public const string PrivateChannelAdviceCode = "private-channel";
    public const string ResolvedFollowUpAdviceCode = "say-it-is-solved";

    public static WebcareQueueItem From(WebcareCase c, Priority priority, DateTimeOffset now)
    {
        var followUp = c.State == CaseState.Resolved && c.Reasons.HasFlag(ResponseReason.Negative);
        return new(
            c.Key, c.Source, c.State, c.AuthorHandle, c.Text, c.Url,
            [.. Enum.GetValues<ResponseReason>().Where(r => r != ResponseReason.None && c.Reasons.HasFlag(r))],
            priority.Score, priority.Texts,
            c.Clock.StateAt(now), c.Clock.StartedAt, c.Clock.DueSoonAt, c.Clock.DueAt, c.Clock.Policy,
            c.AssignedTo, c.Messages, c.MaxFollowers, c.Topics,
            c.PrivacySensitive ? PrivateChannelAdvice : null,
            followUp ? ResolvedFollowUpAdvice : null,
            priority.Reasons,
            c.PrivacySensitive ? PrivateChannelAdviceCode : null,
            followUp ? ResolvedFollowUpAdviceCode : null);
    }
}

/// <summary>A case with its audit trail, for <c>GET /api/webcare/cases/{id}</c> and the answers to operator actions.</summary>
public sealed record WebcareCaseDetail(WebcareQueueItem Item, DateTimeOffset OpenedAt, DateTimeOffset? FirstResponseAt, int Responses,
    DateTimeOffset? ResolvedAt, int Reopens, ImmutableArray<CaseAction> AllowedActions, ImmutableArray<CaseEvent> History)
{
    public static WebcareCaseDetail From(WebcareCase c, DateTimeOffset now) => new(
        WebcareQueueItem.From(c, CasePriority.Of(c, now), now), c.OpenedAt, c.FirstResponseAt, c.Responses, c.ResolvedAt, c.Reopens,
        CaseLifecycle.OperatorActions(c.State), c.History);
}

/// <summary>Whether the stricter crisis SLA applies, and why.</summary>
/// <param name="Setting">What the operator chose: Auto (follows severe alerts), On or Off.</param>
public sealed record CrisisStatus(CrisisSetting Setting, bool Active, string? Reason);

public enum CrisisSetting
{
    /// <summary>Crisis mode while an alert of severity 7 or more is open.</summary>
    Auto,
    On,
    Off,
}

/// <summary>The webcare part of the wall: the queue (most important first, at most <see cref="MaxItems"/>), the metrics and crisis mode.</summary>
public sealed record WebcareBoard(
    ImmutableArray<WebcareQueueItem> Queue,
    int Waiting,
    WebcareMetrics Metrics,
    CrisisStatus Crisis,
    DateTimeOffset AsOf)
{
    public const int MaxItems = 50;

    public static WebcareBoard Of(WebcareQueue queue, CrisisStatus crisis, TimeZoneInfo zone, DateTimeOffset now, int maxItems = MaxItems)
    {
        var waiting = queue.Cases.Where(c => c.IsWaiting).ToList();
        // Ranked by score alone (OrderBy + Take is a partial sort); only the items shown get their reasons.
        var shown = WebcareQueue.MostImportantFirst(waiting, now).Take(maxItems)
            .Select(c => WebcareQueueItem.From(c, CasePriority.Of(c, now), now));
        return new WebcareBoard(
            [.. shown],
            waiting.Count,
            ResponseMetrics.Compute(queue.Samples, waiting, zone, now),
            crisis,
            now);
    }
}
