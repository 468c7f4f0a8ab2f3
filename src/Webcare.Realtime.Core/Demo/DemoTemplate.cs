using Webcare.Realtime.Core.Analysis;

namespace Webcare.Realtime.Core.Demo;

/// <summary>What a message is for; it decides who answers it and how it reads.</summary>
internal enum DemoIntent
{
    Complaint,
    Question,
    Info,
    Praise,
}

/// <summary>Where a template reads naturally: short posts, a review site, a news headline.</summary>
[Flags]
internal enum DemoFormats
{
    Social = 1,
    Review = 2,
    News = 4,
}

internal enum DemoAudience
{
    Any,
    Hospital,
    Insurer,
}

/// <summary>
/// A message with slots such as <c>{org}</c> and <c>{minutes}</c> (see <see cref="DemoTextWriter"/>).
/// <see cref="ExpectedLabel"/> is how a human reads the text; the tests check how the product's scorer reads
/// the catalogues against it (DemoTemplateTests).
/// </summary>
internal sealed record DemoTemplate(
    string Text,
    DemoIntent Intent,
    DemoAudience Audience = DemoAudience.Any,
    DemoFormats Formats = DemoFormats.Social,
    bool English = false)
{
    public SentimentLabel ExpectedLabel => Intent switch
    {
        DemoIntent.Complaint => SentimentLabel.Negative,
        DemoIntent.Praise => SentimentLabel.Positive,
        _ => SentimentLabel.Neutral,
    };

    public bool Suits(DemoOrganisationKind kind) => Audience switch
    {
        DemoAudience.Hospital => kind == DemoOrganisationKind.Hospital,
        DemoAudience.Insurer => kind == DemoOrganisationKind.Insurer,
        _ => true,
    };

    // Short factories so the catalogues read as lists of texts.
    public static DemoTemplate Complaint(string text, DemoAudience audience = DemoAudience.Any, DemoFormats formats = DemoFormats.Social, bool english = false) =>
        new(text, DemoIntent.Complaint, audience, formats, english);

    public static DemoTemplate Praise(string text, DemoAudience audience = DemoAudience.Any, DemoFormats formats = DemoFormats.Social, bool english = false) =>
        new(text, DemoIntent.Praise, audience, formats, english);

    public static DemoTemplate Question(string text, DemoAudience audience = DemoAudience.Any, DemoFormats formats = DemoFormats.Social, bool english = false) =>
        new(text, DemoIntent.Question, audience, formats, english);

    public static DemoTemplate Info(string text, DemoAudience audience = DemoAudience.Any, DemoFormats formats = DemoFormats.Social, bool english = false) =>
        new(text, DemoIntent.Info, audience, formats, english);
}
