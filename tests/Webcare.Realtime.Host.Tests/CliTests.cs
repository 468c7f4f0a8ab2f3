using System.Text;
using Webcare.Realtime.Cli;

namespace Webcare.Realtime.Host.Tests;

/// <summary>The webcare CLI against a real running service.</summary>
[Collection(HostCollection.Name)]
public sealed class CliTests(HostFixture fixture)
{
    private static string Line(string id, string text = "Weer lang wachten bij de poli") =>
        $"{{\"source\":\"forum\",\"id\":\"{id}\",\"createdAt\":\"{DateTimeOffset.UtcNow:O}\",\"text\":\"{text}\"}}";

    [Fact]
    public async Task Replay_posts_a_file_and_reports_bad_lines_by_their_line_in_the_file()
    {
        var prefix = Guid.NewGuid().ToString("N");
        var path = Path.GetTempFileName();
        try
        {
            // Seven valid lines, a blank line and a bad line; batches of 3 so the bad line is in the third batch.
            var lines = Enumerable.Range(0, 7).Select(i => Line($"{prefix}-{i}")).ToList();
            lines.Insert(3, "");
            lines.Insert(6, "{\"source\":\"forum\",\"id\":\"x\"}");
            await File.WriteAllLinesAsync(path, lines);
            var (output, errors) = (new StringWriter(), new StringWriter());

            var exit = await ReplayCommand.RunAsync(["--url", fixture.Host.BaseAddress.ToString(), "--batch", "3", path], output, errors);

            Assert.Equal(1, exit);
            Assert.StartsWith("7 accepted, 0 duplicates, 1 rejected", output.ToString());
            Assert.Contains($"{path}:7: 'text' is required", errors.ToString());

            var again = new StringWriter();
            await ReplayCommand.RunAsync(["--url", fixture.Host.BaseAddress.ToString(), path], again, new StringWriter());
            Assert.StartsWith("0 accepted, 7 duplicates, 1 rejected", again.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Check_names_the_line_of_invalid_utf8_and_accepts_the_demo_stream()
    {
        var path = Path.GetTempFileName();
        try
        {
            var demo = new StringWriter();
            Assert.Equal(0, DemoCommand.Run(["--minutes", "10", "--from", "2026-11-23T09:00:00Z"], demo));
            byte[] badLine = [.. Encoding.UTF8.GetBytes("{\"source\":\"x\",\"id\":\"1\",\"text\":\""), 0xFF, .. Encoding.UTF8.GetBytes("\"}\n")];
            File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes(demo.ToString()), .. badLine]);
            var lineCount = demo.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.True(lineCount > 50, $"only {lineCount} demo mentions in 10 minutes");
            var (output, errors) = (new StringWriter(), new StringWriter());

            Assert.Equal(1, CheckCommand.Run([path], output, errors));
            Assert.Equal($"{lineCount} valid, 1 invalid", output.ToString().Trim());
            Assert.Equal($"{path}:{lineCount + 1}: the line is not valid UTF-8", errors.ToString().Trim());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Analyze_prints_one_json_line_per_text_and_names_bad_lines_without_stopping()
    {
        var path = Path.GetTempFileName();
        try
        {
            byte[] input =
            [
                .. Encoding.UTF8.GetBytes("Al weken wachten op mijn uitslag, bel me op 06-12345678\r\n\n"),
                .. Encoding.UTF8.GetBytes("bad "), 0xC3, 0x28, (byte)'\n',
                .. Encoding.UTF8.GetBytes(new string('x', 20_001) + "\n"),
                .. Encoding.UTF8.GetBytes("Thank you, lovely nurses 💐"),
            ];
            File.WriteAllBytes(path, input);
            using var output = new MemoryStream();
            var errors = new StringWriter();

            Assert.Equal(1, AnalyzeCommand.Run([path], output, errors));

            var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            var first = System.Text.Json.JsonDocument.Parse(lines[0]).RootElement;
            Assert.Equal("nl", first.GetProperty("language").GetString());
            Assert.Equal("Al weken wachten op mijn uitslag, bel me op [telefoon]", first.GetProperty("redacted").GetString());
            Assert.Contains(first.GetProperty("categories").EnumerateArray(), c => c.GetProperty("category").GetString() == "waitingTime");
            var last = System.Text.Json.JsonDocument.Parse(lines[1]).RootElement;
            Assert.Equal("compliment", Assert.Single(last.GetProperty("categories").EnumerateArray()).GetProperty("category").GetString());
            Assert.Equal(
                [$"{path}:3: the line is not valid UTF-8", $"{path}:4: the line is longer than 20,000 characters"],
                errors.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_wrong_argument_prints_usage_and_exits_2()
    {
        var errors = new StringWriter();
        Assert.Equal(2, await ReplayCommand.RunAsync(["--batch", "zero", "x.ndjson"], new StringWriter(), errors));
        Assert.Contains("--batch", errors.ToString());
        Assert.Contains("webcare replay", errors.ToString());
    }
}
