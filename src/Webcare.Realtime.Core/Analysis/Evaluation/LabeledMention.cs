using System.Collections.Immutable;
using System.Text.Json;
using Webcare.Realtime.Core.Privacy;

namespace Webcare.Realtime.Core.Analysis.Evaluation;

/// <summary>Personal data a labeler marked: its kind and the exact text.</summary>
public sealed record LabeledPii(PiiKind Kind, string Text);

/// <summary>
/// One row of the labeled set (<c>tests/Webcare.Realtime.Core.Tests/Data/labeled-mentions.jsonl</c>): a mention
/// text with the categories and personal data a person expects, and which half of the set it is in.
/// </summary>
public sealed record LabeledMention(string Id, string Split, string Text, ImmutableArray<ComplaintCategory> Categories, ImmutableArray<LabeledPii> Pii)
{
    /// <summary>Parses one JSON line; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static LabeledMention Parse(string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var id = root.GetProperty("id").GetString() ?? throw new FormatException("'id' is null");
            var categories = root.GetProperty("categories").EnumerateArray()
                .Select(c => WireNames.TryParseWireName<ComplaintCategory>(c.GetString() ?? "", out var category)
                    ? category : throw new FormatException($"{id}: unknown category '{c}'"));
            var pii = root.GetProperty("pii").EnumerateArray()
                .Select(p => new LabeledPii(
                    WireNames.TryParseWireName<PiiKind>(p.GetProperty("type").GetString() ?? "", out var kind)
                        ? kind : throw new FormatException($"{id}: unknown PII type '{p.GetProperty("type")}'"),
                    p.GetProperty("text").GetString() ?? ""));
            var text = root.GetProperty("text").GetString() ?? "";
            var row = new LabeledMention(id, root.GetProperty("split").GetString() ?? "", text, [.. categories], [.. pii]);
            foreach (var p in row.Pii)
                if (!text.Contains(p.Text, StringComparison.Ordinal)) throw new FormatException($"{id}: PII '{p.Text}' is not in the text");
            return row;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"not a labeled mention: {ex.Message}", ex);
        }
    }
}
