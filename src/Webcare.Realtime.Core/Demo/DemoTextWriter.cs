using System.Globalization;
using System.Text;

namespace Webcare.Realtime.Core.Demo;

/// <summary>
/// Fills a template's slots. <c>{org}</c> is how people refer to the organisation on that source (an
/// @handle on X/Twitter and Instagram, the name elsewhere); <c>{name}</c> is always the full name. Slot
/// values are drawn from the caller's stream in template order, so the same stream gives the same text.
/// </summary>
internal static class DemoTextWriter
{
    private static readonly string[] Wards =
    [
        "cardiologie", "orthopedie", "dermatologie", "neurologie", "longziekten", "gynaecologie", "KNO",
        "oogheelkunde", "interne geneeskunde", "urologie", "kindergeneeskunde", "geriatrie",
    ];

    private static readonly string[] Staff = ["verpleegkundige", "baliemedewerker", "doktersassistente", "arts-assistent", "nachtzuster"];
    private static readonly string[] Treatments = ["fysiotherapie", "de tandarts", "mijn nieuwe bril", "de psycholoog", "steunzolen", "een second opinion"];
    private static readonly string[] Days = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"];
    private static readonly string[] Months = ["januari", "februari", "maart", "april", "mei", "juni", "september", "oktober", "november"];

    // First names only: the people behind the fictional webcare accounts.
    private static readonly string[] Signatures = ["Sanne", "Joost", "Fatima", "Mark", "Lotte", "Youssef", "Eva", "Daan", "Ilse", "Koen"];

    public static void Write(StringBuilder text, string template, DemoOrganisation org, string source, ref DemoRandom rng)
    {
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                text.Append(template, i, template.Length - i);
                return;
            }
            text.Append(template, i, open - i);
            var close = template.IndexOf('}', open);
            if (close < 0) throw new FormatException($"unclosed slot in template \"{template}\"");
            WriteSlot(text, template.AsSpan(open + 1, close - open - 1), org, source, ref rng);
            i = close + 1;
        }
    }

    private static void WriteSlot(StringBuilder text, ReadOnlySpan<char> slot, DemoOrganisation org, string source, ref DemoRandom rng)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (slot)
        {
            case "org": text.Append(Reference(org, source, ref rng)); break;
            case "name": text.Append(org.Name); break;
            case "ward": text.Append(rng.Pick(Wards)); break;
            case "staff": text.Append(rng.Pick(Staff)); break;
            case "treatment": text.Append(rng.Pick(Treatments)); break;
            case "day": text.Append(rng.Pick(Days)); break;
            case "month": text.Append(rng.Pick(Months)); break;
            case "sig": text.Append(rng.Pick(Signatures)); break;
            case "people": text.Append(org.Kind == DemoOrganisationKind.Hospital ? "patiënten" : "verzekerden"); break;
            case "other": text.Append(Other(org, ref rng).Name); break;
            case "minutes": text.Append(rng.Between(3, 15) * 5); break;
            case "hours": text.Append(rng.Between(2, 7)); break;
            case "weeks": text.Append(rng.Between(3, 16)); break;
            case "months": text.Append(rng.Between(2, 9)); break;
            case "n": text.Append(rng.Between(2, 5)); break;
            case "amount": text.Append(rng.Between(45, 390)); break;
            case "parking": text.Append((rng.Between(12, 36) * 0.5).ToString("0.00", inv).Replace('.', ',')); break;
            case "time": text.Append(rng.Between(7, 21).ToString("00", inv)).Append(':').Append(rng.Pick(Quarters)); break;
            default: throw new FormatException($"unknown slot {{{slot}}}");
        }
    }

    private static readonly string[] Quarters = ["00", "15", "30", "45"];

    private static string Reference(DemoOrganisation org, string source, ref DemoRandom rng) => source switch
    {
        DemoSources.Twitter => rng.Chance(0.65) ? "@" + org.Handle : org.Name,
        DemoSources.Instagram => rng.Chance(0.8) ? "@" + org.Slug : org.Name,
        DemoSources.Facebook or DemoSources.Forum => rng.Chance(0.7) ? org.Name : org.ShortName,
        _ => org.Name,
    };

    /// <summary>Another hospital than this one: where the ambulances go when its emergency department is closed.</summary>
    private static DemoOrganisation Other(DemoOrganisation org, ref DemoRandom rng)
    {
        var hospitals = DemoOrganisation.Hospitals;
        var pick = hospitals[rng.Next(hospitals.Length)];
        return pick == org ? hospitals[(hospitals.IndexOf(pick) + 1) % hospitals.Length] : pick;
    }
}
