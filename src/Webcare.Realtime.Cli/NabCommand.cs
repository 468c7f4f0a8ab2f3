using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Webcare.Realtime.Cli;

/// <summary>
/// Runs a detector over NAB's realTweets series and writes NAB result files
/// (<c>&lt;out&gt;/&lt;detector&gt;/realTweets/&lt;detector&gt;_&lt;file&gt;</c>), for the benchmark's scorer.
/// </summary>
internal static class NabCommand
{
    private const string Corpus = "realTweets";

    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        string data, outDir, detector;
        try
        {
            var arguments = new Arguments(args, "--data", "--out", "--detector");
            if (arguments.Positional.Count > 0) throw new ArgumentException($"unexpected argument '{arguments.Positional[0]}'");
            data = arguments.Get("--data") ?? throw new ArgumentException("option '--data <dir>' is required");
            outDir = arguments.Get("--out") ?? throw new ArgumentException("option '--out <dir>' is required");
            detector = arguments.Get("--detector") ?? "webcare";
            if (!NabDetectors.Names.Contains(detector))
                throw new ArgumentException($"unknown detector '{detector}'; one of: {string.Join(", ", NabDetectors.Names)}");
        }
        catch (ArgumentException ex)
        {
            return Usage.Print(errors, 2, ex.Message);
        }

        var windowsPath = Path.Combine(data, "labels", "combined_windows.json");
        var seriesDir = Path.Combine(data, Corpus);
        if (!File.Exists(windowsPath))
        {
            errors.WriteLine($"webcare: no such file: {windowsPath} (--data must be NAB's data directory, e.g. ../shared/data/nab)");
            return 1;
        }
        if (!Directory.Exists(seriesDir) || Directory.GetFiles(seriesDir, "*.csv").Length == 0)
        {
            errors.WriteLine($"webcare: no series in {seriesDir} (expected {Corpus}/*.csv)");
            return 1;
        }

        using var windows = JsonDocument.Parse(File.ReadAllBytes(windowsPath));
        var targetDir = Path.Combine(outDir, detector, Corpus);
        Directory.CreateDirectory(targetDir);
        foreach (var path in Directory.GetFiles(seriesDir, "*.csv").Order(StringComparer.Ordinal))
        {
            var series = NabSeries.Read(path, $"{Corpus}/{Path.GetFileName(path)}", windows.RootElement);
            var scores = NabDetectors.Run(detector, series);
            var target = Path.Combine(targetDir, $"{detector}_{series.Name}");
            File.WriteAllText(target, Render(series, scores), new UTF8Encoding(false));
            output.WriteLine($"{target}: {series.Values.Length} rows, {series.Windows.Length} windows, {scores.Count(s => s > 0)} non-zero scores");
        }
        return 0;
    }

    private static string Render(NabSeries series, double[] scores)
    {
        var text = new StringBuilder("timestamp,value,anomaly_score,label\n");
        for (var i = 0; i < scores.Length; i++)
        {
            text.Append(series.TimestampTexts[i]).Append(',')
                .Append(series.Values[i].ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(scores[i].ToString("R", CultureInfo.InvariantCulture)).Append(',')
                .Append(series.InWindow(series.Timestamps[i]) ? '1' : '0').Append('\n');
        }
        return text.ToString();
    }
}
