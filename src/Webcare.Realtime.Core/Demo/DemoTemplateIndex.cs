using System.Collections.Immutable;

namespace Webcare.Realtime.Core.Demo;

/// <summary>
/// The template catalogues sorted into the buckets the feed draws from, once, so picking a template is an
/// array lookup. Built from immutable catalogues and never changed afterwards.
/// </summary>
internal static class DemoTemplateIndex
{
    private static readonly DemoFormats[] FormatOrder = [DemoFormats.Social, DemoFormats.Review, DemoFormats.News];
    private static readonly DemoIntent[] Intents = Enum.GetValues<DemoIntent>();
    private static readonly DemoOrganisationKind[] Kinds = Enum.GetValues<DemoOrganisationKind>();

    private static readonly DemoTemplate[][] Posts = BuildPosts();
    private static readonly DemoTemplate[][] IncidentPosts = BuildIncidentPosts();

    /// <summary>An ordinary post's template; English falls back to Dutch where there is no English one.</summary>
    public static DemoTemplate[] PostBucket(DemoFormats format, DemoIntent intent, DemoOrganisationKind kind, bool english)
    {
        var bucket = Posts[PostKey(format, intent, kind, english)];
        if (bucket.Length == 0 && english) bucket = Posts[PostKey(format, intent, kind, false)];
        if (bucket.Length == 0) throw new InvalidOperationException($"no demo template for {format} {intent} {kind}");
        return bucket;
    }

    public static DemoTemplate[] IncidentBucket(DemoIncidentKind incident, DemoFormats format, DemoOrganisationKind kind, bool english)
    {
        var bucket = IncidentPosts[IncidentKey(incident, format, kind, english)];
        if (bucket.Length == 0 && english) bucket = IncidentPosts[IncidentKey(incident, format, kind, false)];
        if (bucket.Length == 0) throw new InvalidOperationException($"no demo incident template for {incident} {format} {kind}");
        return bucket;
    }

    /// <summary>The complaints that can start a spreading conversation: Dutch, short-form.</summary>
    public static readonly ImmutableArray<ImmutableArray<DemoTemplate>> SpreadingRoots =
    [
        .. Enum.GetValues<DemoIncidentKind>().Select(kind => DemoIncidentTemplates.Posts(kind)
            .Where(t => t.Intent == DemoIntent.Complaint && t.Formats.HasFlag(DemoFormats.Social) && !t.English)
            .ToImmutableArray()),
    ];

    /// <summary>A template in the wanted language if the catalogue has one, else any.</summary>
    public static DemoTemplate PickLanguage(ImmutableArray<DemoTemplate> catalogue, DemoOrganisationKind kind, bool english, ref DemoRandom rng)
    {
        // Two passes over a catalogue of a dozen: cheaper than keeping buckets for every catalogue.
        var matching = 0;
        foreach (var t in catalogue)
            if (t.English == english && t.Suits(kind)) matching++;
        if (matching == 0)
        {
            foreach (var t in catalogue)
                if (t.Suits(kind)) matching++;
            english = !english;
        }
        var chosen = rng.Next(matching);
        foreach (var t in catalogue)
        {
            if (t.English != english || !t.Suits(kind)) continue;
            if (chosen-- == 0) return t;
        }
        throw new InvalidOperationException("no demo template suits this organisation");
    }

    private static int FormatIndex(DemoFormats format) => Array.IndexOf(FormatOrder, format);

    private static int PostKey(DemoFormats format, DemoIntent intent, DemoOrganisationKind kind, bool english) =>
        ((FormatIndex(format) * Intents.Length + (int)intent) * Kinds.Length + (int)kind) * 2 + (english ? 1 : 0);

    private static int IncidentKey(DemoIncidentKind incident, DemoFormats format, DemoOrganisationKind kind, bool english) =>
        (((int)incident * FormatOrder.Length + FormatIndex(format)) * Kinds.Length + (int)kind) * 2 + (english ? 1 : 0);

    private static DemoTemplate[][] BuildPosts()
    {
        var buckets = new DemoTemplate[FormatOrder.Length * Intents.Length * Kinds.Length * 2][];
        foreach (var format in FormatOrder)
        foreach (var intent in Intents)
        foreach (var kind in Kinds)
        foreach (var english in new[] { false, true })
            buckets[PostKey(format, intent, kind, english)] = DemoRootTemplates.All
                .Where(t => t.Formats.HasFlag(format) && t.Intent == intent && t.Suits(kind) && t.English == english)
                .ToArray();
        return buckets;
    }

    private static DemoTemplate[][] BuildIncidentPosts()
    {
        var incidents = Enum.GetValues<DemoIncidentKind>();
        var buckets = new DemoTemplate[incidents.Length * FormatOrder.Length * Kinds.Length * 2][];
        foreach (var incident in incidents)
        foreach (var format in FormatOrder)
        foreach (var kind in Kinds)
        foreach (var english in new[] { false, true })
            buckets[IncidentKey(incident, format, kind, english)] = DemoIncidentTemplates.Posts(incident)
                .Where(t => t.Formats.HasFlag(format) && t.Suits(kind) && t.English == english)
                .ToArray();
        return buckets;
    }
}
