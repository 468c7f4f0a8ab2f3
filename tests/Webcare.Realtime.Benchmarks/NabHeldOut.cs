using System.Globalization;
using Webcare.Realtime.Core.Detection;

namespace Webcare.Realtime.Benchmarks;

/// <summary>
/// NAB on series the detector's settings were not chosen on: leave one series out. For each of the ten
/// realTweets series, the detector's settings (from a small grid around the defaults) and the threshold are
/// chosen on the other nine, per profile, and the held-out series is scored with them; the ten held-out
/// raw scores are summed and normalised as NAB normalises a corpus. Beside it, the same grid chosen on all
/// ten (in-sample) and the plain defaults, so the gap shows how much of the headline score is tuning.
/// </summary>
internal static class NabHeldOut
{
    public sealed record Setting(string Name, CountAnomalyDetectorOptions Detector, AlertTrackerOptions Tracker);

    /// <summary>3 × 3 × 3 around the defaults: the three settings the sensitivity table shows matter most.</summary>
    public static IReadOnlyList<Setting> Grid()
    {
        var grid = new List<Setting>();
        foreach (var levelHours in new[] { 12, 24, 48 })
            foreach (var window in new[] { 3, 6, 12 })
                foreach (var raise in new[] { 0.4, 0.5, 0.6 })
                    grid.Add(new Setting(string.Create(CultureInfo.InvariantCulture, $"level {levelHours} h, window {window}, raise {raise}"),
                        CountAnomalyDetectorOptions.Default with { LevelHalfLife = TimeSpan.FromHours(levelHours), SurpriseWindow = window },
                        AlertTrackerOptions.Default with { RaiseScore = raise }));
        return grid;
    }

    /// <summary>The "webcare" detector of <c>webcare nab</c> (detector + alert tracker, score at each raise) with these settings.</summary>
    public static double[] Scores(Setting setting, string[] timestamps, double[] values)
    {
        var verdicts = Verdicts(setting.Detector, timestamps, values);
        var tracker = new AlertTracker(setting.Tracker);
        var scores = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
            if (tracker.Observe(verdicts[i]) is { Kind: AlertEventKind.Raised }) scores[i] = verdicts[i].Score;
        return scores;
    }

    private static readonly Dictionary<(CountAnomalyDetectorOptions, string[]), CountAnomaly[]> VerdictCache = [];

    /// <summary>The detector's verdict on every row; settings that differ only in the tracker share one run.</summary>
    private static CountAnomaly[] Verdicts(CountAnomalyDetectorOptions options, string[] timestamps, double[] values)
    {
        if (VerdictCache.TryGetValue((options, timestamps), out var cached)) return cached;
        var detector = new CountAnomalyDetector(options);
        var verdicts = new CountAnomaly[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var at = new DateTimeOffset(DateTime.ParseExact(timestamps[i].Length > 19 ? timestamps[i][..19] : timestamps[i], "yyyy-MM-dd HH:mm:ss",
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal), TimeSpan.Zero);
            verdicts[i] = detector.Observe(at, (long)values[i]);
        }
        return VerdictCache[(options, timestamps)] = verdicts;
    }

    /// <summary>NAB's score of these points at one fixed threshold (a row detects when its score is at least the threshold).</summary>
    public static (double Raw, int Detected, int FalsePositives) ScoreAt(IReadOnlyList<NabPoint> points, NabProfile profile, double threshold)
    {
        var maxTp = NabSweep.ScaledSigmoid(-1.0);
        var best = new Dictionary<int, double>();
        var fp = 0.0;
        var fpRows = 0;
        foreach (var p in points)
        {
            if (p.Window >= 0 && !best.ContainsKey(p.Window)) best[p.Window] = -profile.FnWeight;
            if (p.AnomalyScore < threshold) continue;
            if (p.Window < 0)
            {
                fp += p.Sigmoid * profile.FpWeight;
                fpRows++;
            }
            else best[p.Window] = Math.Max(best[p.Window], p.Sigmoid * profile.TpWeight / maxTp);
        }
        return (best.Values.Sum() + fp, best.Values.Count(v => v > -profile.FnWeight), fpRows);
    }

    /// <summary>How a held-out run turns the nine series' threshold sweep into one threshold.</summary>
    public enum ThresholdPick
    {
        /// <summary>NAB's optimiser: the highest threshold with the best score, which sits exactly on one detection's score.</summary>
        Highest,

