using System.Text;
using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Ingest;

namespace Webcare.Realtime.Cli;

/// <summary>
/// <c>webcare analyze</c>: one text per input line, one JSON analysis per output line (AnalysisJson, the shape
/// of <c>POST /api/analyze</c>). A line that is not UTF-8 or too long is reported on stderr with its line
/// number and skipped; the rest goes on. Blank lines are skipped.
/// </summary>
internal static class AnalyzeCommand
{
    /// <summary>The longest text analysed: the ingest default.</summary>
    public static readonly int MaxTextLength = IngestLimits.Default.MaxTextLength;
    // A UTF-8 character is at most 4 bytes; anything longer cannot hold a text within the limit.
    private static readonly int MaxLineBytes = MaxTextLength * 4;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static int Run(string[] args, Stream output, TextWriter errors)
    {
        (Stream Stream, string Name) input;
        try
        {
            input = new Arguments(args).OpenInput();
        }
        catch (ArgumentException ex)
        {
            return Usage.Print(errors, 2, ex.Message);
        }
        var bad = 0;
        using var stream = input.Stream;
        using var json = new System.Text.Json.Utf8JsonWriter(output, AnalysisJson.WriterOptions);
        foreach (var line in NdjsonLines.Read(stream, MaxLineBytes))
        {
            var text = Decode(line, out var problem);
            if (text is null)
            {
                bad++;
                errors.WriteLine($"{input.Name}:{line.Line}: {problem}");
                continue;
            }
            AnalysisJson.Write(json, TextAnalysis.Of(text, RuleSentimentScorer.Instance));
            json.Flush();
            json.Reset();
            output.WriteByte((byte)'\n');
        }
        output.Flush();
        return bad == 0 ? 0 : 1;
    }

    private static string? Decode(InputLine line, out string problem)
    {
        problem = $"the line is longer than {MaxTextLength:N0} characters";
        if (line.TooLong) return null;
        string text;
        try
        {
            text = StrictUtf8.GetString(line.Bytes).TrimEnd('\r');
        }
        catch (DecoderFallbackException)
        {
            problem = "the line is not valid UTF-8";
            return null;
        }
        return text.Length > MaxTextLength ? null : text;
    }
}
