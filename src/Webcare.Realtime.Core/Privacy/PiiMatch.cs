using System.Collections.Immutable;

namespace Webcare.Realtime.Core.Privacy;

public enum PiiKind
{
    Bsn,
    Phone,
    Email,
    Iban,
    Address,
    DateOfBirth,
}

/// <summary>Personal data found in a text: what kind, and where (UTF-16 offsets into the original text).</summary>
public sealed record PiiMatch(PiiKind Kind, int Start, int Length);

/// <summary>
/// What the privacy scan found: the matches, the text with each replaced by its placeholder (the only text
/// a wall or the read API shows), and whether the post is privacy-sensitive: personal data, or a patient
/// sharing medical details in public, the cue for webcare to move to a private channel.
/// </summary>
public sealed record PrivacyScan(ImmutableArray<PiiMatch> Matches, string RedactedText, bool Sensitive)
{
    public static PrivacyScan Clean(string text) => new([], text, false);
}
