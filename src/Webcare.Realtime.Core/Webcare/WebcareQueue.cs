using System.Collections.Immutable;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Privacy;

namespace Webcare.Realtime.Core.Webcare;

/// <summary>Bounds of a tenant's queue: memory stays flat however long the service runs.</summary>
public sealed record WebcareQueueLimits
{
    /// <summary>Cases not resolved (waiting or responded); past it the oldest responded, then the oldest waiting, are forgotten.</summary>
    public int MaxOpen { get; init; } = 5_000;

    /// <summary>Resolved cases kept for a reopen; past it the oldest resolved are forgotten.</summary>
    public int MaxResolved { get; init; } = 2_000;

    /// <summary>First-response samples kept for the metrics (at most the metrics window).</summary>
    public int MaxSamples { get; init; } = 20_000;

    /// <summary>A responded case nobody touched for this long is resolved by the system; the queue stays the team's current work.</summary>
    public TimeSpan AutoResolveAfter { get; init; } = TimeSpan.FromHours(24);

    public static readonly WebcareQueueLimits Default = new();
}

/// <summary>What an operator's action did: the case after it, or why not.</summary>
public sealed record CaseActionResult(WebcareCase? Case, bool Unknown, ImmutableArray<CaseAction> Allowed)
{
    public bool Succeeded => Case is not null && Allowed.IsDefaultOrEmpty;
}

/// <summary>Everything a queue needs to come back after a restart.</summary>
public sealed record WebcareQueueState(
    ImmutableArray<WebcareCase> Cases,
    ImmutableArray<ResponseSample> Samples,
    ImmutableArray<KeyValuePair<string, long>> BreachIncidents,
    long Forgotten)
{
    public static readonly WebcareQueueState Empty = new([], [], [], 0);
}

/// <summary>
/// A tenant's webcare cases: which conversations need an answer, from whom, how long they have waited, and
/// what the team did. Fed with whole batches (mentions of untracked sources and conversations that need
/// nothing are skipped cheaply); operators act on cases by conversation key. Not thread-safe: its grain
/// serialises calls.
/// </summary>
public sealed class WebcareQueue(WebcareQueueLimits? limits = null)
{
    public const string System = "systeem";

    private readonly WebcareQueueLimits _limits = limits ?? WebcareQueueLimits.Default;
    private readonly Dictionary<string, WebcareCase> _cases = new(StringComparer.Ordinal);
    private readonly Queue<ResponseSample> _samples = new();

    /// <summary>Cases forgotten to stay within the limits (a sign the limits are too low for this tenant).</summary>
    public long Forgotten { get; private set; }

    public SlaBreachWatch Breaches { get; } = new();

    public int Count => _cases.Count;

    public WebcareCase? Find(string key) => _cases.GetValueOrDefault(key);

    public IEnumerable<WebcareCase> Cases => _cases.Values;

    public IEnumerable<ResponseSample> Samples => _samples;

    /// <summary>Folds a batch in (any order; applied by time). True when any case changed.</summary>
    public bool Ingest(IEnumerable<EnrichedMention> mentions, SlaPolicies policies, bool crisis, DateTimeOffset now)
    {
        var changed = false;
        foreach (var enriched in mentions.OrderBy(m => m.Mention.CreatedAt))
            changed |= Ingest(enriched, policies, crisis, now);
        if (changed) Enforce();
        return changed;
    }

    private bool Ingest(EnrichedMention enriched, SlaPolicies policies, bool crisis, DateTimeOffset now)
    {
        var mention = enriched.Mention;
        if (policies.For(mention.Source) is null || mention.IsShare) return false;
        var key = mention.ConversationKey;
        var at = mention.CreatedAt > now ? now : mention.CreatedAt;
        _cases.TryGetValue(key, out var known);
        if (enriched.FromOwnAccount)
        {
            if (known is null) return false;
            _cases[key] = Respond(known, mention, at);
            return true;
        }

        var reasons = ResponseNeed.Of(enriched);
        if (known is null)
        {
            if (reasons == ResponseReason.None || policies.Start(mention.Source, at, crisis) is not { } clock) return false;
            var opened = new WebcareCase(key, mention.Source, CaseState.New, at, clock)
            {
                RootId = mention.ConversationId ?? mention.InReplyTo ?? mention.Id,
                AuthorHandle = mention.Author?.Handle,
                AuthorName = mention.Author?.Name,
                Text = enriched.DisplayText,
                Url = mention.Url,
                LastActivityAt = at,
            };
            _cases[key] = AddMessage(opened, enriched, reasons).Record(new CaseEvent(at, Who(mention), CaseAction.Open, CaseState.New, CaseState.New));
            return true;
        }

        var updated = AddMessage(known, enriched, reasons);
        var byAuthor = known.AuthorHandle is null || string.Equals(mention.Author?.Handle, known.AuthorHandle, StringComparison.OrdinalIgnoreCase);
        if (known.State == CaseState.Resolved && byAuthor && at > known.ResolvedAt)
        {
            // The author writes again after resolution: the case is back, with a new wait.
            updated = updated with
            {
                Clock = policies.Start(mention.Source, at, crisis) ?? known.Clock,
                Reopens = known.Reopens + 1,
                ResolvedAt = null,
            };
            updated = updated.Record(new CaseEvent(at, Who(mention), CaseAction.Reopen, known.State, CaseState.Reopened, "schreef opnieuw na afhandeling"));
        }
        else if (known.State != CaseState.Resolved && !known.Clock.IsRunning && byAuthor && reasons != ResponseReason.None && at > known.Clock.StoppedAt)
        {
            // The author answers the organisation's response: the ball is in the team's court again.
            updated = updated with { Clock = policies.Start(mention.Source, at, crisis) ?? known.Clock };
            updated = updated.Record(new CaseEvent(at, Who(mention), CaseAction.Message, known.State, known.State, "reageerde op het antwoord"));
        }
        _cases[key] = updated;
        return true;
    }

