using System.Text.RegularExpressions;

namespace Webcare.Realtime.Core.Webcare;

/// <summary>
/// Tells whether a short post asks something, in Dutch or English: a question mark, or a phrase people use
/// to ask without one ("hoe kan ik mijn afspraak verzetten", "weet iemand of…", "can I…"). A question mark
/// inside a URL does not count. Rhetorical questions are counted too; webcare answers those as well.
/// </summary>
public static partial class QuestionDetector
{
    public static bool IsQuestion(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        // Every mention that may need an answer passes here: the URL scan only runs when there can be one.
        var withoutUrls = text.Contains("://", StringComparison.Ordinal) ? UrlPattern().Replace(text, " ") : text;
        if (withoutUrls.Contains('?') || withoutUrls.Contains('？')) return true;
        return QuestionPhrase().IsMatch(withoutUrls);
    }

    [GeneratedRegex(@"\bhttps?://\S+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    // Phrases at the start of a sentence or clause, so "ik weet niet" or "dat kan ik niet" do not count. The
    // start is a lookbehind, so the scan looks for a phrase first: a lead group tried at every position made
    // this twice as slow, measured on the labeled mentions with the same answers.
    [GeneratedRegex(
        @"(?<=(?:^|[.!:;,\n]\s*|\b(?:en|maar|dus|and|but|so)\s+))(?:" +
        @"hoe\s+(kan|moet|kun|krijg|regel|meld|vraag)\s+(ik|je|u|jij)|hoe\s+(laat|lang|werkt|zit)\b|hoeveel|wat\s+(moet|kan)\s+ik|" +
        @"waarom|wanneer\s+(krijg|hoor|kan|word|is|gaat|komt)|waar\s+(kan|moet|kun|vind)\s+(ik|je|u)|" +
        @"weet\s+iemand|iemand\s+(ervaring|tips?)\b|kan\s+(ik|iemand|je|u)|kun\s+(je|jij|u)|kunnen\s+jullie|" +
        @"mag\s+ik|moet\s+ik|wie\s+(kan|weet)|is\s+het\s+(mogelijk|normaal)|klopt\s+het|graag\s+uitleg|" +
        @"can\s+(i|you|someone|anyone)|how\s+(do|can|should)\s+(i|you|we)|why\s+(is|are|do|does|did|can)|" +
        @"does\s+anyone|anyone\s+know|is\s+it\s+(possible|normal)|where\s+(can|do)\s+i|when\s+will)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuestionPhrase();
}
