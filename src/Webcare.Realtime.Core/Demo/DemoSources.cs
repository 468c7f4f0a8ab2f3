namespace Webcare.Realtime.Core.Demo;

/// <summary>The sources the demo feed writes as; the values are what <see cref="Model.Mention.Source"/> holds.</summary>
internal static class DemoSources
{
    public const string Twitter = "twitter";
    public const string Facebook = "facebook";
    public const string Instagram = "instagram";
    public const string Forum = "forum";
    public const string Reviews = "reviews";
    public const string News = "news";
}
