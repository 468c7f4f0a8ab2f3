using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Core.Demo;

/// <summary>
/// A deterministic stream of realistic, fictional Dutch healthcare mentions, for the embedded default mode:
/// a wall shows live data on first run. Asking for the mentions of any time range always gives the same
/// answer, and asking in slices gives the same mentions as asking at once, so a caller can poll it every
/// second with [previous now, now) and never see a gap or a duplicate.
/// </summary>
/// <remarks>
/// Every second of stream time is a slot whose posts are drawn from a stream seeded by (seed, second); every
/// reply, share and answer of a post draws from its own stream too. Nothing depends on what was generated
/// before, which is what makes slices agree. Replies and answers trail their post by up to two
/// hours, so each call replans that much history, cheaply: a post's text is only written
/// if one of its mentions falls in the window.
/// </remarks>
public sealed class DemoFeed
{
    /// <summary>How long after its incident's extra volume ends a spreading conversation still gets replies.</summary>
    internal const long SpreadTailMs = 4 * 60_000;

    // The latest anything follows its post: a late webcare answer (see PlanWebcare).
    private const long LookbackMs = 2 * 60 * 60_000;
    private const long LateAnswerMinMs = 40 * 60_000;
    private const long LateAnswerMaxMs = 110 * 60_000;
    private const long MaxIncidentDurationMs = 60 * 60_000;
    private const long UnixEpochTicks = 621_355_968_000_000_000;

    private readonly DemoFeedOptions _options;
    private readonly long _seed;
    private readonly double _postsPerSecond;
    private readonly DemoAuthorPool _authors;
    private readonly DemoIncidentSchedule? _incidents;
    private readonly DemoIncidentSchedule? _toneShifts;