        /// <summary>
        /// The middle of the best interval: every threshold between the best one and the next lower score
        /// scores the same on the nine, so the middle keeps the widest margin on both sides for the tenth.
        /// </summary>
        Middle,
    }

    /// <summary>A detector family: a grid of settings and how one setting turns a series into NAB scores.</summary>
    public sealed record Family(string Name, IReadOnlyList<Setting> Grid, Func<Setting, string[], double[], double[]> Scores, ThresholdPick Pick);

    /// <summary>The detector as <c>webcare nab</c> runs it, and the same grid with a binary output (1 at each raise), which leaves no threshold to transfer.</summary>
    public static IReadOnlyList<Family> Families() =>
    [
        new("webcare", Grid(), Cached, ThresholdPick.Highest),
        new("webcare, middle threshold", Grid(), Cached, ThresholdPick.Middle),
        new("webcare, 1 at raise", Grid(), Binary, ThresholdPick.Highest),
        new("webcare, 1 at raise, cool-down 30 min or 2 h", CoolDownGrid(), Binary, ThresholdPick.Highest),
        new("webcare, 1 at raise, cool-down, raise needs an improbable bucket", WithRaiseSurprise(CoolDownGrid()), Binary, ThresholdPick.Highest),
        .. ProductFamilies(),
    ];

    /// <summary>
    /// Families that keep the product's detector (level 24 h, window 6, raise 0.5, cool-down 30 min) and let
    /// the nine choose only how improbable a raising bucket must be, or also the 27-setting grid.
    /// </summary>
    public static IReadOnlyList<Family> ProductFamilies() =>
    [
        new("product defaults, 1 at raise, raise needs an improbable bucket", WithRaiseSurprise([new("defaults", CountAnomalyDetectorOptions.Default, AlertTrackerOptions.Default)]), Binary, ThresholdPick.Highest),
        new("product defaults, score at raise, raise needs an improbable bucket", WithRaiseSurprise([new("defaults", CountAnomalyDetectorOptions.Default, AlertTrackerOptions.Default)]), Cached, ThresholdPick.Highest),
        new("webcare, 1 at raise, cool-down 30 min, raise needs an improbable bucket", WithRaiseSurprise(Grid()), Binary, ThresholdPick.Highest),
    ];

    /// <summary>Each setting with a raising bucket's minimum surprise of 0 (none), 2, 3 or 4.</summary>
    private static List<Setting> WithRaiseSurprise(IEnumerable<Setting> grid) =>
        [.. grid.SelectMany(g => new[] { 0.0, 2, 3, 4 }.Select(surprise =>
            surprise == 0 ? g : g with { Name = string.Create(CultureInfo.InvariantCulture, $"{g.Name}, raise surprise ≥ {surprise}"), Tracker = g.Tracker with { RaiseMinSurprise = surprise } }))];

    /// <summary>The grid with the tracker's cool-down of 30 min (the default) or 2 h.</summary>
    private static List<Setting> CoolDownGrid() =>
        [.. Grid().SelectMany(g => new[] { g, g with { Name = g.Name + ", cool-down 2 h", Tracker = g.Tracker with { CoolDown = TimeSpan.FromHours(2) } } })];

    private static double[] Binary(Setting setting, string[] timestamps, double[] values) =>
        [.. Cached(setting, timestamps, values).Select(x => x > 0 ? 1.0 : 0.0)];

    private static readonly Dictionary<(Setting, string[]), double[]> Cache = [];

    private static double[] Cached(Setting setting, string[] timestamps, double[] values)
    {
        if (!Cache.TryGetValue((setting, timestamps), out var scores)) Cache[(setting, timestamps)] = scores = Scores(setting, timestamps, values);
        return scores;
    }

    /// <summary>
    /// Runs each family's grid and prints, per profile: defaults in-sample, the grid's best in-sample, and leave-one-series-out.
    /// <paramref name="series"/>: each series' timestamps, values and window row ranges.
    /// </summary>
    /// <param name="only">Runs only the families whose name contains this text (all when null).</param>
    public static void Report(IReadOnlyList<(string Name, string[] Timestamps, double[] Values, (int Left, int Right)[] Windows)> series, NabProfile[] profiles, string? only = null)
    {
        foreach (var family in Families().Where(f => only is null || f.Name.Contains(only, StringComparison.Ordinal))) Report(family, series, profiles);
    }

