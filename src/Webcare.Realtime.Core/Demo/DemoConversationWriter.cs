using System.Text;
using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Core.Demo;

/// <summary>
/// Writes the mentions of planned posts that fall in one window: the post, its replies and shares, and the
/// organisation's answers. One instance per <see cref="DemoFeed.Generate"/> call.
/// </summary>
internal sealed class DemoConversationWriter(long seed, DemoAuthorPool authors, long fromMs, long toMs, bool ownReplies)
{
    // The longest a reply or share trails its ordinary post.
    public const long FollowUpSpanMs = 30 * 60_000;

    private static readonly string[] NegativeEmoji = ["😡", "😤", "🙄", "😞", "🤬"];
    private static readonly string[] PositiveEmoji = ["❤️", "🙏", "👏", "😊", "💐"];
    private static readonly string[] QuestionEmoji = ["🤔", "🙏"];
    private static readonly string[] InfoEmoji = ["📢", "🏥"];
    private static readonly string[] NegativeTags = ["#zorg", "#patientervaring", "#zorgNL"];
    private static readonly string[] PositiveTags = ["#topzorg", "#zorghelden", "#dankbaar"];
    private static readonly string[] NeutralTags = ["#zorg", "#gezondheid"];
    private static readonly string[] ShareComments = ["Delen!", "Herkenbaar.", "Dit moet iedereen lezen.", "Lees dit even."];

    private readonly StringBuilder _text = new(320);

    public List<Mention> Mentions { get; } = [];

    private bool InWindow(long ms) => ms >= fromMs && ms < toMs;

    /// <summary>Writes whichever of the post's mentions fall in the window.</summary>
    public void Write(in DemoPost post, long incidentDurationMs)
    {
        // Most planned posts only replay history; their id and text are built only when something is written.
        string? rootText = null;
        string? rootId = null;
        if (InWindow(post.AtMs))
            Mentions.Add(new Mention(post.Source, rootId = post.Id, FromMs(post.AtMs), rootText = RootText(post))
            {
                Author = post.Author,
                Url = UrlOf(post.Source, rootId),
                ConversationId = rootId,
                Metrics = new MentionMetrics(post.Likes, post.Shares),
            });

        var latestFollowUp = post.AtMs + (post.Spreading ? incidentDurationMs + DemoFeed.SpreadTailMs : FollowUpSpanMs);
        if (latestFollowUp >= fromMs)
        {
            for (var k = 0; k < post.Replies; k++) WriteReply(post, ref rootId, k, incidentDurationMs);
            for (var k = 0; k < post.Shares; k++) WriteShare(post, ref rootId, k, incidentDurationMs, ref rootText);
        }
        if (ownReplies)
        {
            if (post.WebcareAtMs >= 0 && InWindow(post.WebcareAtMs)) WriteWebcare(post, post.Id, post.WebcareAtMs, update: false);
            if (post.WebcareUpdateAtMs >= 0 && InWindow(post.WebcareUpdateAtMs)) WriteWebcare(post, post.Id, post.WebcareUpdateAtMs, update: true);
        }
    }

    private string RootText(in DemoPost post)
    {
        var rng = DemoRandom.For(seed, post.KeyA, post.KeyB, DemoStreams.RootText);
        _text.Clear();
        DemoTextWriter.Write(_text, post.Template.Text, post.Organisation, post.Source, ref rng);
        // Decoration only where people decorate: short-form social posts.
        var social = post.Source is DemoSources.Twitter or DemoSources.Instagram or DemoSources.Facebook;
        var emoji = rng.Chance(0.25);
        var tag = rng.Chance(post.Source == DemoSources.Instagram ? 0.5 : 0.2);
        var ownTag = rng.Chance(0.4);
        if (social && !post.Template.English)
        {
            if (tag)
                _text.Append(' ').Append(ownTag ? "#" + post.Organisation.Handle : rng.Pick(Tags(post.Template.Intent)));
            if (emoji) _text.Append(' ').Append(rng.Pick(Emoji(post.Template.Intent)));
        }
        return _text.ToString();
    }

    private void WriteReply(in DemoPost post, ref string? rootId, int k, long incidentDurationMs)
    {
        var rng = DemoRandom.For(seed, post.KeyA, post.KeyB, DemoStreams.Reply + k);
        var at = post.AtMs + (post.Spreading
            ? 5_000 + (long)Math.Min(rng.Exponential(incidentDurationMs / 3.0), incidentDurationMs + DemoFeed.SpreadTailMs - 5_000)
            : 20_000 + (long)Math.Min(rng.Exponential(4 * 60_000), FollowUpSpanMs - 20_000));
        if (!InWindow(at)) return;

        var author = post.Spreading ? authors.Distinct(post.CrowdStart, post.CrowdStep, k) : authors.Random(ref rng);
        var english = rng.Chance(post.Template.English ? 0.7 : 0.04);
        var catalogue = post.Incident is { } kind ? DemoIncidentTemplates.Replies(kind) : DemoReplyTemplates.For(post.Template.Intent);
        var template = DemoTemplateIndex.PickLanguage(catalogue, post.Organisation.Kind, english, ref rng);
        var tagOrganisation = rng.Chance(0.4);
        var likes = rng.Poisson(post.Spreading ? 4 : 0.8);

        _text.Clear();
        if (post.Source is DemoSources.Twitter or DemoSources.Instagram)
        {
            _text.Append('@').Append(post.Author.Handle).Append(' ');
            if (tagOrganisation && post.Source == DemoSources.Twitter) _text.Append('@').Append(post.Organisation.Handle).Append(' ');
        }
        DemoTextWriter.Write(_text, template.Text, post.Organisation, post.Source, ref rng);
        rootId ??= post.Id;
        var id = $"{rootId}-r{k}";
        Mentions.Add(new Mention(post.Source, id, FromMs(at), _text.ToString())
        {
            Author = author,
            Url = UrlOf(post.Source, id),
            ConversationId = rootId,
            InReplyTo = rootId,
            Metrics = new MentionMetrics(likes, 0),
        });
    }

