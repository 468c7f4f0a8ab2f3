using System.Text.Json;

namespace Webcare.Realtime.Core.Analysis;

/// <summary>
/// The camelCase names enums get in the analysis JSON and the labeled data (<c>waitingTime</c>, <c>dateOfBirth</c>,
/// <c>negative</c>): one rule for every enum, computed once per type.
/// </summary>
public static class WireNames
{
    public static string WireName<T>(this T value) where T : struct, Enum => Cache<T>.ByValue[value];

    public static bool TryParseWireName<T>(string name, out T value) where T : struct, Enum => Cache<T>.ByName.TryGetValue(name, out value);

    private static class Cache<T> where T : struct, Enum
    {
        public static readonly Dictionary<T, string> ByValue =
            Enum.GetValues<T>().ToDictionary(v => v, v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()));

        public static readonly Dictionary<string, T> ByName = ByValue.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
