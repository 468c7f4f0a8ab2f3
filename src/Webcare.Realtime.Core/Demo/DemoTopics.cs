using System.Collections.Immutable;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Analysis.Topics;

namespace Webcare.Realtime.Core.Demo;

/// <summary>
/// Topics that fit the demo content: one per organisation (named as the organisation) and one per theme
/// of the templates, in the query language of <see cref="TopicQueryParser"/>.
/// </summary>
internal static class DemoTopics
{
    public const string DataLeak = "Datalek";
    public const string EmergencyDepartment = "SEH";

    public static readonly ImmutableArray<TopicDefinition> All =
    [
        .. DemoOrganisation.All.Select(o => new TopicDefinition(o.Name, o.TopicQuery)),
        new("Wachttijd", "wachttijd*, wachtlijst*, wachtkamer, gewacht, \"te wachten\", \"maanden wachten\", waited"),
        new("Bereikbaarheid", "bereikbaar*, onbereikbaar*, \"in de wacht\", \"on hold\", telefoon*, telefonisch, terugbel*, keuzemenu, \"neemt op\""),
        new("Parkeren", "parkeer*, parkeren"),
        new("Personeel", "onbeschoft, onvriendelijk, bejegening, baliemedewerker, respectloos, \"hing gewoon op\", \"keek me geen moment\", rude"),
        new("Facturen", "factuur, facturen, rekening, \"eigen risico\", eigenrisico, declaratie*, declareren, vergoeding*, premie, incasso*, aanmaning, claim, terugbetaling"),
        new("Afspraken", "verzet, verplaatst, afgezegd, \"vergeten in te plannen\", \"vanwege drukte\""),
        new("App en portaal", "portaal, patientenportaal, app, website, digid, foutmelding, inloggen"),
        new(DataLeak, "datalek*, privacy, gelekt, uitgelekt, lekken, hackers, \"data breach\", \"Autoriteit Persoonsgegevens\", beveiliging"),
        new("Complimenten", "topzorg, bedankt, dankjewel, \"dank jullie wel\", compliment*, chapeau, \"lieve verpleging\", \"thank you\""),
        new(EmergencyDepartment, "SEH, \"spoedeisende hulp\", \"eerste hulp\", ambulance*"),
    ];
}
