namespace Webcare.Realtime.Core.Analysis;

/// <summary>
/// Derives word weights from labelled texts: a smoothed log-odds of a word's document frequency in positive
/// versus negative texts, shrunk towards zero for rare words. This is how <c>nl-learned.tsv</c> was made from
/// the Dutch train splits; the corpora themselves stay outside the repository.
/// </summary>
public static class LexiconLearner
{
    /// <param name="SkipFillerWords">Also learn nothing for the filler and function words of <c>stopwords.tsv</c> (iemand, of,
    /// misschien, nee, nou, …), not only for the language detector's. Off for the committed <c>nl-learned.tsv</c>: measured,
    /// it lets more neutral questions read neutral but costs XED 0.03 macro-F1, below the quality bar (BENCHMARKS.md).</param>
    public sealed record Options(int MinDocuments = 4, double MinWeight = 0.5, double Shrink = 3, double MaxWeight = 3, bool SkipFillerWords = false);

    public static IReadOnlyList<(string Word, double Weight)> Learn(IEnumerable<(SentimentLabel Label, string Text)> corpus, Options? options = null)
    {
        options ??= new Options();
        var counts = new Dictionary<string, (int Positive, int Negative)>(StringComparer.Ordinal);
        int positives = 0, negatives = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (label, text) in corpus)
        {
            if (label == SentimentLabel.Neutral) continue;
            if (label == SentimentLabel.Positive) positives++;
            else negatives++;
            seen.Clear();
            foreach (var word in Words(text))
            {
                if (!seen.Add(word)) continue;
                counts.TryGetValue(word, out var c);
                counts[word] = label == SentimentLabel.Positive ? (c.Positive + 1, c.Negative) : (c.Positive, c.Negative + 1);
            }
        }
        var result = new List<(string, double)>();
        foreach (var (word, (p, n)) in counts)
        {
            var documents = p + n;
            if (documents < options.MinDocuments) continue;
            // Modifiers are rules, not opinions: "niet" is frequent in complaints but must stay a negator.
            if (SentimentLexicon.Dutch.TryModifier(word, out _)) continue;
            // Function words say how long a text is, not what it feels: complaints are wordier, so without this
            // "ik" and "dat" learn a negative weight and every long review leans negative.
            if (LanguageDetector.IsStopWord(word)) continue;
            if (options.SkipFillerWords && FunctionWords.Contains(word)) continue;
            var logOdds = Math.Log((p + 1.0) / (positives + 2.0)) - Math.Log((n + 1.0) / (negatives + 2.0));
            var weight = Math.Clamp(logOdds * documents / (documents + options.Shrink), -options.MaxWeight, options.MaxWeight);
            if (Math.Abs(weight) < options.MinWeight) continue;
            result.Add((word, Math.Round(weight, 2)));
        }
        result.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return result;
    }

    private static IEnumerable<string> Words(string text)
    {
        var folded = new char[text.Length];
        var tokens = new SentimentToken[text.Length];
        var n = SentimentTokenizer.Tokenize(text, folded, tokens);
        for (var i = 0; i < n; i++)
        {
            var t = tokens[i];
            if (!t.IsWord || (t.Flags & SentimentTokenFlags.Number) != 0 || t.Length < 2) continue;
            yield return new string(folded, t.Start, t.Length);
        }
    }
}
