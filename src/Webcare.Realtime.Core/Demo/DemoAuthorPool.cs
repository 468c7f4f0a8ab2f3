using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Core.Demo;

/// <summary>
/// A fixed crowd of invented authors, built from the seed: most with a few hundred followers at most (a
/// Pareto tail), and a handful of fictional journalists, bloggers and podcasts with 10k–200k. Handles are
/// unique so "distinct authors" means distinct handles.
/// </summary>
internal sealed class DemoAuthorPool
{
    /// <summary>A prime, so any step below it walks the whole pool without repeating (see <see cref="Distinct"/>).</summary>
    public const int Size = 997;

    private static readonly (string Handle, string Name)[] Voices =
    [
        ("zorgwaakhond", "De Zorgwaakhond"),
        ("wachtkamerblog", "Wachtkamer Blog"),
        ("regiozorgnieuws", "Regio Zorgnieuws"),
        ("patientenstem_nl", "Patiëntenstem"),
        ("dokterdichtbij_pod", "Dokter Dichtbij (podcast)"),
        ("verpleegkundige_op_pad", "Verpleegkundige op pad"),
        ("zorgverslaggever", "Zorgverslaggever"),
        ("mantelzorgmama", "Mantelzorgmama"),
        ("nieuws_uit_de_polder", "Nieuws uit de polder"),
        ("de_ic_podcast", "De IC-podcast"),
    ];

    // Fictional outlets: news items are posted by newsrooms, not by the crowd.
    private static readonly Author[] Newsrooms =
    [
        new("regio_omroep_west", "Regio-omroep West", 48_000),
        new("dagblad_vd_polder", "Dagblad van de Polder", 121_000),
        new("destadskrant", "De Stadskrant", 15_400),
        new("medisch_vakblad", "Medisch Vakblad", 22_800),
    ];

    private static readonly string[] FirstNames =
    [
        "Sanne", "Lisa", "Emma", "Anouk", "Fleur", "Eva", "Sophie", "Julia", "Iris", "Noor", "Lotte", "Femke",
        "Marloes", "Inge", "Karin", "Monique", "Ingrid", "Petra", "Esther", "Linda", "Gerda", "Ria", "Anja", "Nadia",
        "Fatima", "Sara", "Ayse", "Priya", "Daan", "Bram", "Thijs", "Ruben", "Lars", "Jeroen", "Mark", "Kees",
        "Henk", "Peter", "Joost", "Niels", "Sander", "Bas", "Mohamed", "Yusuf", "Mustafa", "Kevin", "Rick", "Wim",
        "Jan", "Tom", "Stijn", "Milan", "Luuk", "Anton", "Hans", "Marieke", "Wendy", "Sylvia", "Dewi", "Roos",
    ];

    private static readonly string[] Places =
    [
        "zwolle", "rdam", "utrecht", "ede", "dordt", "breda", "tilburg", "amersfoort", "leiden", "almere",
        "zeeland", "drenthe", "twente", "gouda", "delft", "venlo", "emmen", "hoorn",
    ];

    private const string Initials = "ABCDEFGHIJKLMNOPRSTVWZ";

    private readonly Author[] _authors = new Author[Size];

    public DemoAuthorPool(long seed)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Size; i++)
        {
            var rng = DemoRandom.For(seed, i, 0, DemoStreams.Author);
            if (i < Voices.Length)
            {
                // Log-uniform between 10k and 200k: a few big voices, not all equally big.
                var followers = (long)(10_000 * Math.Pow(20, rng.NextDouble()));
                _authors[i] = new Author(Voices[i].Handle, Voices[i].Name, followers);
                taken.Add(Voices[i].Handle);
                continue;
            }
            var first = rng.Pick(FirstNames);
            var initial = Initials[rng.Next(Initials.Length)];
            var handle = rng.Next(5) switch
            {
                0 => $"{first.ToLowerInvariant()}_{char.ToLowerInvariant(initial)}{rng.Between(10, 99)}",
                1 => $"{first.ToLowerInvariant()}uit{rng.Pick(Places)}",
                2 => $"{first}{initial}{rng.Between(1970, 2006)}",
                3 => $"{(rng.Chance(0.5) ? "mama" : "opa")}van{rng.Between(2, 4)}_{first.ToLowerInvariant()}",
                _ => $"{rng.Pick(Places)}se_{first.ToLowerInvariant()}",
            };
            if (!taken.Add(handle)) taken.Add(handle = $"{handle}{i}");
            var name = rng.Chance(0.15) ? null : $"{first} {initial}.";
            _authors[i] = new Author(handle, name, Followers(ref rng));
        }
    }

    public Author this[int index] => _authors[index];

    public Author Random(ref DemoRandom rng) => _authors[rng.Next(Size)];

    public static Author Newsroom(ref DemoRandom rng) => Newsrooms[rng.Next(Newsrooms.Length)];

    /// <summary>One of the big voices: the kind of account whose complaint takes off.</summary>
    public Author Voice(ref DemoRandom rng) => _authors[rng.Next(Voices.Length)];

    /// <summary>
    /// The k-th of a walk through the pool that never repeats an author for k below <see cref="Size"/>: the
    /// many distinct people who pile onto a spreading complaint.
    /// </summary>
    public Author Distinct(int start, int step, int k) => _authors[(int)((start + (long)step * k) % Size)];

    // Pareto with shape 1.16 above 15: median about 28, one in twenty above 200, capped at 9,999 so only
    // the named voices are big.
    private static long Followers(ref DemoRandom rng)
    {
        var pareto = 15 / Math.Pow(1 - rng.NextDouble(), 1 / 1.16);
        return Math.Min(9_999, (long)pareto);
    }
}
