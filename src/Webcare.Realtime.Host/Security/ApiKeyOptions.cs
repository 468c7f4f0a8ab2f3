namespace Webcare.Realtime.Host.Security;

/// <summary>Configuration section <c>Auth</c>: <c>Auth:Keys:0:Key</c>, <c>Auth:Keys:0:Tenant</c>, <c>Auth:Keys:0:Scopes:0</c>.</summary>
public sealed class AuthOptions
{
    public List<ApiKeyEntry> Keys { get; set; } = [];
}

public sealed class ApiKeyEntry
{
    public string Key { get; set; } = "";
    public string Tenant { get; set; } = "";
    public List<string> Scopes { get; set; } = [];

    /// <summary>Who uses this key (a person or a desk), recorded in the webcare audit trail.</summary>
    public string? Name { get; set; }
}

/// <summary>What a key may do. <see cref="Admin"/> may do everything.</summary>
public static class Scopes
{
    public const string Ingest = "ingest";
    public const string Read = "read";
    public const string Wall = "wall";
    /// <summary>Acting on webcare cases (assign, resolve, reopen, note) and switching crisis mode.</summary>
    public const string Webcare = "webcare";
    public const string Admin = "admin";

    public static readonly string[] All = [Ingest, Read, Wall, Webcare, Admin];
}
