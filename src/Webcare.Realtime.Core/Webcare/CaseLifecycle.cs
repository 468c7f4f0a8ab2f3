using System.Collections.Immutable;

namespace Webcare.Realtime.Core.Webcare;

public enum CaseState
{
    New,
    Assigned,
    Responded,
    Resolved,
    Reopened,
}

/// <summary>What happened to a case; operators do the first four, the rest follows from the conversation.</summary>
public enum CaseAction
{
    Assign,
    Resolve,
    Reopen,
    Note,
    /// <summary>The organisation's own account answered in the conversation.</summary>
    Respond,
    /// <summary>The first message that needs an answer: the case exists.</summary>
    Open,
    /// <summary>The author (or someone else) wrote again.</summary>
    Message,
}

/// <summary>One line of a case's audit trail: who did what, when, with an optional note.</summary>
public sealed record CaseEvent(DateTimeOffset At, string Who, CaseAction Action, CaseState From, CaseState To, string? Note = null);

/// <summary>
/// The case state machine: new → assigned → responded → resolved, and reopened when the author writes again
/// after resolution (or an operator reopens it). A note is always allowed; everything else only where it
/// makes sense, and the refusal names what is allowed instead.
/// </summary>
public static class CaseLifecycle
{
    private static readonly ImmutableArray<CaseAction> WhileOpen = [CaseAction.Assign, CaseAction.Respond, CaseAction.Resolve, CaseAction.Note];
    private static readonly ImmutableArray<CaseAction> WhileResolved = [CaseAction.Reopen, CaseAction.Note, CaseAction.Message];

    public static ImmutableArray<CaseAction> Allowed(CaseState state) => state == CaseState.Resolved
        ? WhileResolved
        : [.. WhileOpen, CaseAction.Message];

    /// <summary>The actions an operator may take from here (what a 409 lists).</summary>
    public static ImmutableArray<CaseAction> OperatorActions(CaseState state) =>
        [.. Allowed(state).Where(a => a is CaseAction.Assign or CaseAction.Resolve or CaseAction.Reopen or CaseAction.Note)];

    /// <summary>The state after the action, or null when the action is not allowed in this state.</summary>
    public static CaseState? Next(CaseState state, CaseAction action)
    {
        if (action == CaseAction.Open) return CaseState.New;
        if (!Allowed(state).Contains(action)) return null;
        return action switch
        {
            CaseAction.Assign => state is CaseState.Responded ? CaseState.Responded : CaseState.Assigned,
            CaseAction.Respond => CaseState.Responded,
            CaseAction.Resolve => CaseState.Resolved,
            CaseAction.Reopen => CaseState.Reopened,
            _ => state,
        };
    }
}
