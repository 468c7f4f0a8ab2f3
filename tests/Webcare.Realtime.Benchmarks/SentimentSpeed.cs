using System.Diagnostics;
using System.Globalization;
using Webcare.Realtime.Core.Analysis;

namespace Webcare.Realtime.Benchmarks;

/// <summary>
/// Time and allocation per call of sentiment + language, of the complaint categories, and of the whole text
/// analysis, on webcare-like texts of about 200 characters, on one thread: <c>sentiment-speed [--seconds 5]</c>.
/// </summary>
public static class SentimentSpeed
{
    private static readonly string[] Texts =
    [
        "Al 3 uur wachten op de SEH van het @ziekenhuis, niemand vertelt iets en de balie is echt onbeschoft. Dit is toch niet normaal?! #wachttijd #fail https://t.co/abc123 😡",
        "Wat een lieve verpleging op afdeling 4B, mijn moeder is super goed geholpen. Niet te geloven hoe snel alles geregeld was. Heel erg bedankt allemaal!! #topzorg ❤️",
        "Huisarts al twee weken niet te bereiken, steeds aan het lijntje houden en nu blijkt het een misdiagnose te zijn. Echt schandalig, ik dien een klacht in @zorgverzekeraar",
        "Waited four hours at the ER, the staff were kind but nobody told us anything. Not great, not terrible either. Hope the new wing fixes this :( #nhs @hospital",
    ];

    public static int Run(string[] args)
    {
        var seconds = args.Length > 1 && args[0] == "--seconds" ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var scorer = RuleSentimentScorer.Instance;
        var languages = Texts.Select(t => scorer.Score(t).Language).ToArray();
        // Each part on its own and the whole text analysis, in one run, so their ratios are comparable.
        Measure("sentiment+language", seconds, i => scorer.Score(Texts[i & 3]));
        Measure("complaint categories", seconds, i => ComplaintClassifier.Instance.Classify(Texts[i & 3], languages[i & 3]));
        Measure("text analysis (sentiment+language+categories+PII)", seconds, i => TextAnalysis.Of(Texts[i & 3], scorer));
        return 0;
    }

    private static void Measure(string name, double seconds, Action<int> call)
    {
        // Warm up past JIT tiering before measuring.
        for (var i = 0; i < 200_000; i++) call(i);
        var calls = 0L;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < 10_000; i++) call(i);
            calls += 10_000;
        }
        var elapsed = watch.Elapsed;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var chars = Texts.Average(t => t.Length);
        Console.WriteLine($"{name}: {calls:N0} texts (mean {chars:0} chars) in {elapsed.TotalSeconds:0.0} s: "
            + $"{elapsed.TotalMicroseconds / calls:0.00} us/text, {calls / elapsed.TotalSeconds:N0} texts/s, {allocated / calls:N0} bytes allocated/text");
    }
}
