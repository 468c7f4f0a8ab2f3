using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Core.Demo;

/// <summary>
/// Everything decided about a post before any text is written: enough to tell which of its mentions (the
/// post, replies, shares, webcare answers) fall in a window, so posts whose mentions all fall outside cost
/// a few draws and no strings.
/// </summary>
/// <param name="KeyA">With <paramref name="KeyB"/>, the post's coordinates for its random streams and its id:
/// (second, index) for ordinary posts, (incident index, -1) for a spreading incident root.</param>
/// <param name="Incident">The incident this post belongs to, if any.</param>
/// <param name="WebcareAtMs">When the organisation answers, or -1.</param>
/// <param name="WebcareUpdateAtMs">When it posts a follow-up answer (spreading roots only), or -1.</param>
/// <param name="CrowdStart">For spreading roots: where the walk of distinct repliers starts.</param>
/// <param name="CrowdStep">For spreading roots: the walk's step, below the pool size so it never repeats.</param>
internal readonly record struct DemoPost(
    long KeyA,
    long KeyB,
    long AtMs,
    string Source,
    DemoOrganisation Organisation,
    DemoTemplate Template,
    Author Author,
    int Replies,
    int Shares,
    long Likes,
    long WebcareAtMs,
    long WebcareUpdateAtMs,
    DemoIncidentKind? Incident,
    int CrowdStart = 0,
    int CrowdStep = 0)
{
    public bool Spreading => KeyB < 0;

    public string Id => Spreading ? SpreadingRootId(KeyA) : $"dm-{KeyA}-{KeyB}";

    public static string SpreadingRootId(long incident) => $"dm-inc-{incident}";
}
