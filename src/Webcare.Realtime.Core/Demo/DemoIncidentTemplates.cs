using System.Collections.Immutable;
using static Webcare.Realtime.Core.Demo.DemoAudience;
using static Webcare.Realtime.Core.Demo.DemoFormats;
using static Webcare.Realtime.Core.Demo.DemoTemplate;

namespace Webcare.Realtime.Core.Demo;

/// <summary>
/// The two recurring scenarios. Overwhelmingly negative, with a few questions and headlines, because that is
/// what a real incident looks like from the webcare desk.
/// </summary>
internal static class DemoIncidentTemplates
{
    public static readonly ImmutableArray<DemoTemplate> DataLeakPosts =
    [
        Complaint("Net een brief van {org}: mijn medische gegevens zijn gelekt bij een datalek. Schandalig! #datalek"),
        Complaint("Datalek bij {org}?! Hoe kan het dat mijn dossier zomaar op straat ligt. Onacceptabel."),
        Complaint("Ik ben echt boos. {org} laat gewoon de gegevens van duizenden {people} lekken. #privacy"),
        Complaint("Weer een datalek, nu bij {org}. Wie controleert dit eigenlijk?"),
        Complaint("Wordt er bij {org} eigenlijk iets gedaan aan beveiliging? Datalek, en niemand die de telefoon opneemt. #datalek"),
        Complaint("Mijn BSN en diagnose mogelijk in handen van hackers door het datalek bij {org}. Ik ben bang, wat moet ik nu doen?"),
        Complaint("Verschrikkelijk dit datalek bij {org}. Vertrouwen compleet kwijt."),
        Complaint("{org} wist al dagen van het datalek en zegt nu pas iets. Schande."),
        Complaint("Data breach at {org}, my medical records may be out there. Unacceptable.", english: true),
        Question("Hoe weet ik of mijn gegevens bij {org} zijn uitgelekt? Iemand die al een brief heeft gekregen?"),
        Complaint("{name} meldt datalek bij Autoriteit Persoonsgegevens: gegevens van {people} ingezien door onbevoegden", Any, News),
        Complaint("Hackers buitmaken gegevens bij {name}, onderzoek naar datalek gestart", Any, News),
    ];

    public static readonly ImmutableArray<DemoTemplate> DataLeakReplies =
    [
        Complaint("Ik heb net ook zo'n brief gekregen. Ik ben woedend."),
        Complaint("Hoe is dit anno nu nog mogelijk? Schandalig."),
        Complaint("Dit moet gemeld worden bij de Autoriteit Persoonsgegevens. Onacceptabel."),
        Complaint("Mijn vertrouwen is helemaal kwijt."),
        Complaint("Mijn moeder ligt daar nu, wat een schande."),
        Complaint("Delen! Iedereen moet dit weten. #datalek"),
        Complaint("Bizar. En dan moeten we zelf maar uitzoeken of we erbij zitten? Slecht."),
        Complaint("Zijn de gegevens van de kinderafdeling ook gelekt? Ik ben bang."),
        Complaint("Privacy is blijkbaar een ondergeschoven kindje. Triest."),
        Question("Weet iemand welk nummer je moet bellen voor informatie?"),
        Complaint("This is awful. Who is accountable for this?", english: true),
    ];

    public static readonly ImmutableArray<DemoTemplate> ClosurePosts =
    [
        Complaint("SEH van {org} gesloten?! Met mijn zoontje {minutes} minuten doorrijden naar {other}. Belachelijk.", Hospital),
        Complaint("Ambulances moeten omrijden omdat de SEH van {org} dicht is. Dit is onacceptabel. #SEH", Hospital),
        Complaint("Sta met mijn vader voor een dichte SEH bij {org}. Niemand die ons iets vertelt. Woedend.", Hospital),
        Complaint("Hoe kan een ziekenhuis als {org} zomaar de spoedeisende hulp sluiten? Schandalig.", Hospital),
        Complaint("Spoedeisende hulp {org} dicht door personeelstekort. Chaos in de regio.", Hospital),
        Complaint("Dus als je vanavond iets breekt moet je naar {other}? Triest dat de SEH van {org} gesloten is.", Hospital),
        Complaint("Bang dat het een keer echt misgaat nu de SEH van {org} weer dicht is. #SEH", Hospital),
        Complaint("Weer de SEH van {org} dicht. Waar blijft de politiek? Verschrikkelijk voor de regio.", Hospital),
        Complaint("The ER at {org} is closed and we had to drive to {other}. Terrible.", Hospital, english: true),
        Question("Weet iemand of de spoedeisende hulp van {org} vanavond weer open is?", Hospital),
        Complaint("SEH {name} tijdelijk gesloten door personeelstekort, patiënten naar {other}", Hospital, News),
        Info("Spoedeisende hulp {name} dicht: ambulances rijden om naar {other}", Hospital, News),
    ];

    public static readonly ImmutableArray<DemoTemplate> ClosureReplies =
    [
        Complaint("Wij moesten ook omrijden, {minutes} minuten met een zieke peuter. Belachelijk."),
        Complaint("Levensgevaarlijk dit. Schandalig."),
        Complaint("Dit is al de derde keer dit jaar. Triest."),
        Complaint("Wie is hier verantwoordelijk voor? Onacceptabel."),
        Complaint("Mijn buurman stond vannacht met de ambulance voor een dichte deur. Verschrikkelijk."),
        Complaint("Sterkte aan het personeel, maar dit is echt slecht beleid."),
        Complaint("Chaos op de SEH van {other} nu, iedereen moet daarheen."),
        Question("Weet iemand tot hoe laat dit duurt?"),
        Complaint("Absolutely unacceptable for a hospital this size.", english: true),
    ];

    public static ImmutableArray<DemoTemplate> Posts(DemoIncidentKind kind) =>
        kind == DemoIncidentKind.DataLeak ? DataLeakPosts : ClosurePosts;

    public static ImmutableArray<DemoTemplate> Replies(DemoIncidentKind kind) =>
        kind == DemoIncidentKind.DataLeak ? DataLeakReplies : ClosureReplies;
}
