namespace Webcare.Realtime.Core.Model;

/// <summary>
/// One public message about an organisation, as it arrived from a source. Immutable: it crosses grain
/// calls without being copied (see the Grains project's serialization set-up).
/// </summary>
public sealed record Mention(string Source, string Id, DateTimeOffset CreatedAt, string Text)
{
    public Author? Author { get; init; }
    public string? Url { get; init; }

    /// <summary>The thread this mention belongs to; a root mention's conversation is its own id.</summary>
    public string? ConversationId { get; init; }

    public string? InReplyTo { get; init; }
    public string? SharedFrom { get; init; }
    public MentionMetrics Metrics { get; init; } = MentionMetrics.None;

    public MentionKey Key => new(Source, Id);

    /// <summary>
    /// The conversation this mention counts towards: the explicit conversation id, else the message it
    /// answers or shares, else itself. Scoped by source because ids are only unique within a source.
    /// </summary>
    public string ConversationKey => $"{Source}:{ConversationRoot.Id}";

    /// <summary>The conversation as a key, without building the string: for hashing on hot paths.</summary>
    public MentionKey ConversationRoot => new(Source, ConversationId ?? InReplyTo ?? SharedFrom ?? Id);

    public bool IsReply => InReplyTo is not null;
    public bool IsShare => SharedFrom is not null;
}

public sealed record Author(string Handle, string? Name, long Followers);

public sealed record MentionMetrics(long Likes, long Shares)
{
    public static readonly MentionMetrics None = new(0, 0);
}

/// <summary>A mention's identity: the same source and id is the same mention, however often it is posted.</summary>
public readonly record struct MentionKey(string Source, string Id)
{
    public override string ToString() => $"{Source}/{Id}";
}
