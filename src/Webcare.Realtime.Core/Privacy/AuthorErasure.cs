using System.Collections.Immutable;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Core.Wall;

namespace Webcare.Realtime.Core.Privacy;

/// <summary>
/// A GDPR erasure of one author of one source, as the state held outside the mention log needs it: who
/// (the handle matched without regard to case or a leading '@', as the log matches it), the conversations
/// their mentions belonged to (rebuilt from what remains) and the words of their texts (dropped from alert
/// explanations: a word the author wrote may be personal data, and a top term cannot be recounted without
/// the author's mentions). Dropping a word other people also wrote is the price of never keeping theirs.
/// </summary>
public sealed record AuthorErasure(string Source, string Handle, ImmutableArray<string> ConversationKeys, ImmutableArray<string> Words)
{
    /// <summary>What a case audit trail says instead of the author's handle.</summary>
    public const string Erased = "[verwijderd]";

    private readonly string _normalized = Normalize(Handle);
    private readonly ImmutableHashSet<string> _words = Words.ToImmutableHashSet(StringComparer.Ordinal);
    private readonly ImmutableHashSet<string> _conversations = ConversationKeys.ToImmutableHashSet(StringComparer.Ordinal);

    /// <summary>The erasure of an author whose deleted mentions had these texts and conversation keys.</summary>
    public static AuthorErasure Of(string source, string handle, IEnumerable<string> texts, IEnumerable<string> conversationKeys)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts) AlertTerms.None.Collect(text, words);
        return new AuthorErasure(source, handle, [.. conversationKeys.Distinct(StringComparer.Ordinal)], [.. words]);
    }

    /// <summary>The forms of a handle the log is searched for (lower case, with and without the '@').</summary>
    public static string[] HandleForms(string handle)
    {
        var bare = Normalize(handle);
        return [bare, "@" + bare];
    }

    public bool Wrote(string? source, string? handle) =>
        string.Equals(source, Source, StringComparison.OrdinalIgnoreCase) && handle is not null && Normalize(handle) == _normalized;

    public bool Wrote(Mention mention) => Wrote(mention.Source, mention.Author?.Handle);

    public bool Wrote(WallMention mention) => Wrote(mention.Source, mention.AuthorHandle);

    /// <summary>True for a conversation one of the author's mentions belonged to.</summary>
    public bool Touched(string conversationKey) => _conversations.Contains(conversationKey);

    /// <summary>An audit-trail "who" ("@handle") that names the author.</summary>
    public bool Names(string who) => Normalize(who) == _normalized;

    public ImmutableArray<WallMention> Without(ImmutableArray<WallMention> mentions) =>
        mentions.IsDefaultOrEmpty || !mentions.Any(Wrote) ? mentions : [.. mentions.Where(m => !Wrote(m))];

    public ImmutableArray<AlertTerm> Without(ImmutableArray<AlertTerm> terms) =>
        terms.IsDefaultOrEmpty || !terms.Any(t => _words.Contains(t.Term)) ? terms : [.. terms.Where(t => !_words.Contains(t.Term))];

    public bool IsWord(string term) => _words.Contains(term);

    /// <summary>The alert without the author's mentions and words in its explanation; the same instance when it had none.</summary>
    public Alert Scrub(Alert alert)
    {
        var first = Without(alert.FirstMentions);
        var shared = Without(alert.MostShared);
        var terms = Without(alert.TopTerms);
        return first == alert.FirstMentions && shared == alert.MostShared && terms == alert.TopTerms
            ? alert
            : alert with { FirstMentions = first, MostShared = shared, TopTerms = terms };
    }

    private static string Normalize(string handle) => handle.Trim().TrimStart('@').ToLowerInvariant();
}
