using System.Collections.Frozen;

namespace Webcare.Realtime.Core.Analysis;

/// <summary>Emoji and emoticon weights, the same in every language.</summary>
internal static class EmojiLexicon
{
    // The value carries its own key so a span lookup can hand out the lexicon's string as evidence.
    public static readonly FrozenDictionary<string, (string Key, double Weight)> Weights = LexiconResources.Rows("emoji.tsv")
        .Select(r => (Key: TextFolding.Fold(r[0].Replace("\uFE0F", "")), Weight: LexiconResources.Number("emoji.tsv", r[1])))
        .ToFrozenDictionary(e => e.Key, e => e, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, (string Key, double Weight)>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Weights.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool TryWeight(ReadOnlySpan<char> emoji, out double weight, out string key)
    {
        var found = Lookup.TryGetValue(emoji, out var entry);
        (key, weight) = found ? entry : ("", 0);
        return found;
    }
}
