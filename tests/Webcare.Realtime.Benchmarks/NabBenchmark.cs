using System.Globalization;
using System.Text.Json;
using static Webcare.Realtime.Benchmarks.BenchmarkOptions;

namespace Webcare.Realtime.Benchmarks;

/// <summary>
/// Scores NAB result files (written by <c>webcare nab</c>) on realTweets for every detector under
/// <c>--results</c>, with the threshold optimised per profile over the ten series together, and checks
/// the scorer first: a synthetic detector that fires at every window start must score 100, one that
/// never fires 0. With <c>--held-out</c> it also runs the leave-one-series-out evaluation.
/// </summary>
internal static class NabBenchmark
{
    private const string Corpus = "realTweets";

    public static int Run(string[] args)
    {
        var data = Option(args, "--data") ?? "../shared/data/nab";
        var results = Option(args, "--results");
        var windowsPath = Path.Combine(data, "labels", "combined_windows.json");
        var profilesPath = Path.Combine(data, "config", "profiles.json");
        foreach (var required in new[] { windowsPath, profilesPath })
        {
            if (File.Exists(required)) continue;
            Console.Error.WriteLine($"no such file: {required} (--data must be NAB's data directory)");
            return 2;
        }
        using var windowsJson = JsonDocument.Parse(File.ReadAllBytes(windowsPath));
        var profiles = ReadProfiles(profilesPath);
        var series = Directory.GetFiles(Path.Combine(data, Corpus), "*.csv").Order(StringComparer.Ordinal)
            .Select(path => Path.GetFileName(path)).ToArray();

        // The scorer's own anchors, from the data files: perfect = 100, null = 0.
        var truth = series.ToDictionary(name => name, name => ReadColumn(Path.Combine(data, Corpus, name), 1));
        var perfect = series.Select(name => (name, Perfect(truth[name].Timestamps, Windows(windowsJson, name, truth[name].Timestamps)))).ToArray();
        var none = series.Select(name => (name, new double[truth[name].Timestamps.Length])).ToArray();
        Report("check: perfect", Score(perfect, windowsJson, truth, profiles));
        Report("check: null", Score(none, windowsJson, truth, profiles));

        var family = Option(args, "--family");
        if (family is not null && !NabHeldOut.Families().Any(f => f.Name.Contains(family, StringComparison.Ordinal)))
        {
            Console.Error.WriteLine($"no held-out family contains '{family}'; the families: {string.Join("; ", NabHeldOut.Families().Select(f => f.Name))}");
            return 2;
        }
        if (args.Contains("--held-out"))
        {
            // The detector's settings and threshold chosen on nine series, scored on the tenth (see NabHeldOut).
            NabHeldOut.Report([.. series.Select(name => (name, truth[name].Timestamps, truth[name].Values, Windows(windowsJson, name, truth[name].Timestamps)))], profiles, family);
        }

        if (results is null) return 0;
        foreach (var detectorDir in Directory.GetDirectories(results).Order(StringComparer.Ordinal))
        {
            var detector = Path.GetFileName(detectorDir);
            var files = series.Select(name => (name, path: Path.Combine(detectorDir, Corpus, $"{detector}_{name}"))).ToArray();
            if (files.Any(f => !File.Exists(f.path)))
            {
                Console.Error.WriteLine($"{detector}: skipped, missing {files.First(f => !File.Exists(f.path)).path}");
                continue;
            }
            var scored = files.Select(f => (f.name, ReadColumn(f.path, 2).Values)).ToArray();
            Report(detector, Score(scored, windowsJson, truth, profiles));
        }
        return 0;
    }

    private static List<(NabProfile Profile, NabThresholdScore Best, double Normalised, int Windows)> Score(
        (string Name, double[] Scores)[] files, JsonDocument windowsJson,
        Dictionary<string, (string[] Timestamps, double[] Values)> truth, NabProfile[] profiles)
    {
        var points = new List<NabPoint>();
        var windowCount = 0;
        foreach (var (name, scores) in files)
        {
            var timestamps = truth[name].Timestamps;
            if (scores.Length != timestamps.Length) throw new InvalidDataException($"{name}: {scores.Length} rows, data has {timestamps.Length}");
            var windows = Windows(windowsJson, name, timestamps);
            points.AddRange(NabSweep.Points(scores, windows, windowCount));
            windowCount += windows.Length;
        }
        return profiles.Select(profile =>
        {
            var best = NabSweep.Best(NabSweep.ByThreshold(points, windowCount, profile));
            return (profile, best, NabSweep.Normalise(best.Score, windowCount, profile), windowCount);
        }).ToList();
    }

    private static void Report(string detector, List<(NabProfile Profile, NabThresholdScore Best, double Normalised, int Windows)> rows)
    {
        foreach (var (profile, best, normalised, windows) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{detector,-18} {profile.Name,-20} score {normalised,7:F1}  raw {best.Score,8:F3}  threshold {best.Threshold:G6}  windows detected {best.DetectedWindows}/{windows}  FP rows {best.FalsePositiveRows}"));
        }
    }

    /// <summary>Score 1 exactly at the first row of each window.</summary>
    private static double[] Perfect(string[] timestamps, (int Left, int Right)[] windows)
    {
        var scores = new double[timestamps.Length];
        foreach (var (left, _) in windows) scores[left] = 1.0;
        return scores;
    }

    /// <summary>The series' windows as row ranges; NAB matches window limits to row timestamps exactly.</summary>
    private static (int Left, int Right)[] Windows(JsonDocument windowsJson, string name, string[] timestamps)
    {
        if (!windowsJson.RootElement.TryGetProperty($"{Corpus}/{name}", out var list)) return [];
        var index = new Dictionary<string, int>(timestamps.Length, StringComparer.Ordinal);
        for (var i = 0; i < timestamps.Length; i++) index[timestamps[i]] = i;
        return list.EnumerateArray().Select(w => (Row(w[0].GetString()!), Row(w[1].GetString()!))).ToArray();

        int Row(string limit) => index.TryGetValue(limit.Length > 19 ? limit[..19] : limit, out var row)
            ? row : throw new InvalidDataException($"{name}: window limit {limit} is not a row timestamp");
    }

    private static (string[] Timestamps, double[] Values) ReadColumn(string path, int column)
    {
        var lines = File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).ToArray();
        var timestamps = new string[lines.Length];
        var values = new double[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            timestamps[i] = cells[0];
            values[i] = double.Parse(cells[column], CultureInfo.InvariantCulture);
        }
        return (timestamps, values);
    }

    private static NabProfile[] ReadProfiles(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        return json.RootElement.EnumerateObject().Select(p =>
        {
            var m = p.Value.GetProperty("CostMatrix");
            return new NabProfile(p.Name, m.GetProperty("tpWeight").GetDouble(), m.GetProperty("fpWeight").GetDouble(),
                m.GetProperty("fnWeight").GetDouble());
        }).ToArray();
    }
}
