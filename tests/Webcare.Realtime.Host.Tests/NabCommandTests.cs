using Webcare.Realtime.Cli;

namespace Webcare.Realtime.Host.Tests;

/// <summary>webcare nab on a small NAB-shaped data directory: NAB's result layout, labels and errors.</summary>
public sealed class NabCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "nab-" + Guid.NewGuid().ToString("N"));

    public NabCommandTests()
    {
        var series = Path.Combine(_root, "data", "realTweets");
        Directory.CreateDirectory(series);
        Directory.CreateDirectory(Path.Combine(_root, "data", "labels"));
        var start = new DateTime(2015, 2, 26, 21, 42, 53);
        var rows = Enumerable.Range(0, 2000).Select(i =>
            $"{start.AddMinutes(5 * i):yyyy-MM-dd HH:mm:ss},{(i is >= 1500 and < 1510 ? 900 : 40 + i % 7)}");
        File.WriteAllLines(Path.Combine(series, "Twitter_volume_TEST.csv"), ["timestamp,value", .. rows]);
        File.WriteAllText(Path.Combine(_root, "data", "labels", "combined_windows.json"),
            $$"""{"realTweets/Twitter_volume_TEST.csv": [["{{start.AddMinutes(5 * 1450):yyyy-MM-dd HH:mm:ss}}.000000", "{{start.AddMinutes(5 * 1550):yyyy-MM-dd HH:mm:ss}}.000000"]]}""");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("webcare")]
    [InlineData("webcareRaise")]
    [InlineData("windowedGaussian")]
    public void Writes_one_result_file_per_series_in_NABs_layout(string detector)
    {
        var (output, errors) = (new StringWriter(), new StringWriter());

        var exit = NabCommand.Run(["--data", Path.Combine(_root, "data"), "--out", Path.Combine(_root, "out"), "--detector", detector], output, errors);

        Assert.Equal(0, exit);
        Assert.Equal("", errors.ToString());
        var lines = File.ReadAllLines(Path.Combine(_root, "out", detector, "realTweets", $"{detector}_Twitter_volume_TEST.csv"));
        Assert.Equal("timestamp,value,anomaly_score,label", lines[0]);
        Assert.Equal(2001, lines.Length);
        var cells = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(101, cells.Count(c => c[3] == "1"));
        Assert.Equal("1", cells[1450][3]);
        Assert.Equal("0", cells[1449][3]);
        Assert.All(cells, c => Assert.InRange(double.Parse(c[2], System.Globalization.CultureInfo.InvariantCulture), 0, 1));
        if (detector is "webcare" or "webcareRaise")
        {
            // One incident for the ten-bucket burst, raised on its first or second bucket.
            var raised = cells.Select((c, i) => (c, i)).Where(x => x.c[2] != "0").Select(x => x.i).ToArray();
            Assert.InRange(Assert.Single(raised), 1500, 1501);
            if (detector == "webcareRaise") Assert.Equal("1", cells[raised[0]][2]);
        }
    }

    [Fact]
    public void Names_the_missing_file_when_the_data_directory_is_wrong()
    {
        var (output, errors) = (new StringWriter(), new StringWriter());

        var exit = NabCommand.Run(["--data", Path.Combine(_root, "nowhere"), "--out", Path.Combine(_root, "out")], output, errors);

        Assert.Equal(1, exit);
        Assert.Contains(Path.Combine(_root, "nowhere", "labels", "combined_windows.json"), errors.ToString());
    }

    [Fact]
    public void Refuses_an_unknown_detector_with_usage()
    {
        var errors = new StringWriter();

        Assert.Equal(2, NabCommand.Run(["--data", _root, "--out", _root, "--detector", "magic"], new StringWriter(), errors));
        Assert.Contains("unknown detector 'magic'", errors.ToString());
    }
}
