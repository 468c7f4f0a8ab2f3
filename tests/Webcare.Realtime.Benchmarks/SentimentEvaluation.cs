using System.Globalization;
using Webcare.Realtime.Core.Analysis;
using static Webcare.Realtime.Benchmarks.BenchmarkOptions;

namespace Webcare.Realtime.Benchmarks;

/// <summary>
/// Scores the sentiment splits with the project's engine and prints the data README's metrics per file as
/// TSV (the same columns as tests/baselines/sentiment-baselines.mjs), writing every prediction beside them.
/// <c>sentiment --data DIR [--split test|train] [--out DIR] [--band 0.05]</c>; <c>sentiment-learn --data DIR --out FILE [--skip-filler-words]</c>
/// rebuilds nl-learned.tsv from the Dutch train splits.
/// </summary>
public static class SentimentEvaluation
{
    public static int Run(string[] args)
    {
        var data = Option(args, "--data") ?? "../shared/data/sentiment";
        var split = Option(args, "--split") ?? "test";
        var output = Option(args, "--out") ?? Path.Combine("artifacts", "sentiment");
        var dir = Path.Combine(data, split);
        if (!Directory.Exists(dir))
        {
            Console.Error.WriteLine($"sentiment data not found: {Path.GetFullPath(dir)}; pass --data <dir holding test/ and train/> (see ../shared/data/README.md)");
            return 2;
        }
        Directory.CreateDirectory(output);
        var band = Option(args, "--band") is { } b ? double.Parse(b, CultureInfo.InvariantCulture) : RuleSentimentScorer.DefaultNeutralBand;
        var scorer = new RuleSentimentScorer(band);
        scorer.Score("warm-up: lexicons load here, not inside the timing");
        // Speed is measured by the sentiment-speed verb on one thread; timing here would include file reading and GC of the results.
        Console.WriteLine("file\tsystem\trows\tmacroF1\tbinaryAccuracy\tpearson");
        foreach (var file in Directory.GetFiles(dir, "*.tsv").Order(StringComparer.Ordinal))
        {
            var rows = ReadRows(file);
            var results = new SentimentResult[rows.Count];
            for (var i = 0; i < rows.Count; i++) results[i] = scorer.Score(rows[i].Text);
            var name = Path.GetFileNameWithoutExtension(file);
            WritePredictions(Path.Combine(output, $"{name}.{split}.predictions.tsv"), rows, results);
            var cells = new List<string> { name, "webcare", rows.Count.ToString(CultureInfo.InvariantCulture) };
            if (name.EndsWith(".scores", StringComparison.Ordinal))
            {
                var gold = rows.Select(r => double.Parse(r.Gold, CultureInfo.InvariantCulture)).ToArray();
                cells.AddRange(["", "", F(Pearson(gold, results.Select(r => r.Score).ToArray()))]);
            }
            else
            {
                var gold = rows.Select(r => r.Gold).ToArray();
                var predicted = results.Select(r => Name(r.Label)).ToArray();
                cells.AddRange([F(MacroF1(gold, predicted)), F(BinaryAccuracy(gold, predicted)), ""]);
            }
            Console.WriteLine(string.Join('\t', cells));
        }
        Console.Error.WriteLine($"predictions written to {Path.GetFullPath(output)}");
        return 0;
    }

    public static int Learn(string[] args)
    {
        var data = Option(args, "--data") ?? "../shared/data/sentiment";
        var output = Option(args, "--out") ?? "src/Webcare.Realtime.Core/Analysis/Lexicons/nl-learned.tsv";
        var dir = Path.Combine(data, "train");
        if (!Directory.Exists(dir))
        {
            Console.Error.WriteLine($"sentiment train data not found: {Path.GetFullPath(dir)}");
            return 2;
        }
        var files = Directory.GetFiles(dir, "nl-*.tsv").Order(StringComparer.Ordinal).ToArray();
        var corpus = files.SelectMany(ReadRows).Select(r => (Label(r.Gold), r.Text));
        // --skip-filler-words: the stricter rule measured in BENCHMARKS.md ("Filler words and the mixed lexicon"), not the committed file's.
        var learned = LexiconLearner.Learn(corpus, new LexiconLearner.Options(SkipFillerWords: args.Contains("--skip-filler-words")));
        using var writer = new StreamWriter(output);
        writer.WriteLine("# Dutch word weights learned from the train splits (" + string.Join(", ", files.Select(Path.GetFileName)) + ")");
        writer.WriteLine("# by LexiconLearner (smoothed log-odds of document frequency, shrunk for rare words). Regenerate:");
        writer.WriteLine("# dotnet run -c Release --project tests/Webcare.Realtime.Benchmarks -- sentiment-learn --data ../shared/data/sentiment");
        foreach (var (word, weight) in learned) writer.WriteLine($"{word}\t{weight.ToString(CultureInfo.InvariantCulture)}");
        Console.Error.WriteLine($"{learned.Count} words written to {Path.GetFullPath(output)}");
        return 0;
    }

    private sealed record Row(string Gold, string Text);

    private static List<Row> ReadRows(string file) =>
        File.ReadLines(file).Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var tab = l.IndexOf('\t');
            return new Row(l[..tab], l[(tab + 1)..]);
        }).ToList();

    private static void WritePredictions(string path, List<Row> rows, SentimentResult[] results)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("gold\tscore\tlabel\tlanguage\tevidence\ttext");
        for (var i = 0; i < rows.Count; i++)
        {
            var r = results[i];
            var evidence = string.Join(' ', r.Evidence.Select(e => $"{e.Term}={e.Weight.ToString(CultureInfo.InvariantCulture)}"));
            writer.WriteLine($"{rows[i].Gold}\t{r.Score.ToString(CultureInfo.InvariantCulture)}\t{Name(r.Label)}\t{r.Language.Code()}\t{evidence}\t{rows[i].Text}");
        }
    }

    private static string Name(SentimentLabel label) => label switch
    {
        SentimentLabel.Positive => "positive",
        SentimentLabel.Negative => "negative",
        _ => "neutral",
    };

    private static SentimentLabel Label(string name) => name switch
    {
        "positive" => SentimentLabel.Positive,
        "negative" => SentimentLabel.Negative,
        _ => SentimentLabel.Neutral,
    };

    // Macro-F1 over the labels present in the gold column: a predicted neutral on a pos/neg corpus only costs recall.
    private static double MacroF1(string[] gold, string[] predicted)
    {
        var labels = gold.Distinct().ToArray();
        double sum = 0;
        foreach (var label in labels)
        {
            int tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < gold.Length; i++)
            {
                if (predicted[i] == label && gold[i] == label) tp++;
                else if (predicted[i] == label) fp++;
                else if (gold[i] == label) fn++;
            }
            sum += tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
        }
        return sum / labels.Length;
    }

    private static double BinaryAccuracy(string[] gold, string[] predicted)
    {
        int n = 0, right = 0;
        for (var i = 0; i < gold.Length; i++)
        {
            if (gold[i] is not ("positive" or "negative")) continue;
            n++;
            if (predicted[i] == gold[i]) right++;
        }
        return n == 0 ? double.NaN : (double)right / n;
    }

    private static double Pearson(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.Sqrt(sxx * syy);
    }

    private static string F(double v) => double.IsNaN(v) ? "" : v.ToString("0.000", CultureInfo.InvariantCulture);
}
