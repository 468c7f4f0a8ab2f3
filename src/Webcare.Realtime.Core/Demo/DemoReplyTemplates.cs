using System.Collections.Immutable;
using static Webcare.Realtime.Core.Demo.DemoTemplate;

namespace Webcare.Realtime.Core.Demo;

/// <summary>What other people answer under an ordinary post, by what the post was. Mostly agreeing, as in life.</summary>
internal static class DemoReplyTemplates
{
    public static readonly ImmutableArray<DemoTemplate> ToComplaint =
    [
        Complaint("Herkenbaar. Bij mij precies hetzelfde gegaan, echt slecht."),
        Complaint("Zelfde ervaring hier. Belachelijk gewoon."),
        Complaint("Schandalig inderdaad. Heb je al een klacht ingediend?"),
        Complaint("Dit hoor ik vaker. Triest dat het zo moet."),
        Complaint("Wij hebben precies hetzelfde meegemaakt vorige maand. Teleurstellend."),
        Complaint("Dit is echt onacceptabel."),
        Complaint("Zo frustrerend dit, veel succes."),
        Complaint("En dan zeggen ze dat de zorg op orde is. Bah."),
        Praise("Sterkte! Hopelijk wordt het snel opgelost."),
        Question("Heb je het al bij de patiëntenvertrouwenspersoon gemeld?"),
        Info("Tip: mail ze, dan krijg je meestal binnen een dag antwoord."),
        Complaint("Same thing happened to me. Terrible.", english: true),
        Complaint("Unacceptable. Hope you get an answer soon.", english: true),
    ];

    public static readonly ImmutableArray<DemoTemplate> ToPraise =
    [
        Praise("Wat fijn om te lezen! Beterschap."),
        Praise("Helemaal mee eens, topzorg daar."),
        Praise("Goed om te horen, de zorg verdient meer van dit soort berichten."),
        Praise("Kan ik bevestigen, ik was er vorig jaar ook heel tevreden."),
        Praise("Mooi! Complimenten aan het hele team."),
        Praise("Love this, great to hear!", english: true),
    ];

    public static readonly ImmutableArray<DemoTemplate> ToQuestion =
    [
        Info("Volgens mij staat het op hun website onder 'Bezoek'."),
        Info("Bel even de receptie, die weten het meestal."),
        Info("Ik was er vorige week, toen was het van 15:00 tot 20:00."),
        Info("Goede vraag, ben ik ook benieuwd naar."),
        Info("Via de app kun je het ook vinden, onder het kopje Informatie."),
        Praise("Bij de informatiebalie helpen ze je altijd vriendelijk verder."),
        Info("Check their website, it's under Patients and visitors.", english: true),
    ];

    public static readonly ImmutableArray<DemoTemplate> ToInfo =
    [
        Info("Eindelijk!"),
        Info("Benieuwd of dit echt iets gaat veranderen."),
        Praise("Goed nieuws voor de regio."),
        Info("En hoe zit het met de parkeerkosten?"),
        Info("Dat werd tijd."),
        Info("Interesting, will keep an eye on this.", english: true),
    ];

    public static ImmutableArray<DemoTemplate> For(DemoIntent intent) => intent switch
    {
        DemoIntent.Complaint => ToComplaint,
        DemoIntent.Praise => ToPraise,
        DemoIntent.Question => ToQuestion,
        _ => ToInfo,
    };
}
