using System.Collections.Immutable;

namespace Webcare.Realtime.Core.Demo;

internal enum DemoOrganisationKind
{
    Hospital,
    Insurer,
}

/// <summary>
/// A fictional organisation in the demo feed. The names are invented and chosen not to resemble a real
/// Dutch hospital or insurer, so a demo wall can never be mistaken for news about a real one.
/// </summary>
/// <param name="Name">How people write it in full; also its topic's name.</param>
/// <param name="ShortName">How people write it in a hurry.</param>
/// <param name="Handle">Its X/Twitter account, without the @.</param>
/// <param name="Slug">Its account on Instagram, Facebook and the review site.</param>
/// <param name="Weight">Its relative share of the ordinary traffic.</param>
/// <param name="Followers">Of its own accounts, for the webcare answers.</param>
/// <param name="TopicQuery">A keyword query that finds what is written about it.</param>
internal sealed record DemoOrganisation(
    string Name,
    string ShortName,
    DemoOrganisationKind Kind,
    string Handle,
    string Slug,
    double Weight,
    long Followers,
    string TopicQuery)
{
    public static readonly ImmutableArray<DemoOrganisation> All =
    [
        new("Ziekenhuis Rijnmond-Oost", "Rijnmond-Oost", DemoOrganisationKind.Hospital, "RijnmondOost",
            "ziekenhuisrijnmondoost", 0.30, 14_200, "Rijnmond-Oost OR RijnmondOost OR ziekenhuisrijnmondoost"),
        new("Lindeborg Medisch Centrum", "Lindeborg", DemoOrganisationKind.Hospital, "LindeborgMC",
            "lindeborgmc", 0.25, 9_800, "Lindeborg*"),
        new("Ziekenhuis Waterdal", "Waterdal", DemoOrganisationKind.Hospital, "ZHWaterdal",
            "ziekenhuiswaterdal", 0.25, 6_300, "Waterdal OR ZHWaterdal OR ziekenhuiswaterdal"),
        new("Zorgverzekeraar Delta", "zorgverzekeraar Delta", DemoOrganisationKind.Insurer, "ZVDelta",
            "zorgverzekeraardelta", 0.20, 21_500, "\"Zorgverzekeraar Delta\" OR ZVDelta OR zorgverzekeraardelta"),
    ];

    public static readonly ImmutableArray<DemoOrganisation> Hospitals =
        [.. All.Where(o => o.Kind == DemoOrganisationKind.Hospital)];

    public static readonly double TotalWeight = All.Sum(o => o.Weight);
}
