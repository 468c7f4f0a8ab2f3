using System.Text;
using System.Text.Json;

namespace Webcare.Realtime.Benchmarks;

/// <summary>
/// NDJSON batches of realistic Dutch healthcare mentions (about 300 bytes each, six sources); ids carry the
/// batch number so the wall latency can be traced back to the POST.
/// </summary>
internal static class BenchmarkMentions
{
    private static readonly string[] Sources = ["twitter", "facebook", "instagram", "forum", "reviews", "news"];
    private static readonly string[] Texts =
    [
        "Al 3 uur wachten op de SEH van het @RijnmondOost, niemand vertelt iets #wachttijd",
        "Wat een lieve verpleging op afdeling 4, bedankt voor de topzorg!",
        "Parkeren bij het ziekenhuis kost weer een fortuin, belachelijk",
        "Al 40 minuten in de wacht bij de polikliniek, onbereikbaar zo",
        "Rekening van het eigen risico klopt niet en niemand belt terug",
        "Weet iemand hoe laat het bezoekuur is op de kinderafdeling?",
        "Onbeschofte baliemedewerker vanochtend, zo ga je niet met patienten om",
        "Afspraak voor de derde keer verzet, ik ben het echt zat",
        "Top geholpen door de huisartsenpost vannacht, chapeau",
        "The staff at the ER were very kind, thanks a lot",
    ];

    public static byte[] Batch(int batchNumber, int size, DateTimeOffset at)
    {
        var builder = new StringBuilder(size * 300);
        for (var i = 0; i < size; i++)
        {
            var n = batchNumber * size + i;
            builder.Append(JsonSerializer.Serialize(new
            {
                source = Sources[n % Sources.Length],
                id = $"b{batchNumber}-{i}",
                createdAt = at,
                text = Texts[n % Texts.Length],
                author = new { handle = $"@gebruiker{n % 5000}", followers = n % 997 * 13 },
                // 70 % stand alone (a conversation of one); 30 % join one of 50 hot threads that change every 10 batches.
                conversationId = i % 10 < 7 ? null : $"hot{batchNumber / 10}-{i % 50}",
                inReplyTo = i % 10 < 7 ? null : $"hot{batchNumber / 10}-{i % 50}",
                metrics = new { likes = n % 7, shares = n % 3 },
            }));
            builder.Append('\n');
        }
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>The batch number encoded in an id "b{batch}-{i}".</summary>
    public static int BatchOf(string id) => int.Parse(id.AsSpan(1, id.IndexOf('-') - 1));
}
