namespace Webcare.Realtime.Core.Demo;

/// <summary>
/// The proportions of the demo traffic: where people post, what they post there, and how much reaction a
/// post gets. Tuned by eye against what webcare teams in Dutch care describe, not measured.
/// </summary>
internal static class DemoTraffic
{
    public const double EnglishShare = 0.05;

    /// <summary>
    /// Mentions per post on average (the post itself, its replies, shares and webcare answers) for the
    /// ordinary traffic at the default settings; the feed divides the configured rate by it so that
    /// <see cref="DemoFeedOptions.MentionsPerMinute"/> counts everything. Checked by a test.
    /// </summary>
    public const double MentionsPerPost = 2.65;

    private static readonly string[] Sources =
    [
        DemoSources.Twitter, DemoSources.Facebook, DemoSources.Instagram, DemoSources.Forum, DemoSources.Reviews, DemoSources.News,
    ];

    private static readonly double[] SourceWeights = [0.33, 0.25, 0.10, 0.10, 0.12, 0.10];

    // During an incident people go where things spread fast; reviews wait until later.
    private static readonly double[] IncidentSourceWeights = [0.55, 0.20, 0.05, 0.10, 0, 0.10];

    // Per source: complaint, question, info, praise. Instagram is where the thank-you posts are.
    private static readonly double[][] IntentWeights =
    [
        [0.45, 0.15, 0.15, 0.25],
        [0.40, 0.20, 0.10, 0.30],
        [0.20, 0.15, 0.10, 0.55],
        [0.45, 0.40, 0.05, 0.10],
        [0.50, 0.00, 0.08, 0.42],
        [0.15, 0.00, 0.75, 0.10],
    ];

    public static string PickSource(ref DemoRandom rng, bool incident) =>
        Sources[PickWeighted(incident ? IncidentSourceWeights : SourceWeights, ref rng)];

    public static DemoIntent PickIntent(string source, ref DemoRandom rng) =>
        (DemoIntent)PickWeighted(IntentWeights[Array.IndexOf(Sources, source)], ref rng);

    public static DemoOrganisation PickOrganisation(ref DemoRandom rng)
    {
        var target = rng.NextDouble() * DemoOrganisation.TotalWeight;
        foreach (var org in DemoOrganisation.All)
        {
            if (target < org.Weight) return org;
            target -= org.Weight;
        }
        return DemoOrganisation.All[^1];
    }

    public static DemoFormats FormatOf(string source) => source switch
    {
        DemoSources.Reviews => DemoFormats.Review,
        DemoSources.News => DemoFormats.News,
        _ => DemoFormats.Social,
    };

    public static double ReplyMean(string source, DemoIntent intent, long followers)
    {
        var perSource = source switch
        {
            DemoSources.Twitter => 1.0,
            DemoSources.Facebook => 1.2,
            DemoSources.Instagram => 0.8,
            DemoSources.Forum => 1.8,
            _ => 0, // reviews and news articles get no replies from the crowd here
        };
        var perIntent = intent switch
        {
            DemoIntent.Complaint => 1.0,
            DemoIntent.Question => 1.3,
            DemoIntent.Praise => 0.6,
            _ => 0.4,
        };
        return Math.Min(25, perSource * perIntent * (1 + followers / 2500.0));
    }

    public static double ShareMean(string source, DemoIntent intent, long followers)
    {
        var perSource = source switch
        {
            DemoSources.Twitter => 1.0,
            DemoSources.Facebook => 0.7,
            _ => 0, // no reshare button worth the name on the others
        };
        var perIntent = intent switch
        {
            DemoIntent.Complaint => 0.35,
            DemoIntent.Info => 0.5,
            DemoIntent.Praise => 0.25,
            _ => 0.03,
        };
        return Math.Min(40, perSource * perIntent * (1 + followers / 1200.0));
    }

    /// <summary>How likely the organisation's webcare answers; it only watches its own channels.</summary>
    public static double AnswerChance(string source, DemoIntent intent, bool incident)
    {
        if (source is not (DemoSources.Twitter or DemoSources.Facebook or DemoSources.Instagram or DemoSources.Reviews)) return 0;
        if (incident) return 0.3; // the team is swamped
        return intent switch
        {
            DemoIntent.Complaint => 0.7,
            DemoIntent.Question => 0.65,
            DemoIntent.Praise => 0.2,
            _ => 0,
        };
    }

    public static double LikesMean(DemoIntent intent, long followers, int replies, int shares)
    {
        var appeal = intent switch
        {
            DemoIntent.Praise => 2.0,
            DemoIntent.Complaint => 1.2,
            DemoIntent.Question => 0.4,
            _ => 1.0,
        };
        return (0.3 + 0.12 * Math.Sqrt(followers)) * appeal + 1.5 * shares + 0.5 * replies;
    }

    private static int PickWeighted(double[] weights, ref DemoRandom rng)
    {
        var total = 0.0;
        foreach (var w in weights) total += w;
        var target = rng.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            if (target < weights[i]) return i;
            target -= weights[i];
        }
        return weights.Length - 1;
    }
}
