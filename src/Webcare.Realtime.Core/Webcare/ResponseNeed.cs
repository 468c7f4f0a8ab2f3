using Webcare.Realtime.Core.Analysis;
using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Core.Webcare;

/// <summary>Why a conversation asks for an answer from the organisation.</summary>
[Flags]
public enum ResponseReason
{
    None = 0,
    Negative = 1,
    Question = 2,
    PrivacySensitive = 4,
}

/// <summary>
/// Whether a mention (not the organisation's own) asks for an answer: it is negative, asks a question, or
/// shares personal or medical data in public (then the answer belongs in a private channel). A share
/// (retweet) repeats someone else's words and asks nothing of its own.
/// </summary>
public static class ResponseNeed
{
    public static ResponseReason Of(EnrichedMention enriched)
    {
        if (enriched.FromOwnAccount || enriched.Mention.IsShare) return ResponseReason.None;
        var reasons = ResponseReason.None;
        if (enriched.Sentiment.Label == SentimentLabel.Negative) reasons |= ResponseReason.Negative;
        if (QuestionDetector.IsQuestion(enriched.Mention.Text)) reasons |= ResponseReason.Question;
        if (enriched.Scan.Sensitive) reasons |= ResponseReason.PrivacySensitive;
        return reasons;
    }
}
