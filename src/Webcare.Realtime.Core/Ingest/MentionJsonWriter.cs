using System.Buffers;
using System.Text.Json;
using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Core.Ingest;

/// <summary>Writes a mention in the ingest contract's JSON shape, the exact inverse of <see cref="MentionBatchParser"/>.</summary>
public static class MentionJsonWriter
{
    public static void Write(Utf8JsonWriter json, Mention mention)
    {
        json.WriteStartObject();
        json.WriteString("source", mention.Source);
        json.WriteString("id", mention.Id);
        json.WriteString("createdAt", mention.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"));
        if (mention.Author is { } author)
        {
            json.WriteStartObject("author");
            json.WriteString("handle", author.Handle);
            if (author.Name is not null) json.WriteString("name", author.Name);
            json.WriteNumber("followers", author.Followers);
            json.WriteEndObject();
        }
        json.WriteString("text", mention.Text);
        if (mention.Url is not null) json.WriteString("url", mention.Url);
        if (mention.ConversationId is not null) json.WriteString("conversationId", mention.ConversationId);
        if (mention.InReplyTo is not null) json.WriteString("inReplyTo", mention.InReplyTo);
        if (mention.SharedFrom is not null) json.WriteString("sharedFrom", mention.SharedFrom);
        if (mention.Metrics != MentionMetrics.None)
        {
            json.WriteStartObject("metrics");
            json.WriteNumber("likes", mention.Metrics.Likes);
            json.WriteNumber("shares", mention.Metrics.Shares);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    /// <summary>One NDJSON line (without the line break).</summary>
    public static byte[] ToLine(Mention mention)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer)) Write(json, mention);
        return buffer.WrittenSpan.ToArray();
    }
}