    private void WriteShare(in DemoPost post, ref string? rootId, int k, long incidentDurationMs, ref string? rootText)
    {
        var rng = DemoRandom.For(seed, post.KeyA, post.KeyB, DemoStreams.Share + k);
        var at = post.AtMs + (post.Spreading
            ? 5_000 + (long)Math.Min(rng.Exponential(incidentDurationMs / 2.5), incidentDurationMs + DemoFeed.SpreadTailMs - 5_000)
            : 10_000 + (long)Math.Min(rng.Exponential(6 * 60_000), FollowUpSpanMs - 10_000));
        if (!InWindow(at)) return;

        // Spreading shares continue the walk after the repliers, so nobody both replies and shares.
        var author = post.Spreading ? authors.Distinct(post.CrowdStart, post.CrowdStep, post.Replies + k) : authors.Random(ref rng);
        var comment = rng.Chance(0.5) ? rng.Pick(ShareComments) : null;
        rootText ??= RootText(post);

        _text.Clear();
        if (post.Source == DemoSources.Twitter) _text.Append("RT @").Append(post.Author.Handle).Append(": ");
        else if (comment is not null) _text.Append(comment).Append(' ');
        _text.Append(rootText);
        rootId ??= post.Id;
        var id = $"{rootId}-s{k}";
        Mentions.Add(new Mention(post.Source, id, FromMs(at), _text.ToString())
        {
            Author = author,
            Url = UrlOf(post.Source, id),
            ConversationId = rootId,
            SharedFrom = rootId,
        });
    }

    private void WriteWebcare(in DemoPost post, string rootId, long at, bool update)
    {
        var rng = DemoRandom.For(seed, post.KeyA, post.KeyB, update ? DemoStreams.WebcareUpdate : DemoStreams.Webcare);
        var org = post.Organisation;
        DemoTemplate template;
        if (post.Incident is { } kind)
        {
            var statements = DemoWebcareTemplates.Statements(kind);
            // A spreading root gets the holding statement first and the update later; the others either.
            template = post.Spreading ? statements[update ? 1 : 0] : rng.Pick(statements);
        }
        else
        {
            var praise = post.Template.Intent == DemoIntent.Praise;
            var catalogue = post.Source == DemoSources.Reviews
                ? praise ? DemoWebcareTemplates.ToPositiveReview : DemoWebcareTemplates.ToReview
                : post.Template.Intent switch
                {
                    DemoIntent.Complaint => DemoWebcareTemplates.ToComplaint,
                    DemoIntent.Question => DemoWebcareTemplates.ToQuestion,
                    _ => DemoWebcareTemplates.ToPraise,
                };
            template = DemoTemplateIndex.PickLanguage(catalogue, org.Kind, english: false, ref rng);
        }

        _text.Clear();
        if (post.Source is DemoSources.Twitter or DemoSources.Instagram) _text.Append('@').Append(post.Author.Handle).Append(' ');
        else if (post.Source == DemoSources.Facebook && post.Author.Name is { } name) _text.Append(name).Append(' ');
        DemoTextWriter.Write(_text, template.Text, org, post.Source, ref rng);
        var id = update ? $"{rootId}-w2" : $"{rootId}-w";
        var handle = post.Source == DemoSources.Twitter ? org.Handle : org.Slug;
        Mentions.Add(new Mention(post.Source, id, FromMs(at), _text.ToString())
        {
            Author = new Author(handle, org.Name, org.Followers),
            Url = UrlOf(post.Source, id),
            ConversationId = rootId,
            InReplyTo = rootId,
            Metrics = new MentionMetrics(rng.Poisson(0.5), 0),
        });
    }

    private static string[] Emoji(DemoIntent intent) => intent switch
    {
        DemoIntent.Complaint => NegativeEmoji,
        DemoIntent.Praise => PositiveEmoji,
        DemoIntent.Question => QuestionEmoji,
        _ => InfoEmoji,
    };

    private static string[] Tags(DemoIntent intent) => intent switch
    {
        DemoIntent.Complaint => NegativeTags,
        DemoIntent.Praise => PositiveTags,
        _ => NeutralTags,
    };

    // .invalid never resolves (RFC 2606): a wall that makes links clickable cannot send anyone to a real site.
    private static string UrlOf(string source, string id) => $"https://{source}.demo.invalid/{id}";

    private static DateTimeOffset FromMs(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
}
