using System.Text.Json;
using Webcare.Realtime.Core.Privacy;

namespace Webcare.Realtime.Core.Analysis;

/// <summary>
/// The one JSON shape of a text's analysis, written by <c>webcare analyze</c> and <c>POST /api/analyze</c>:
/// <c>{"language","sentiment":{"score","label","evidence":[{"term","weight","rules"}]},"categories":[{"category","terms"}],
/// "pii":[{"type","start","length"}],"privacySensitive","redacted"}</c>. PII is given as UTF-16 offsets into the
/// text the caller sent, never as the values themselves: the answer may be logged where the text may not.
/// </summary>
public static class AnalysisJson
{
    public static void Write(Utf8JsonWriter json, TextAnalysis analysis)
    {
        json.WriteStartObject();
        json.WriteString("language", analysis.Language.Code());
        json.WriteStartObject("sentiment");
        json.WriteNumber("score", analysis.Sentiment.Score);
        json.WriteString("label", analysis.Sentiment.Label.WireName());
        json.WriteStartArray("evidence");
        foreach (var evidence in analysis.Sentiment.Evidence)
        {
            json.WriteStartObject();
            json.WriteString("term", evidence.Term);
            json.WriteNumber("weight", evidence.Weight);
            json.WriteStartArray("rules");
            foreach (var rule in RuleFlags)
                if ((evidence.Rules & rule) != 0) json.WriteStringValue(rule.WireName());
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartArray("categories");
        foreach (var category in analysis.Categories)
        {
            json.WriteStartObject();
            json.WriteString("category", category.Category.WireName());
            json.WriteStartArray("terms");
            foreach (var term in category.Terms) json.WriteStringValue(term);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("pii");
        foreach (var match in analysis.Privacy.Matches)
        {
            json.WriteStartObject();
            json.WriteString("type", match.Kind.WireName());
            json.WriteNumber("start", match.Start);
            json.WriteNumber("length", match.Length);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteBoolean("privacySensitive", analysis.Privacy.Sensitive);
        json.WriteString("redacted", analysis.Privacy.RedactedText);
        json.WriteEndObject();
    }

    /// <summary>One analysis as a UTF-8 JSON document (one line: no indentation).</summary>
    public static byte[] ToUtf8(TextAnalysis analysis)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions)) Write(json, analysis);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Non-ASCII text (ë, emoji) is written as itself, not as \u escapes; HTML-significant characters are still escaped.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly SentimentRules[] RuleFlags = [.. Enum.GetValues<SentimentRules>().Where(r => r != SentimentRules.None)];
}
