using System.Collections.Immutable;
using static Webcare.Realtime.Core.Demo.DemoAudience;
using static Webcare.Realtime.Core.Demo.DemoFormats;
using static Webcare.Realtime.Core.Demo.DemoTemplate;

namespace Webcare.Realtime.Core.Demo;

/// <summary>
/// What the organisations' own webcare accounts answer: polite, signed with a first name, never negative,
/// and without the organisation's name so an answer does not count as a mention of it. Social answers use
/// "je", review answers the formal "u", as Dutch webcare teams do.
/// </summary>
internal static class DemoWebcareTemplates
{
    public static readonly ImmutableArray<DemoTemplate> ToComplaint =
    [
        Info("Vervelend om te horen! Wil je ons een DM sturen met je gegevens? Dan zoeken we het uit. ^{sig}"),
        Info("Dit is niet de ervaring die we je willen geven. Stuur je ons een DM met je telefoonnummer? Dan bellen we je terug. ^{sig}"),
        Info("Wat vervelend, en begrijpelijk dat je hiervan baalt. Mogen we je bellen om het te bespreken? ^{sig}"),
        Info("Sorry hiervoor. We hebben je bericht doorgezet naar de afdeling; je hoort vandaag nog van ons. ^{sig}"),
        Info("Excuses voor het ongemak. Kun je ons via een privébericht laten weten om welke afspraak het gaat? ^{sig}", Hospital),
        Info("Excuses voor het ongemak. Kun je ons via een privébericht je klantnummer sturen? Dan kijken we naar je declaratie. ^{sig}", Insurer),
        Praise("Dank voor je melding. Via het klachtenformulier op onze website wordt er zeker iets mee gedaan. ^{sig}"),
    ];

    public static readonly ImmutableArray<DemoTemplate> ToQuestion =
    [
        Info("Goede vraag! Je vindt dit op onze website onder Patiënten en bezoekers. Kom je er niet uit, stuur ons dan een DM. ^{sig}", Hospital),
        Info("Hoi! Dat kun je het beste navragen bij de afdeling zelf; het nummer staat in je afspraakbevestiging. ^{sig}", Hospital),
        Info("Hoi! Dat hangt af van je polis. Stuur ons een DM met je klantnummer, dan zoeken we het voor je uit. ^{sig}", Insurer),
        Info("Stuur ons een DM, dan zoeken we het voor je uit. ^{sig}"),
    ];

    public static readonly ImmutableArray<DemoTemplate> ToPraise =
    [
        Praise("Wat fijn om te lezen! We geven je compliment door aan het team. ^{sig}"),
        Praise("Dank je wel voor je mooie woorden, dat doet het team goed! ^{sig}"),
    ];

    public static readonly ImmutableArray<DemoTemplate> ToReview =
    [
        Info("Beste reviewer, we lezen uw ervaring met aandacht. Wilt u contact met ons opnemen via het contactformulier op onze website? Dan bespreken we het graag. ^{sig}", Any, Review),
        Info("Beste reviewer, wat vervelend dat uw bezoek zo is verlopen. We bespreken uw opmerkingen met de afdeling. ^{sig}", Hospital, Review),
    ];

    public static readonly ImmutableArray<DemoTemplate> ToPositiveReview =
    [
        Praise("Beste reviewer, hartelijk dank voor uw mooie beoordeling! We delen dit graag met het team. ^{sig}", Any, Review),
        Praise("Beste reviewer, wat fijn dat u zo tevreden bent. Dank voor het delen! ^{sig}", Any, Review),
    ];

    public static readonly ImmutableArray<DemoTemplate> DataLeakStatements =
    [
        Info("We begrijpen je zorgen. We onderzoeken het incident met spoed en informeren iedereen die het betreft persoonlijk. Meer informatie op onze website. ^{sig}"),
        Info("We hebben het incident gemeld bij de Autoriteit Persoonsgegevens. Vragen? Bel ons speciale informatienummer, we zijn er tot 22:00. ^{sig}"),
    ];

    public static readonly ImmutableArray<DemoTemplate> ClosureStatements =
    [
        Info("Onze spoedeisende hulp is tijdelijk dicht. Ambulances brengen patiënten naar ziekenhuizen in de buurt. We houden je op de hoogte. ^{sig}", Hospital),
        Info("Update: we verwachten de spoedeisende hulp vanavond weer te openen. Bij spoed: bel 112 of de huisartsenpost. ^{sig}", Hospital),
    ];

    public static ImmutableArray<DemoTemplate> Statements(DemoIncidentKind kind) =>
        kind == DemoIncidentKind.DataLeak ? DataLeakStatements : ClosureStatements;
}
