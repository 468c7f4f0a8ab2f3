namespace Webcare.Realtime.Core.Analysis;

/// <summary>The languages the analysis reads; everything else is <see cref="Other"/>.</summary>
public enum TextLanguage
{
    Other = 0,
    Dutch = 1,
    English = 2,
}

public static class TextLanguageCodes
{
    public static string Code(this TextLanguage language) => language switch
    {
        TextLanguage.Dutch => "nl",
        TextLanguage.English => "en",
        _ => "other",
    };
}