    private static double Threshold(List<NabThresholdScore> sweep, ThresholdPick pick)
    {
        var best = NabSweep.Best(sweep);
        if (pick == ThresholdPick.Highest) return best.Threshold;
        var next = sweep.IndexOf(best) + 1;
        return next < sweep.Count ? (best.Threshold + sweep[next].Threshold) / 2 : best.Threshold;
    }

    private static void Report(Family family, IReadOnlyList<(string Name, string[] Timestamps, double[] Values, (int Left, int Right)[] Windows)> series, NabProfile[] profiles)
    {
        var grid = family.Grid;
        var windowOffsets = new int[series.Count];
        for (var s = 1; s < series.Count; s++) windowOffsets[s] = windowOffsets[s - 1] + series[s - 1].Windows.Length;
        var totalWindows = windowOffsets[^1] + series[^1].Windows.Length;
        // points[g][s]: setting g on series s
        var points = grid.Select(g => series.Select((x, s) => NabSweep.Points(family.Scores(g, x.Timestamps, x.Values), x.Windows, windowOffsets[s])).ToArray()).ToArray();
        var defaults = Math.Max(0, grid.ToList().FindIndex(g => g.Detector == CountAnomalyDetectorOptions.Default && g.Tracker == AlertTrackerOptions.Default));

        Console.WriteLine($"{family.Name}: {grid.Count} settings, threshold pick {family.Pick}");
        (double Raw, double Threshold, int Detected) Fit(int g, IEnumerable<int> on, NabProfile profile)
        {
            var chosen = on.SelectMany(s => points[g][s]).ToList();
            var sweep = NabSweep.ByThreshold(chosen, totalWindows, profile);
            var best = NabSweep.Best(sweep);
            return (best.Score, Threshold(sweep, family.Pick), best.DetectedWindows);
        }

        var all = Enumerable.Range(0, series.Count).ToArray();
        int Choose(int heldOut, NabProfile profile) =>
            Enumerable.Range(0, grid.Count).MaxBy(g => Fit(g, all.Where(s => s != heldOut), profile).Raw);

        // A product runs one setting, whatever the cost matrix: the setting the nine choose under the
        // standard profile, with only the threshold chosen per profile (fewer knobs per fold).
        var standard = profiles.FirstOrDefault(p => p.Name == "standard") ?? profiles[0];
        var standardChoice = all.Select(h => Choose(h, standard)).ToArray();

        foreach (var profile in profiles)
        {
            var inDefaults = Fit(defaults, all, profile);
            var inBest = Enumerable.Range(0, grid.Count).Select(g => (g, fit: Fit(g, all, profile))).MaxBy(x => x.fit.Raw);

            var heldOutRaw = 0.0;
            var heldOutDetected = 0;
            var heldOutFp = 0;
            var oneSettingRaw = 0.0;
            var chosenSettings = new List<string>();
            for (var h = 0; h < series.Count; h++)
            {
                var nine = all.Where(s => s != h).ToArray();
                var g = Choose(h, profile);
                var fit = Fit(g, nine, profile);
                var (raw, detected, fp) = ScoreAt(points[g][h], profile, fit.Threshold);
                heldOutRaw += raw;
                heldOutDetected += detected;
                heldOutFp += fp;
                oneSettingRaw += ScoreAt(points[standardChoice[h]][h], profile, Fit(standardChoice[h], nine, profile).Threshold).Raw;
                chosenSettings.Add(string.Create(CultureInfo.InvariantCulture, $"{series[h].Name}: {grid[g].Name}, threshold {fit.Threshold:G4}, raw {raw:F3}"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{profile.Name,-20} defaults in-sample {NabSweep.Normalise(inDefaults.Raw, totalWindows, profile),5:F1} | grid best in-sample {NabSweep.Normalise(inBest.fit.Raw, totalWindows, profile),5:F1} ({grid[inBest.g].Name}) | leave-one-series-out {NabSweep.Normalise(heldOutRaw, totalWindows, profile),5:F1} (windows detected {heldOutDetected}/{totalWindows}, FP rows {heldOutFp}) | the standard profile's setting {NabSweep.Normalise(oneSettingRaw, totalWindows, profile),5:F1}"));
            foreach (var line in chosenSettings) Console.WriteLine("    held out " + line);
        }
    }
}
