using System.Globalization;
using System.Text.Json;

namespace Webcare.Realtime.Cli;

/// <summary>One NAB data file: its rows in file order, and the labeled windows for it.</summary>
internal sealed record NabSeries(string Name, string[] TimestampTexts, DateTime[] Timestamps, double[] Values,
    (DateTime Start, DateTime End)[] Windows)
{
    public const string TimestampFormat = "yyyy-MM-dd HH:mm:ss";

    public static NabSeries Read(string path, string relativeKey, JsonElement windows)
    {
        var lines = File.ReadAllLines(path);
        var texts = new string[lines.Length - 1];
        var times = new DateTime[texts.Length];
        var values = new double[texts.Length];
        for (var i = 1; i < lines.Length; i++)
        {
            var comma = lines[i].IndexOf(',');
            if (comma < 0) throw new FormatException($"{path}:{i + 1}: expected 'timestamp,value'");
            texts[i - 1] = lines[i][..comma];
            times[i - 1] = ParseTime(texts[i - 1]);
            values[i - 1] = double.Parse(lines[i].AsSpan(comma + 1), CultureInfo.InvariantCulture);
        }
        var limits = windows.TryGetProperty(relativeKey, out var list)
            ? list.EnumerateArray().Select(w => (ParseTime(w[0].GetString()!), ParseTime(w[1].GetString()!))).ToArray()
            : [];
        return new NabSeries(Path.GetFileName(path), texts, times, values, limits);
    }

    /// <summary>NAB writes window limits with microseconds ("2015-03-03 04:37:53.000000"), data without.</summary>
    public static DateTime ParseTime(string text) =>
        DateTime.ParseExact(text.Length > 19 ? text[..19] : text, TimestampFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public bool InWindow(DateTime at)
    {
        foreach (var (start, end) in Windows)
            if (at >= start && at <= end) return true;
        return false;
    }
}
