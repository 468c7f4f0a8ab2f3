using System.Collections.Frozen;
using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Core.Webcare;

/// <summary>One of an organisation's own accounts: a source and a handle, e.g. <c>twitter:@ZiekenhuisX</c>.</summary>
public readonly record struct OwnAccount(string Source, string Handle)
{
    /// <summary>
    /// "source:handle". The source is lower-cased like ingest does; the handle loses a leading '@' and its
    /// case, because people and platforms write <c>@ZiekenhuisX</c>, <c>ziekenhuisx</c> and <c>ZiekenhuisX</c> alike.
    /// </summary>
    public static OwnAccount Parse(string text)
    {
        var colon = text.IndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
            throw new FormatException($"'{text}' is not an own account; write it as 'source:handle', e.g. 'twitter:@ZiekenhuisX'");
        var source = text[..colon].Trim().ToLowerInvariant();
        var handle = NormalizeHandle(text[(colon + 1)..]);
        if (source.Length == 0 || handle.Length == 0 || source.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            throw new FormatException($"'{text}' is not an own account; write it as 'source:handle', e.g. 'twitter:@ZiekenhuisX'");
        return new OwnAccount(source, handle);
    }

    public static string NormalizeHandle(string handle) => handle.Trim().TrimStart('@').Trim().ToLowerInvariant();

    public override string ToString() => $"{Source}:{Handle}";
}

/// <summary>
/// A tenant's own accounts. A mention written by one of them is the organisation speaking: a response to a
/// conversation, never public sentiment about the organisation.
/// </summary>
public sealed class OwnAccounts
{
    public static readonly OwnAccounts None = new([]);

    private readonly FrozenSet<string> _keys;

    public OwnAccounts(IEnumerable<OwnAccount> accounts)
    {
        Accounts = [.. accounts.Distinct()];
        _keys = Accounts.Select(a => a.ToString()).ToFrozenSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<OwnAccount> Accounts { get; }

    public bool IsEmpty => _keys.Count == 0;

    /// <summary>Throws <see cref="FormatException"/> naming the first entry that does not parse.</summary>
    public static OwnAccounts Parse(IEnumerable<string> entries) => new(entries.Select(OwnAccount.Parse));

    public bool Contains(string source, string? handle) =>
        handle is not null && _keys.Count > 0 && _keys.Contains($"{source}:{OwnAccount.NormalizeHandle(handle)}");

    public bool IsOwn(Mention mention) => Contains(mention.Source, mention.Author?.Handle);
}
