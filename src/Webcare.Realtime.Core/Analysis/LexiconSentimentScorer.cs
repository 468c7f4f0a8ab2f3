namespace Webcare.Realtime.Core.Analysis;

/// <summary>
/// The first, deliberately simple scorer: a small Dutch and English word list with negation of the next
/// few words. <see cref="RuleSentimentScorer"/> is the full engine behind the same interface; this one stays
/// until the host is switched over.
/// </summary>
public sealed class LexiconSentimentScorer : ISentimentScorer
{
    // VADER's normalisation constant: score = sum / sqrt(sum² + alpha) keeps a few strong words below 1.
    private const double Alpha = 15;
    private const double NeutralBand = 0.2;
    private const int NegationScope = 3;

    private static readonly Dictionary<string, double> Weights = new(StringComparer.Ordinal)
    {
        // Dutch
        ["goed"] = 1.5, ["super"] = 2, ["top"] = 2, ["topzorg"] = 3, ["bedankt"] = 2, ["dank"] = 1.5,
        ["dankjewel"] = 2, ["fijn"] = 1.5, ["prima"] = 1.5, ["lief"] = 2, ["lieve"] = 2, ["vriendelijk"] = 2,
        ["geweldig"] = 3, ["fantastisch"] = 3, ["blij"] = 2, ["snel"] = 1, ["tevreden"] = 2, ["chapeau"] = 2.5,
        ["compliment"] = 2.5, ["complimenten"] = 2.5, ["helder"] = 1, ["behulpzaam"] = 2, ["professioneel"] = 2,
        ["slecht"] = -2, ["boos"] = -2.5, ["woedend"] = -3, ["schandalig"] = -3, ["schande"] = -3,
        ["belachelijk"] = -2.5, ["onbeschoft"] = -2.5, ["onvriendelijk"] = -2, ["grof"] = -2, ["teleurgesteld"] = -2,
        ["teleurstellend"] = -2, ["klacht"] = -1.5, ["wachten"] = -1, ["wachttijd"] = -1, ["wachtlijst"] = -1.5,
        ["onbereikbaar"] = -2, ["kunstfout"] = -3, ["misdiagnose"] = -3, ["datalek"] = -3, ["fout"] = -1.5,
        ["pijn"] = -1, ["niemand"] = -1, ["nooit"] = -1, ["duur"] = -1, ["chaos"] = -2.5, ["gesloten"] = -1,
        ["vergeten"] = -1.5, ["kwijt"] = -1.5, ["bah"] = -2, ["triest"] = -2, ["verschrikkelijk"] = -3,
        ["waardeloos"] = -3, ["ziek"] = -0.5, ["bang"] = -1.5, ["onacceptabel"] = -3, ["frustrerend"] = -2.5,
        // English
        ["good"] = 1.5, ["great"] = 2.5, ["thanks"] = 2, ["thank"] = 2, ["excellent"] = 3, ["kind"] = 2,
        ["helpful"] = 2, ["happy"] = 2, ["love"] = 2.5, ["amazing"] = 3, ["bad"] = -2, ["terrible"] = -3,
        ["awful"] = -3, ["rude"] = -2.5, ["angry"] = -2.5, ["waiting"] = -1, ["worst"] = -3, ["disappointed"] = -2,
        ["unacceptable"] = -3, ["hate"] = -3, ["fail"] = -2, ["broken"] = -1.5,
    };

    private static readonly HashSet<string> Negators = new(StringComparer.Ordinal)
    {
        "niet", "geen", "nooit", "niks", "nergens", "not", "no", "never", "don't", "isn't", "wasn't",
    };

    public SentimentResult Score(string text)
    {
        var tokens = WordTokenizer.Tokenize(text);
        double sum = 0;
        var negatedUntil = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (Negators.Contains(token))
            {
                negatedUntil = i + NegationScope;
                continue;
            }
            if (!Weights.TryGetValue(token, out var weight)) continue;
            sum += i <= negatedUntil ? -0.75 * weight : weight;
        }
        if (sum == 0) return SentimentResult.Neutral;
        var score = sum / Math.Sqrt(sum * sum + Alpha);
        var label = score >= NeutralBand ? SentimentLabel.Positive
            : score <= -NeutralBand ? SentimentLabel.Negative
            : SentimentLabel.Neutral;
        return new SentimentResult(Math.Round(score, 3), label);
    }
}
