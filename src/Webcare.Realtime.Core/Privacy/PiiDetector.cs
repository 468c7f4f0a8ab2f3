using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace Webcare.Realtime.Core.Privacy;

/// <summary>
/// Finds Dutch personal data in a mention and redacts it for display. Every candidate is checked the way
/// its issuer defines it (the 11-test for a BSN, mod-97 for an IBAN), so an order number or a phone number
/// is not called a BSN. Pure and thread-safe.
/// </summary>
public static partial class PiiDetector
{
    public static string Placeholder(PiiKind kind) => kind switch
    {
        PiiKind.Bsn => "[BSN]",
        PiiKind.Phone => "[telefoon]",
        PiiKind.Email => "[e-mail]",
        PiiKind.Iban => "[IBAN]",
        PiiKind.Address => "[adres]",
        PiiKind.DateOfBirth => "[geboortedatum]",
        _ => "[privé]",
    };

    public static PrivacyScan Scan(string text)
    {
        List<PiiMatch>? matches = null;
        // Each pattern needs a minimum of digits (or an '@'); most mentions have few, so most scans are skipped,
        // and a pattern's matches are only collected (allocated) when it matches at all.
        // Most specific first; a later kind never claims characters an earlier one took.
        var digits = CountDigits(text);
        if (MayHoldEmail(text)) Collect(ref matches, PiiKind.Email, EmailPattern(), text, _ => true);
        if (digits >= 2 && MayHoldIban(text)) Collect(ref matches, PiiKind.Iban, IbanPattern(), text, m => IsValidIban(m.Value));
        if (digits >= 9) Collect(ref matches, PiiKind.Phone, PhonePattern(), text, m => IsDutchPhone(m.Value));
        if (digits >= 9) Collect(ref matches, PiiKind.Bsn, BsnPattern(), text, m => PassesElevenTest(m.Value));
        if (digits >= 5) Collect(ref matches, PiiKind.DateOfBirth, BirthDatePattern(), text, _ => true, group: "date");
        if (digits >= 4) Collect(ref matches, PiiKind.Address, PostcodePattern(), text, m => IsAddress(m));
        if (matches is null) return new PrivacyScan([], text, SharesMedicalDetails(text));

        matches.Sort((a, b) => a.Start.CompareTo(b.Start));
        var redacted = new StringBuilder(text.Length);
        var at = 0;
        foreach (var match in matches)
        {
            redacted.Append(text, at, match.Start - at).Append(Placeholder(match.Kind));
            at = match.Start + match.Length;
        }
        redacted.Append(text, at, text.Length - at);
        return new PrivacyScan([.. matches], redacted.ToString(), Sensitive: true);
    }

    private static void Collect(ref List<PiiMatch>? into, PiiKind kind, Regex pattern, string text, Func<Match, bool> valid, string? group = null)
    {
        if (!pattern.IsMatch(text)) return;
        foreach (Match match in pattern.Matches(text))
        {
            var span = group is null ? (Capture)match : match.Groups[group];
            if (!valid(match) || (into is not null && into.Any(m => span.Index < m.Start + m.Length && m.Start < span.Index + span.Length))) continue;
            (into ??= []).Add(new PiiMatch(kind, span.Index, span.Length));
        }
    }

    /// <summary>The BSN 11-test: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not all zeros).</summary>
    public static bool PassesElevenTest(string candidate)
    {
        Span<int> digits = stackalloc int[9];
        var n = 0;
        foreach (var c in candidate)
        {
            if (!char.IsAsciiDigit(c)) continue;
            if (n == 9) return false;
            digits[n++] = c - '0';
        }
        if (n != 9) return false;
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += (9 - i) * digits[i];
        sum -= digits[8];
        return sum % 11 == 0 && sum != 0;
    }

