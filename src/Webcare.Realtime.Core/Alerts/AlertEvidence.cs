using System.Collections.Immutable;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Privacy;
using Webcare.Realtime.Core.Wall;

namespace Webcare.Realtime.Core.Alerts;

/// <summary>What an alert card shows beside the numbers: the words, the first and the most-shared mentions of its window.</summary>
public sealed record AlertExplanation(
    ImmutableArray<WallMention> FirstMentions,
    ImmutableArray<AlertTerm> TopTerms,
    ImmutableArray<WallMention> MostShared);

/// <summary>
/// The evidence one source or topic keeps for explaining its alerts, in bounded memory whatever the volume:
/// per minute of the last hour, the first and the most-shared few mentions (all, and negative only) and the
/// word counts of a sample of its mentions; and, for comparison, the decayed word counts of the minutes
/// that have left the hour (the subject's usual words). An alert's top terms are the words over-represented
/// in its window against that baseline plus the minutes of the hour before the window.
/// </summary>
public sealed class AlertEvidence(AlertTerms terms)
{
    public const int MentionsKept = 3;
    public const int TopTermCount = 5;
    /// <summary>Mentions per minute whose words are counted, and distinct words per minute: a sample, so a burst of 10,000 a second costs no more.</summary>
    public const int SampledPerMinute = 150;
    public const int TermsPerMinute = 600;
    public const int BaselineTerms = 4000;
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);
    public static readonly TimeSpan BaselineHalfLife = TimeSpan.FromHours(24);

    private static readonly long MinuteTicks = TimeSpan.FromMinutes(1).Ticks;

    private readonly SortedDictionary<long, Minute> _minutes = [];
    private readonly Baseline _all = new();
    private readonly Baseline _negative = new();
    private readonly HashSet<string> _scratch = new(StringComparer.Ordinal);
    private AlertTerms _terms = terms;

    /// <summary>The subject's own words changed (a topic's query was edited).</summary>
    public void UseTerms(AlertTerms terms) => _terms = terms;

    /// <summary>Notes a mention that was recorded for this subject (already de-duplicated by the caller).</summary>
    public void Record(EnrichedMention mention, DateTimeOffset now)
    {
        var at = mention.Mention.CreatedAt > now ? now : mention.Mention.CreatedAt;
        var index = at.UtcTicks / MinuteTicks;
        Retire(now);
        if (index < (now - Window).UtcTicks / MinuteTicks) return; // older than the hour: nothing to explain with it
        if (!_minutes.TryGetValue(index, out var minute)) _minutes[index] = minute = new Minute();
        var negative = mention.PublicLabel == SentimentLabel.Negative; // an own account's answer is not a complaint
        minute.Add(mention, negative, _terms, _scratch);
    }

    /// <summary>The explanation of an alert whose window starts at <paramref name="from"/>; negative-only for the negative kinds.</summary>
    public AlertExplanation Explain(DateTimeOffset from, bool negativeOnly)
    {
        var fromIndex = from.UtcTicks / MinuteTicks;
        var first = ImmutableArray.CreateBuilder<WallMention>(MentionsKept);
        var shared = new List<WallMention>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var before = new Dictionary<string, int>(StringComparer.Ordinal);
        var sampled = 0;
        var sampledBefore = 0;
        foreach (var (index, minute) in _minutes)
        {
            var side = negativeOnly ? minute.Negative : minute.All;
            if (index < fromIndex)
            {
                // The hour before the window is part of what is usual (and all there is on a new subject).
                sampledBefore += side.Sampled;
                foreach (var (term, count) in side.Terms) before[term] = before.GetValueOrDefault(term) + count;
                continue;
            }
            foreach (var m in side.First)
                if (first.Count < MentionsKept) first.Add(m);
            shared.AddRange(side.Shared);
            sampled += side.Sampled;
            foreach (var (term, count) in side.Terms) counts[term] = counts.GetValueOrDefault(term) + count;
        }
        var baseline = negativeOnly ? _negative : _all;
        return new AlertExplanation(first.ToImmutable(), baseline.TopTerms(counts, sampled, before, sampledBefore),
            [.. shared.OrderByDescending(m => m.Shares).ThenByDescending(m => m.Followers).ThenBy(m => m.CreatedAt).Take(MentionsKept)]);
    }

    /// <summary>GDPR erasure: the author's mentions and the words they wrote leave the evidence and what it learned.</summary>
    public void Erase(AuthorErasure erasure)
    {
        foreach (var minute in _minutes.Values)
        {
            minute.All.Erase(erasure);
            minute.Negative.Erase(erasure);
        }
        _all.Erase(erasure);
        _negative.Erase(erasure);
    }

    /// <summary>Minutes that left the hour teach the baseline what is usual, and are dropped.</summary>
    private void Retire(DateTimeOffset now)
    {
        var oldest = (now - Window).UtcTicks / MinuteTicks;
        while (_minutes.Count > 0)
        {
            var (index, minute) = _minutes.First();
            if (index >= oldest) return;
            _all.Learn(minute.All, index * MinuteTicks);
            _negative.Learn(minute.Negative, index * MinuteTicks);
            _minutes.Remove(index);
        }
    }

    private sealed class Minute
    {
        public readonly Side All = new();
        public readonly Side Negative = new();

        public void Add(EnrichedMention mention, bool negative, AlertTerms terms, HashSet<string> scratch)
        {
            if (!All.Wants(mention) && !(negative && Negative.Wants(mention))) return;
            scratch.Clear();
            terms.Collect(mention.Scan.RedactedText, scratch);
            var shown = WallMention.From(mention);
            All.Add(mention, shown, scratch);
            if (negative) Negative.Add(mention, shown, scratch);
        }
    }

    private sealed class Side
    {
        public readonly List<WallMention> First = new(MentionsKept);
        public readonly List<WallMention> Shared = new(MentionsKept);
        public readonly Dictionary<string, int> Terms = new(StringComparer.Ordinal);
        public int Sampled;

        public void Erase(AuthorErasure erasure)
        {
            First.RemoveAll(erasure.Wrote);
            Shared.RemoveAll(erasure.Wrote);
            foreach (var word in Terms.Keys.Where(erasure.IsWord).ToList()) Terms.Remove(word);
        }

        public bool Wants(EnrichedMention m) =>
            First.Count < MentionsKept || Sampled < SampledPerMinute || Shared.Count < MentionsKept || Rank(m) > Rank(Shared[^1]);

        public void Add(EnrichedMention mention, WallMention shown, HashSet<string> words)
        {
            if (First.Count < MentionsKept) First.Add(shown);
            if (Shared.Count < MentionsKept || Rank(mention) > Rank(Shared[^1]))
            {
                if (Shared.Count == MentionsKept) Shared.RemoveAt(MentionsKept - 1);
                var at = Shared.FindIndex(s => Rank(s) < Rank(mention));
                Shared.Insert(at < 0 ? Shared.Count : at, shown);
            }
            if (Sampled >= SampledPerMinute) return;
            Sampled++;
            foreach (var word in words)
                if (Terms.Count < TermsPerMinute || Terms.ContainsKey(word)) Terms[word] = Terms.GetValueOrDefault(word) + 1;
        }

        // Shares first; reach (followers, far below 10^12) breaks ties.
        private static double Rank(EnrichedMention m) => Rank(m.Mention.Metrics.Shares, m.Mention.Author?.Followers ?? 0);
        private static double Rank(WallMention m) => Rank(m.Shares, m.Followers);
        private static double Rank(long shares, long followers) => shares + Math.Min(followers, 999_999_999_999) / 1e12;
    }

    /// <summary>Decayed word counts of the sampled mentions of minutes gone by, at most <see cref="BaselineTerms"/> words.</summary>
    private sealed class Baseline
    {
        private readonly Dictionary<string, double> _counts = new(StringComparer.Ordinal);
        private double _mentions;
        private long _ticks;

        public void Erase(AuthorErasure erasure)
        {
            foreach (var word in _counts.Keys.Where(erasure.IsWord).ToList()) _counts.Remove(word);
        }

        public void Learn(Side minute, long ticks)
        {
            if (_ticks != 0 && ticks > _ticks)
            {
                var decay = Math.Pow(2.0, -(double)(ticks - _ticks) / BaselineHalfLife.Ticks);
                _mentions *= decay;
                foreach (var key in _counts.Keys) _counts[key] *= decay;
            }
            _ticks = Math.Max(_ticks, ticks);
            _mentions += minute.Sampled;
            foreach (var (term, count) in minute.Terms) _counts[term] = _counts.GetValueOrDefault(term) + count;
            if (_counts.Count <= BaselineTerms * 5 / 4) return;
            // Forget the rarest words; they carry the least information about what is usual.
            foreach (var rare in _counts.OrderBy(p => p.Value).Take(_counts.Count - BaselineTerms).Select(p => p.Key).ToList())
                _counts.Remove(rare);
        }

        /// <summary>
        /// Words at least twice in the window and at least twice as frequent as usual, ranked by
        /// count × ln(count / expected) (their share of the log-likelihood ratio).
        /// </summary>
        public ImmutableArray<AlertTerm> TopTerms(Dictionary<string, int> window, int sampled, Dictionary<string, int> recent, int sampledRecent)
        {
            if (sampled == 0) return [];
            var perMention = 1.0 / (_mentions + sampledRecent + 1);
            return
            [
                .. window
                    .Select(p => (Term: p.Key, Count: p.Value,
                        Expected: sampled * (_counts.GetValueOrDefault(p.Key) + recent.GetValueOrDefault(p.Key) + 0.5) * perMention))
                    .Where(t => t.Count >= 2 && t.Count >= 2 * t.Expected)
                    .OrderByDescending(t => t.Count * Math.Log(t.Count / t.Expected)).ThenBy(t => t.Term, StringComparer.Ordinal)
                    .Take(TopTermCount)
                    .Select(t => new AlertTerm(t.Term, t.Count, Math.Round(t.Expected, 2))),
            ];
        }
    }
}
