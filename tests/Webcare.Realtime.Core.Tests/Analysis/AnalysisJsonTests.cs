using System.Text;
using System.Text.Json;
using Webcare.Realtime.Core.Analysis;

namespace Webcare.Realtime.Core.Tests.Analysis;

public sealed class AnalysisJsonTests
{
    [Fact]
    public void ToUtf8_WritesTheDocumentedShape_OnOneLine_WithoutRawPersonalData()
    {
        var text = "NIET lang hoeven wachten, top geholpen! Mail: a.b@example.nl";
        var json = Encoding.UTF8.GetString(AnalysisJson.ToUtf8(TextAnalysis.Of(text, RuleSentimentScorer.Instance)));

        Assert.DoesNotContain('\n', json);
        Assert.DoesNotContain("a.b@example.nl", json);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(["language", "sentiment", "categories", "pii", "privacySensitive", "redacted"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("nl", root.GetProperty("language").GetString());
        var sentiment = root.GetProperty("sentiment");
        Assert.Equal("positive", sentiment.GetProperty("label").GetString());
        var negated = sentiment.GetProperty("evidence").EnumerateArray().First(e => e.GetProperty("term").GetString() == "lang");
        Assert.Contains("negated", negated.GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("compliment", Assert.Single(root.GetProperty("categories").EnumerateArray()).GetProperty("category").GetString());
        var pii = Assert.Single(root.GetProperty("pii").EnumerateArray());
        Assert.Equal("email", pii.GetProperty("type").GetString());
        Assert.Equal(text.IndexOf("a.b@", StringComparison.Ordinal), pii.GetProperty("start").GetInt32());
        Assert.Equal("NIET lang hoeven wachten, top geholpen! Mail: [e-mail]", root.GetProperty("redacted").GetString());
    }
}
