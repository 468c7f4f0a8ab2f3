using System.Collections.Immutable;
using static Webcare.Realtime.Core.Demo.DemoAudience;
using static Webcare.Realtime.Core.Demo.DemoFormats;
using static Webcare.Realtime.Core.Demo.DemoTemplate;

namespace Webcare.Realtime.Core.Demo;

/// <summary>
/// The everyday traffic: complaints by theme, compliments, news and questions, in Dutch and some English.
/// Negations ("niet", "geen", "nooit", "niks", "nergens") flip up to three following words in the sentiment
/// scorer, so complaints keep them away from their sentiment word.
/// </summary>
internal static class DemoRootTemplates
{
    public static readonly ImmutableArray<DemoTemplate> All =
    [
        // Wachttijd, SEH, wachtlijst
        Complaint("Al {minutes} minuten in de wachtkamer bij de poli {ward} van {org}. Afspraak was om {time}. Belachelijk.", Hospital),
        Complaint("{hours} uur op de SEH van {org} gezeten voordat er een arts kwam. Slecht geregeld dit.", Hospital),
        Complaint("Wachtlijst voor {ward} bij {org} is nu {weeks} weken. Met pijn thuis zitten, dat is het dus.", Hospital),
        Complaint("Mijn moeder van 84 ligt al sinds {time} op een brancard op de SEH van {org}. Schandalig.", Hospital),
        Complaint("{org} wat is er aan de hand op de poli {ward}? Iedereen zit al {minutes} minuten te wachten en niemand zegt iets.", Hospital),
        Complaint("Weer {months} maanden wachten op een operatie bij {org}. Ik ben het zo zat. #wachtlijst", Hospital),
        Complaint("Uitslag zou binnen een week komen, {weeks} weken later nog steeds radiostilte van {org}. Frustrerend.", Hospital),
        Complaint("Poli {ward} van {org} loopt {minutes} minuten uit en dat hoor je pas als je er bent. Slecht.", Hospital),

        // Telefonische bereikbaarheid
        Complaint("Al {minutes} minuten in de wacht bij {org}. Hoe moeilijk is het om de telefoon op te nemen? Belachelijk."),
        Complaint("{org} is echt onbereikbaar. {n}x gebeld, {n}x na een half uur opgehangen."),
        Complaint("Niemand neemt op bij {org}. Om {time} begonnen met bellen en nu nog steeds in de wacht. Triest."),
        Complaint("Keuzemenu van {org}: toets 1, toets 3, toets 2 en dan wordt de verbinding verbroken. Waardeloos."),
        Complaint("Waarom is {org} telefonisch zo slecht bereikbaar? Ik heb echt een vraag over mijn behandeling."),
        Complaint("Terugbelverzoek gedaan bij {org}, {day} zouden ze bellen. Niemand gebeld. Teleurstellend."),

        // Parkeren
        Complaint("€ {parking} voor {hours} uur parkeren bij {org}. Voor patiënten! Schandalig.", Hospital),
        Complaint("Twintig minuten rondjes gereden in de parkeergarage van {org} en geen plek. Te laat voor mijn afspraak. Bah.", Hospital),
        Complaint("Parkeren bij {org} is een drama. Veel te duur en altijd vol, belachelijk.", Hospital),
        Complaint("Kan iemand mij uitleggen waarom je als bezoeker van een IC-patiënt de volle prijs voor parkeren betaalt bij {org}? Triest.", Hospital),
        Complaint("Parkeerautomaat bij {org} weer kapot, rij van tien mensen. Chaos.", Hospital),

        // Personeel en bejegening
        Complaint("Baliemedewerker bij {org} was ronduit onbeschoft tegen mijn vader. Schaam je."),
        Complaint("Arts op de poli {ward} van {org} keek me geen moment aan. Ik ben echt teleurgesteld.", Hospital),
        Complaint("Zo onvriendelijk als de {staff} bij {org} vandaag was heb ik het nog nooit meegemaakt.", Hospital),
        Complaint("Verpleegkundige op {ward} van {org} sprak mijn oma toe alsof ze een kleuter was. Respectloos en onbeschoft.", Hospital),
        Complaint("Klacht ingediend bij {org} over de bejegening door de {staff}. Benieuwd of er iets mee gedaan wordt.", Hospital),
        Complaint("Medewerker van de klantenservice van {org} hing gewoon op. Grof gewoon."),

        // Facturen, eigen risico, vergoedingen
        Complaint("Rekening van € {amount} van {org} voor een consult van tien minuten?! Belachelijk. #eigenrisico", Hospital),
        Complaint("Mijn eigen risico is in één keer op door één bezoek aan de SEH van {org}. Veel te duur. Triest.", Hospital),
        Complaint("{org} weigert de vergoeding voor {treatment}. Eerst wel toegezegd aan de telefoon. Schandalig.", Insurer),
        Complaint("Al {weeks} weken wachten op terugbetaling van {org}. Declaratie staat nog steeds op 'in behandeling'. Frustrerend.", Insurer),
        Complaint("Premie van {org} weer omhoog en de vergoedingen omlaag. Teleurstellend.", Insurer),
        Complaint("Factuur van {org} dubbel ontvangen en nu een aanmaning voor de tweede. Wat een chaos."),
        Complaint("Incassobureau op mijn dak gestuurd door {org} terwijl ik gewoon betaald heb. Woedend.", Insurer),

        // Afspraken verzet
        Complaint("Voor de {n}e keer mijn afspraak bij {org} verzet, telkens een dag van tevoren. Echt teleurgesteld.", Hospital),
        Complaint("Operatie bij {org} op het laatste moment afgezegd. Al nuchter, al in het ziekenhuis. Verschrikkelijk.", Hospital),
        Complaint("Sms van {org}: uw afspraak van {day} is verplaatst naar over {weeks} weken. Zonder uitleg. Slecht.", Hospital),
        Complaint("Afspraak bij {org} vergeten in te plannen, zeggen ze nu. Drie maanden voor niets gewacht.", Hospital),
        Complaint("Brief van {org} dat mijn controle bij {ward} 'vanwege drukte' pas over {months} maanden kan. Onacceptabel.", Hospital),

        // App en portaal
        Complaint("Patiëntenportaal van {org} ligt er al de hele dag uit. Waardeloos, ik wil gewoon mijn uitslagen zien.", Hospital),
        Complaint("App van {org} crasht elke keer bij het inloggen met DigiD. Frustrerend."),
        Complaint("Declareren via de app van {org}: foutmelding, foutmelding, foutmelding. Bah.", Insurer),
        Complaint("Nieuwe website van {org} is een doolhof. Slecht vindbaar allemaal."),
        Complaint("Uitslag van mijn bloedonderzoek staat al in het portaal van {org} maar de arts belt pas over {n} weken. Bang en onrustig nu.", Hospital),

        // Complimenten
        Praise("Wat een lieve verpleging op {ward} bij {org}. Bedankt voor alles!", Hospital),
        Praise("Topzorg gehad op de SEH van {org} vannacht. Binnen een uur geholpen. Chapeau!", Hospital),
        Praise("Vandaag geopereerd bij {org}. Alles verliep prima en iedereen was super vriendelijk. Dankjewel!", Hospital),
        Praise("Compliment voor de {staff} van {ward} bij {org}. Zo geduldig met mijn vader.", Hospital),
        Praise("Ons zoontje is geboren bij {org}. Wat een fijne verloskundigen, dank jullie wel!", Hospital),
        Praise("De wachtkamer van {org} was leeg en ik stond binnen vijf minuten weer buiten. Top!", Hospital),
        Praise("Na {weeks} weken revalidatie bij {org} weer aan het wandelen. Zo blij met dit team!", Hospital),
        Praise("Heldere uitleg van de arts op de poli {ward} van {org}. Eindelijk snap ik wat er aan de hand is. Fijn.", Hospital),
        Praise("Shoutout naar de schoonmaker op {ward} van {org} die elke ochtend een praatje maakte met mijn moeder. Zo lief.", Hospital),
        Praise("Geweldige nachtdienst op {ward} bij {org}. Professioneel en behulpzaam. Dank!", Hospital),
        Praise("Klantenservice van {org} had mijn vraag over {treatment} binnen vijf minuten opgelost. Prima geregeld!", Insurer),
        Praise("Vergoeding voor {treatment} al binnen {n} dagen binnen. Netjes {org}, tevreden klant.", Insurer),
        Praise("Medewerker van {org} heeft echt de tijd genomen om alles uit te leggen. Super behulpzaam, bedankt!"),

        // Nieuws en informatie
        Info("{name} opent op {day} een nieuwe polikliniek voor {ward}.", Hospital, Social | News),
        Info("Vanaf {month} verhuist de poli {ward} van {org} naar de nieuwbouw aan de oostzijde.", Hospital, Social | News),
        Info("{name} start met een avondspreekuur voor {ward}, zodat werkenden overdag kunnen blijven werken.", Hospital, Social | News),
        Info("Let op: de hoofdingang van {org} is deze week afgesloten vanwege werkzaamheden. Gebruik de ingang bij de parkeergarage.", Hospital),
        Info("{name} zoekt vrijwilligers voor de informatiebalie en de rolstoelservice.", Hospital, Social | News),
        Info("Open dag bij {name} op {day}: rondleidingen over de OK en de SEH.", Hospital, Social | News),
        Info("{name} gaat samenwerken met huisartsen in de regio om patiënten eerder naar huis te laten gaan.", Hospital, News),
        Info("Jaarcijfers {name}: meer patiënten behandeld dan ooit, tekort aan verpleegkundigen blijft.", Hospital, News),
        Info("Nieuwe MRI-scanner in gebruik genomen bij {name}.", Hospital, Social | News),
        Info("{name} maakt komende {day} de premie voor volgend jaar bekend.", Insurer, Social | News),
        Info("Vanaf januari vergoedt {name} ook leefstijlcoaching vanuit de aanvullende verzekering.", Insurer, Social | News),
        Info("{name} verlengt de contracten met de ziekenhuizen in de regio voor twee jaar.", Insurer, News),
        Complaint("Wachtlijst voor {ward} bij {name} opgelopen tot {weeks} weken", Hospital, News),
        Complaint("Onderzoek: telefonische bereikbaarheid van {name} slecht, patiënten hangen gemiddeld {minutes} minuten in de wacht", Any, News),
        Complaint("Consumentenbond: declaraties bij {name} slecht en traag afgehandeld", Insurer, News),
        Praise("{name} uitgeroepen tot patiëntvriendelijkste ziekenhuis van de regio: patiënten zeer tevreden", Hospital, News),
        Praise("Klanten van {name} het meest tevreden over de afhandeling van declaraties", Insurer, News),

        // Vragen
        Question("Weet iemand hoe laat het bezoekuur is bij {org}? Kan het nergens vinden.", Hospital),
        Question("Heeft iemand ervaring met de poli {ward} van {org}? Moet er volgende week heen.", Hospital),
        Question("Mag je bij {org} zelf eten meenemen voor iemand die is opgenomen?", Hospital),
        Question("Waar moet je parkeren als je naar {org} moet voor een bloedafname?", Hospital),
        Question("Kun je bij {org} zonder afspraak bloed laten prikken of moet je eerst bellen?", Hospital),
        Question("Vraagje: hoeveel bezoekers mogen er tegelijk op {ward} bij {org}?", Hospital),
        Question("Iemand die weet of de poli {ward} van {org} ook op zaterdag open is?", Hospital),
        Question("Vergoedt {org} {treatment} vanuit de basisverzekering? Kan het op de site niet vinden.", Insurer),
        Question("Hoe werkt overstappen naar {org} als je nu nog bij een andere verzekeraar zit?", Insurer),
        Question("Telt een bezoek aan de huisartsenpost mee voor het eigen risico bij {org}?", Insurer),
        Question("Weet iemand hoe je bij {org} een machtiging online regelt?"),

        // Reviews (zorgkaart-achtig): langer, met een cijfer
        Complaint("Afspraak op de poli {ward} liep {minutes} minuten uit, niemand die het even kwam melden. De arts zelf was oké, maar de organisatie is slecht. 2/5", Hospital, Review),
        Complaint("Ik ben teleurgesteld in {name}. Drie keer doorverwezen en telkens een andere arts gezien. 1/5", Hospital, Review),
        Complaint("Op de SEH {hours} uur gewacht met een gebroken pols. Onacceptabel lang. 1/5", Hospital, Review),
        Complaint("Klantenservice onbereikbaar en na {weeks} weken is mijn declaratie nog altijd open. Slecht. 1/5", Insurer, Review),
        Praise("Zeer tevreden over de behandeling op {ward}. Duidelijke uitleg, vriendelijke verpleegkundigen en goede nazorg. 5/5", Hospital, Review),
        Praise("Prima ziekenhuis. Parkeren is wat duur, maar de zorg op {ward} was top. 4/5", Hospital, Review),
        Praise("Fantastisch team op de dagbehandeling. Alles was goed geregeld en ik voelde me serieus genomen. 5/5", Hospital, Review),
        Praise("Al jaren klant bij {name}. Declaraties gaan snel en de klantenservice is behulpzaam. 4/5", Insurer, Review),
        Info("Gemiddelde ervaring. Behandeling in orde, bewegwijzering en informatie kunnen beter. 3/5", Hospital, Review),
        Info("Doet wat het moet doen. Geen uitschieters naar boven of beneden. 3/5", Any, Review),

        // English, for the expats and internationals who post about Dutch care
        Complaint("Been on hold with {org} for {minutes} minutes now. This is unacceptable.", Any, Social, english: true),
        Complaint("Waited {hours} hours at the ER of {org} and nobody told us anything. Terrible.", Hospital, Social, english: true),
        Complaint("The staff at the front desk of {org} were really rude to my partner today.", Hospital, Social, english: true),
        Complaint("Expat here: {org} rejected my claim again without explanation. Worst insurer ever.", Insurer, Social, english: true),
        Praise("The nurses at {org} were so kind to my mum this week. Thank you!", Hospital, Social, english: true),
        Praise("Great experience with {org} today, quick and helpful. Thanks!", Any, Social, english: true),
        Question("Does anyone know the visiting hours at {org}?", Hospital, Social, english: true),
        Question("Is physio covered by {org} in the basic package? Their website is only in Dutch.", Insurer, Social, english: true),
        Info("{name} opens a new outpatient clinic for international patients.", Hospital, Social, english: true),
    ];
}