    private static WebcareCase AddMessage(WebcareCase c, EnrichedMention enriched, ResponseReason reasons)
    {
        var mention = enriched.Mention;
        var handle = mention.Author?.Handle;
        var authors = handle is null || c.Authors.Length >= WebcareCase.MaxAuthors || c.Authors.Contains(handle, StringComparer.OrdinalIgnoreCase)
            ? c.Authors
            : c.Authors.Add(handle);
        var at = mention.CreatedAt;
        return c with
        {
            Reasons = c.Reasons | reasons,
            Messages = c.Messages + 1,
            NegativeMessages = c.NegativeMessages + (reasons.HasFlag(ResponseReason.Negative) ? 1 : 0),
            WorstSentiment = Math.Min(c.WorstSentiment, enriched.Sentiment.Score),
            Authors = authors,
            MaxFollowers = Math.Max(c.MaxFollowers, mention.Author?.Followers ?? 0),
            Shares = c.Shares + mention.Metrics.Shares,
            Topics = enriched.Topics.All(c.Topics.Contains) ? c.Topics : [.. c.Topics.Union(enriched.Topics)],
            Categories = enriched.Categories.All(m => c.Categories.Contains(m.Category.ToString()))
                ? c.Categories
                : [.. c.Categories.Union(enriched.Categories.Select(m => m.Category.ToString()))],
            LastActivityAt = at > c.LastActivityAt ? at : c.LastActivityAt,
        };
    }

    private WebcareCase Respond(WebcareCase c, Mention response, DateTimeOffset at)
    {
        var first = c.FirstResponseAt is null;
        var clock = c.Clock.IsRunning ? c.Clock.Stop(at) : c.Clock;
        if (first)
        {
            _samples.Enqueue(new ResponseSample(c.Source, c.Topics, c.Clock.StartedAt, clock.StoppedAt ?? at, clock.StateAt(at) == ClockState.Met));
            while (_samples.Count > _limits.MaxSamples) _samples.Dequeue();
        }
        var next = c.State == CaseState.Resolved ? c.State : CaseState.Responded;
        var updated = c with
        {
            Clock = clock,
            FirstResponseAt = c.FirstResponseAt ?? at,
            Responses = c.Responses + 1,
            LastActivityAt = at > c.LastActivityAt ? at : c.LastActivityAt,
        };
        return updated.Record(new CaseEvent(at, Who(response), CaseAction.Respond, c.State, next, first ? "eerste antwoord" : "vervolgantwoord"));
    }

    /// <summary>An operator's action on a case; the reason for refusing names the allowed actions.</summary>
    public CaseActionResult Act(string key, CaseAction action, string who, string? note, string? assignee, SlaPolicies policies, bool crisis, DateTimeOffset now)
    {
        if (!_cases.TryGetValue(key, out var c)) return new CaseActionResult(null, true, []);
        if (CaseLifecycle.Next(c.State, action) is not { } next || action is CaseAction.Respond or CaseAction.Open or CaseAction.Message)
            return new CaseActionResult(c, false, CaseLifecycle.OperatorActions(c.State));
        var updated = action switch
        {
            CaseAction.Assign => c with { AssignedTo = assignee ?? who },
            CaseAction.Resolve => c with { ResolvedAt = now },
            CaseAction.Reopen => c with
            {
                ResolvedAt = null,
                Reopens = c.Reopens + 1,
                Clock = policies.Start(c.Source, now, crisis) ?? c.Clock,
            },
            _ => c,
        };
        var text = action == CaseAction.Assign ? $"toegewezen aan {updated.AssignedTo}" + (note is null ? "" : $": {note}") : note;
        _cases[key] = updated = updated.Record(new CaseEvent(now, who, action, c.State, next, text));
        Enforce();
        return new CaseActionResult(updated, false, []);
    }