    /// <summary>ISO 13616: move the first four characters to the end, letters to numbers, remainder mod 97 is 1.</summary>
    public static bool IsValidIban(string candidate)
    {
        var compact = candidate.Replace(" ", "").ToUpperInvariant();
        if (compact.Length is < 15 or > 34) return false;
        if (compact.StartsWith("NL") && compact.Length != 18) return false;
        var remainder = 0;
        foreach (var c in compact[4..] + compact[..4])
        {
            if (char.IsAsciiDigit(c)) remainder = (remainder * 10 + (c - '0')) % 97;
            else if (char.IsAsciiLetterUpper(c)) remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            else return false;
        }
        return remainder == 1;
    }

    /// <summary>A Dutch number: 0 or +31/0031 followed by nine digits, the first not 0.</summary>
    private static bool IsDutchPhone(string candidate)
    {
        var digits = new string(candidate.Where(char.IsAsciiDigit).ToArray());
        var national = digits.StartsWith("0031") ? digits[4..] : digits.StartsWith("31") && candidate.TrimStart().StartsWith('+') ? digits[2..] : digits.StartsWith('0') ? digits[1..] : "";
        return national.Length == 9 && national[0] != '0';
    }

    /// <summary>A postcode is an address when written the official way (capitals) or followed by a house number.</summary>
    private static bool IsAddress(Match match)
    {
        var letters = match.Groups["letters"].Value;
        if (letters is "SA" or "SD" or "SS") return false; // never issued
        return match.Groups["number"].Success || letters.All(char.IsAsciiLetterUpper);
    }

    /// <summary>An '@' right after a character of an address's local part (a handle's '@' follows a space).</summary>
    private static bool MayHoldEmail(ReadOnlySpan<char> text)
    {
        for (int i, from = 0; (i = text[from..].IndexOf('@')) >= 0; from += i + 1)
            if (from + i > 0 && text[from + i - 1] is var c && (char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-')) return true;
        return false;
    }

    /// <summary>Two ASCII letters followed by two digits: how every IBAN starts.</summary>
    private static bool MayHoldIban(ReadOnlySpan<char> text)
    {
        for (var i = 2; i + 1 < text.Length; i++)
            if (char.IsAsciiDigit(text[i]) && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiLetter(text[i - 1]) && char.IsAsciiLetter(text[i - 2])) return true;
        return false;
    }

    private static int CountDigits(ReadOnlySpan<char> text)
    {
        var count = 0;
        for (int i; (i = text.IndexOfAnyInRange('0', '9')) >= 0; text = text[(i + 1)..]) count++;
        return count;
    }

    private static bool SharesMedicalDetails(string text) => FirstPerson().IsMatch(text) && MedicalDetail().IsMatch(text);

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\b[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?\b")]
    private static partial Regex IbanPattern();

    [GeneratedRegex(@"(?<![\w+])(?:\+31|0031|0)[ -]?\(?0?\)?[1-9](?:[ -]?\d){8}(?!\d)")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"(?<![\d.])(?:\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}[ .]\d{3}[ .]\d{3})(?![\d.]?\d)")]
    private static partial Regex BsnPattern();

    [GeneratedRegex(@"(?:geboren|geb\.|geboortedatum|born|date of birth|dob)\W{0,3}(?:op\s+|on\s+)?(?<date>\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}|\d{1,2}\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|okt|nov|dec)\s+(?:19|20)\d{2})", RegexOptions.IgnoreCase)]
    private static partial Regex BirthDatePattern();

    [GeneratedRegex(@"\b[1-9]\d{3} ?(?<letters>[A-Za-z]{2})\b(?:,? ?(?<number>\d{1,5}(?:[-\s]?[A-Za-z])?)\b)?")]
    private static partial Regex PostcodePattern();

    [GeneratedRegex(@"\b(?:ik|mijn|me|mij|m'n|my|i|i'm)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FirstPerson();

    [GeneratedRegex(@"\b(?:diagnose|kanker|tumor|operatie|geopereerd|uitslag|uitslagen|biopt|chemo|bestraling|medicijnen|medicatie|dossier|zwanger|miskraam|depressie|psychose|hiv|soa|dialyse|mri|ct-scan|bloedonderzoek|cancer|surgery|diagnosis|test results|medication|pregnant|my records)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MedicalDetail();
}