    public DemoFeed(DemoFeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!double.IsFinite(options.MentionsPerMinute) || options.MentionsPerMinute is < 0 or > 6_000)
            throw new ArgumentOutOfRangeException(nameof(options), "MentionsPerMinute must be between 0 and 6000");
        if (options.IncidentPeriod is { } period)
        {
            if (period < TimeSpan.FromMinutes(1))
                throw new ArgumentOutOfRangeException(nameof(options), "IncidentPeriod must be at least a minute");
            if (options.IncidentDuration <= TimeSpan.Zero || options.IncidentDuration > period
                || options.IncidentDuration.TotalMilliseconds > MaxIncidentDurationMs)
                throw new ArgumentOutOfRangeException(nameof(options), "IncidentDuration must be positive, at most IncidentPeriod and at most an hour");
            if (options.IncidentOffset < TimeSpan.Zero || options.IncidentOffset >= period)
                throw new ArgumentOutOfRangeException(nameof(options), "IncidentOffset must be in [0, IncidentPeriod)");
            if (!double.IsFinite(options.IncidentVolumeFactor) || options.IncidentVolumeFactor is < 1 or > 50)
                throw new ArgumentOutOfRangeException(nameof(options), "IncidentVolumeFactor must be between 1 and 50");
            _incidents = new DemoIncidentSchedule((long)period.TotalMilliseconds, (long)options.IncidentOffset.TotalMilliseconds,
                (long)options.IncidentDuration.TotalMilliseconds, options.Seed);
        }
        if (options.ToneShiftPeriod is { } tonePeriod)
        {
            if (tonePeriod < TimeSpan.FromMinutes(1) || options.ToneShiftDuration <= TimeSpan.Zero || options.ToneShiftDuration > tonePeriod
                || options.ToneShiftOffset < TimeSpan.Zero || options.ToneShiftOffset >= tonePeriod)
                throw new ArgumentOutOfRangeException(nameof(options), "ToneShiftPeriod must be at least a minute, ToneShiftDuration positive and at most the period, ToneShiftOffset in [0, period)");
            if (!double.IsFinite(options.ToneShiftComplaintShare) || options.ToneShiftComplaintShare is < 0 or > 1)
                throw new ArgumentOutOfRangeException(nameof(options), "ToneShiftComplaintShare must be between 0 and 1");
            _toneShifts = new DemoIncidentSchedule((long)tonePeriod.TotalMilliseconds, (long)options.ToneShiftOffset.TotalMilliseconds,
                (long)options.ToneShiftDuration.TotalMilliseconds, options.Seed + DemoStreams.ToneRotation);
        }
        _options = options;
        _seed = options.Seed;
        _postsPerSecond = options.MentionsPerMinute / 60 / DemoTraffic.MentionsPerPost;
        _authors = new DemoAuthorPool(options.Seed);
    }

    public DemoFeedOptions Options => _options;

    /// <summary>
    /// The demo organisations' own accounts ("source:handle"), as their webcare answers are written: the X
    /// handle on X, the page name elsewhere. Configured for the demo tenant, so the webcare queue is alive.
    /// </summary>
    public static IReadOnlyList<string> OwnAccounts { get; } =
    [
        .. DemoOrganisation.All.SelectMany(o => new[]
        {
            $"{DemoSources.Twitter}:@{o.Handle}", $"{DemoSources.Facebook}:{o.Slug}",
            $"{DemoSources.Instagram}:{o.Slug}", $"{DemoSources.Reviews}:{o.Slug}",
        }),
    ];

    /// <summary>Topics that fit the demo content: one per organisation, one per complaint theme.</summary>
    public static IReadOnlyList<TopicDefinition> DefaultTopics => DemoTopics.All;

    /// <summary>Every mention with <c>from &lt;= CreatedAt &lt; to</c>, ordered by time and then id.</summary>
    public IReadOnlyList<Mention> Generate(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return [];
        var fromMs = CeilingMs(from);
        var toMs = CeilingMs(to);
        var writer = new DemoConversationWriter(_seed, _authors, fromMs, toMs, _options.IncludeOwnReplies);
        var durationMs = _incidents?.DurationMs ?? 0;

        var lastSlot = DemoIncidentSchedule.FloorDiv(toMs - 1, 1000);
        for (var slot = DemoIncidentSchedule.FloorDiv(fromMs - LookbackMs, 1000); slot <= lastSlot; slot++)
        {
            var slotMs = slot * 1000;
            var rng = DemoRandom.For(_seed, slot, 0, DemoStreams.SlotCounts);
            var rate = _postsPerSecond * DemoDailyRhythm.LevelAt(slotMs);
            var ordinary = rng.Poisson(rate);
            var incident = _incidents?.ActiveAt(slotMs);
            var extra = incident is { } active ? rng.Poisson(IncidentExtraRate(active, rate)) : 0;
            for (var j = 0; j < ordinary + extra; j++)
                writer.Write(PlanPost(slot, j, j < ordinary ? null : incident), durationMs);
        }

        if (_incidents is not null)
        {
            for (var k = _incidents.FirstIndexFrom(fromMs - LookbackMs); _incidents.OnsetMs(k) < toMs; k++)
                writer.Write(PlanSpreadingRoot(k), durationMs);
        }

        var mentions = writer.Mentions;
        mentions.Sort(static (a, b) =>
        {
            var byTime = a.CreatedAt.CompareTo(b.CreatedAt);
            return byTime != 0 ? byTime : string.CompareOrdinal(a.Id, b.Id);
        });
        return mentions;
    }

    /// <summary>The incidents whose onset is in [from, to).</summary>
    public IReadOnlyList<DemoIncident> IncidentsBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (_incidents is null || to <= from) return [];
        var result = new List<DemoIncident>();
        var toMs = CeilingMs(to);
        for (var k = _incidents.FirstIndexFrom(CeilingMs(from)); _incidents.OnsetMs(k) < toMs; k++)
        {
            var onset = _incidents.OnsetMs(k);
            result.Add(new DemoIncident(_incidents.KindOf(k), _incidents.OrganisationOf(k).Name,
                DateTimeOffset.FromUnixTimeMilliseconds(onset), DateTimeOffset.FromUnixTimeMilliseconds(onset + _incidents.DurationMs),
                DemoSources.Twitter, DemoPost.SpreadingRootId(k)));
        }
        return result;
    }

    /// <summary>The tone shifts whose onset is in [from, to).</summary>
    public IReadOnlyList<DemoToneShift> ToneShiftsBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (_toneShifts is null || to <= from) return [];
        var result = new List<DemoToneShift>();
        var toMs = CeilingMs(to);
        for (var k = _toneShifts.FirstIndexFrom(CeilingMs(from)); _toneShifts.OnsetMs(k) < toMs; k++)
        {
            var onset = _toneShifts.OnsetMs(k);
            result.Add(new DemoToneShift(_toneShifts.AnyOrganisationOf(k).Name,
                DateTimeOffset.FromUnixTimeMilliseconds(onset), DateTimeOffset.FromUnixTimeMilliseconds(onset + _toneShifts.DurationMs)));
        }
        return result;
    }

    // The incident organisation's own posts rise to IncidentVolumeFactor times their usual rate.
    private double IncidentExtraRate(long incident, double ordinaryRate)
    {
        var org = _incidents!.OrganisationOf(incident);
        return (_options.IncidentVolumeFactor - 1) * ordinaryRate * org.Weight / DemoOrganisation.TotalWeight;
    }

    private DemoPost PlanPost(long slot, int index, long? incident)
    {
        var rng = DemoRandom.For(_seed, slot, index, DemoStreams.RootPlan);
        var atMs = slot * 1000 + rng.Next(1000);
        DemoOrganisation org;
        string source;
        DemoTemplate template;
        DemoIncidentKind? kind = null;
        var english = rng.Chance(DemoTraffic.EnglishShare);
        if (incident is { } k)
        {
            kind = _incidents!.KindOf(k);
            org = _incidents.OrganisationOf(k);
            source = DemoTraffic.PickSource(ref rng, incident: true);
            template = rng.Pick(DemoTemplateIndex.IncidentBucket(kind.Value, DemoTraffic.FormatOf(source), org.Kind,
                english && DemoTraffic.FormatOf(source) == DemoFormats.Social));
        }
        else
        {
            org = DemoTraffic.PickOrganisation(ref rng);
            source = DemoTraffic.PickSource(ref rng, incident: false);
            var intent = DemoTraffic.PickIntent(source, ref rng);
            // A tone shift turns posts into complaints from a stream of its own: without one, nothing else changes.
            if (_toneShifts?.ActiveAt(slot * 1000) is { } shift && _toneShifts.AnyOrganisationOf(shift) == org
                && DemoRandom.For(_seed, slot, index, DemoStreams.ToneShift).Chance(_options.ToneShiftComplaintShare))
                intent = DemoIntent.Complaint;
            var format = DemoTraffic.FormatOf(source);
            template = rng.Pick(DemoTemplateIndex.PostBucket(format, intent, org.Kind, english && format == DemoFormats.Social));
        }

        var author = source == DemoSources.News ? DemoAuthorPool.Newsroom(ref rng) : _authors.Random(ref rng);
        var boost = incident is null ? 1.0 : 1.5; // incident posts draw more reaction
        var replies = rng.Poisson(boost * DemoTraffic.ReplyMean(source, template.Intent, author.Followers));
        var shares = rng.Poisson(boost * DemoTraffic.ShareMean(source, template.Intent, author.Followers));
        var likes = rng.Poisson(DemoTraffic.LikesMean(template.Intent, author.Followers, replies, shares));
        var webcareAt = PlanWebcare(ref rng, atMs, source, DemoTraffic.AnswerChance(source, template.Intent, incident is not null));
        return new DemoPost(slot, index, atMs, source, org, template, author, replies, shares, likes, webcareAt, -1, kind);
    }

    /// <summary>
    /// The complaint that takes off at an incident's onset: a post on X/Twitter that dozens of distinct
    /// people reply to and share within minutes.
    /// </summary>
    private DemoPost PlanSpreadingRoot(long incident)
    {
        var schedule = _incidents!;
        var rng = DemoRandom.For(_seed, incident, -1, DemoStreams.IncidentPlan);
        var kind = schedule.KindOf(incident);
        var org = schedule.OrganisationOf(incident);
        var onset = schedule.OnsetMs(incident);
        var template = rng.Pick(DemoTemplateIndex.SpreadingRoots[(int)kind]);
        var author = rng.Chance(0.5) ? _authors.Voice(ref rng) : _authors.Random(ref rng);
        var replies = rng.Between(28, 40);
        var shares = rng.Between(45, 70);
        var likes = 3L * shares + replies + rng.Poisson(20);
        var crowdStart = rng.Next(DemoAuthorPool.Size);
        var crowdStep = 1 + rng.Next(DemoAuthorPool.Size - 1);
        var statementAt = onset + rng.Between(150, 420) * 1000L;
        var updateAt = onset + schedule.DurationMs + rng.Between(60, 180) * 1000L;
        return new DemoPost(incident, -1, onset, DemoSources.Twitter, org, template, author, replies, shares, likes,
            statementAt, updateAt, kind, crowdStart, crowdStep);
    }

    /// <summary>When the organisation answers, or -1: most within a quarter of an hour, some much later, some never.</summary>
    private static long PlanWebcare(ref DemoRandom rng, long atMs, string source, double chance)
    {
        // Always the same draws, so switching own replies off changes nothing else in the stream.
        var answers = rng.Chance(chance);
        var fast = rng.Chance(source == DemoSources.Reviews ? 0.2 : 0.65);
        var fastDelay = 90_000 + (long)Math.Min(rng.Exponential(4 * 60_000), 13.5 * 60_000);
        var lateDelay = LateAnswerMinMs + (long)(rng.NextDouble() * (LateAnswerMaxMs - LateAnswerMinMs));
        if (!answers) return -1;
        return atMs + (fast ? fastDelay : lateDelay);
    }

    // Mentions carry whole milliseconds, so [from, to) in ticks is [ceil(from), ceil(to)) in milliseconds.
    private static long CeilingMs(DateTimeOffset time) => DemoIncidentSchedule.CeilDiv(time.UtcTicks - UnixEpochTicks, 10_000);
}