    /// <summary>
    /// The clock's routine: resolves responded cases that went quiet, and in a crisis tightens every running
    /// clock to the crisis SLA. True when any case changed.
    /// </summary>
    public bool Tick(SlaPolicies policies, bool crisis, DateTimeOffset now)
    {
        // Every second over every case: the crisis clock is computed once, and the table is written only for what changed.
        var strict = crisis ? policies.CrisisClockFrom(now) : null;
        List<WebcareCase>? changed = null;
        foreach (var c in _cases.Values)
        {
            var updated = c;
            if (c.State == CaseState.Responded && !c.Clock.IsRunning && now - c.LastActivityAt >= _limits.AutoResolveAfter)
                updated = (c with { ResolvedAt = now }).Record(new CaseEvent(now, System, CaseAction.Resolve, c.State, CaseState.Resolved,
                    $"automatisch: {Duration.Format(_limits.AutoResolveAfter)} geen nieuwe berichten na het antwoord"));
            else if (crisis && c.IsWaiting && policies.Tighten(c.Clock, now, strict) is var tightened && !ReferenceEquals(tightened, c.Clock))
                updated = c with { Clock = tightened };
            if (!ReferenceEquals(updated, c)) (changed ??= []).Add(updated);
        }
        if (changed is null) return false;
        foreach (var c in changed) _cases[c.Key] = c;
        return true;
    }

    /// <summary>The cases waiting for an answer, most important first (ranked by score; explain the ones you show with <see cref="CasePriority.Of"/>).</summary>
    public IEnumerable<WebcareCase> Waiting(DateTimeOffset now) => MostImportantFirst(_cases.Values.Where(c => c.IsWaiting), now);

    /// <summary>Waiting cases in the queue's order: by score, then the longest waiting, then by key.</summary>
    public static IEnumerable<WebcareCase> MostImportantFirst(IEnumerable<WebcareCase> waiting, DateTimeOffset now) =>
        waiting.Select(c => (Case: c, Score: CasePriority.ScoreOf(c, now)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Case.Clock.StartedAt).ThenBy(x => x.Case.Key, StringComparer.Ordinal)
            .Select(x => x.Case);

    /// <summary>
    /// GDPR erasure: the cases the author opened are forgotten (their text and handle are the author's), and
    /// in the others the author leaves the list of authors and the audit trail. True when anything changed.
    /// </summary>
    public bool Erase(AuthorErasure erasure)
    {
        var changed = false;
        foreach (var c in _cases.Values.ToList())
        {
            if (erasure.Wrote(c.Source, c.AuthorHandle))
            {
                _cases.Remove(c.Key);
                changed = true;
                continue;
            }
            if (!c.Authors.Any(a => erasure.Wrote(c.Source, a)) && !c.History.Any(e => erasure.Names(e.Who))) continue;
            _cases[c.Key] = c with
            {
                Authors = [.. c.Authors.Where(a => !erasure.Wrote(c.Source, a))],
                History = [.. c.History.Select(e => erasure.Names(e.Who) ? e with { Who = AuthorErasure.Erased } : e)],
            };
            changed = true;
        }
        return changed;
    }

    /// <summary>Retention: forgets the cases nothing happened in since <paramref name="cutoff"/> (their mentions left the log). True when any went.</summary>
    public bool ForgetOlderThan(DateTimeOffset cutoff)
    {
        var old = _cases.Values.Where(c => c.LastActivityAt < cutoff).Select(c => c.Key).ToList();
        foreach (var key in old) _cases.Remove(key);
        return old.Count > 0;
    }

    public WebcareQueueState Export() => new([.. _cases.Values], [.. _samples], [.. Breaches.IncidentNumbers], Forgotten);

    public void Import(WebcareQueueState state)
    {
        _cases.Clear();
        _samples.Clear();
        foreach (var c in state.Cases) _cases[c.Key] = c;
        foreach (var s in state.Samples) _samples.Enqueue(s);
        Breaches.Restore(state.BreachIncidents);
        Forgotten = state.Forgotten;
    }

    // Past a limit the queue forgets down to 90 % of it at once: one sort per tenth of the limit, not a
    // sort of every case on every batch once a busy tenant stays at its limit.
    private void Enforce()
    {
        var resolved = _cases.Values.Count(c => c.State == CaseState.Resolved);
        var open = _cases.Count - resolved;
        if (resolved > _limits.MaxResolved)
            Forget(_cases.Values.Where(c => c.State == CaseState.Resolved).OrderBy(c => c.ResolvedAt).Take(resolved - Headroom(_limits.MaxResolved)));
        if (open > _limits.MaxOpen)
            Forget(_cases.Values.Where(c => c.State != CaseState.Resolved)
                .OrderBy(c => c.IsWaiting).ThenBy(c => c.LastActivityAt).Take(open - Headroom(_limits.MaxOpen)));
    }

    private static int Headroom(int limit) => limit - Math.Max(1, limit / 10) + 1;

    private void Forget(IEnumerable<WebcareCase> cases)
    {
        foreach (var key in cases.Select(c => c.Key).ToList())
        {
            _cases.Remove(key);
            Forgotten++;
        }
    }

    private static string Who(Mention mention) => mention.Author?.Handle is { } handle ? "@" + handle.TrimStart('@') : mention.Source;
}
