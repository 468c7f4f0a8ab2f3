using System.Text.Json;
using System.Text.Unicode;
using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Core.Ingest;

/// <summary>
/// Reads a batch of mentions from a request body: a JSON array of objects, or NDJSON (one object per
/// line). A bad item refuses that item only, with its line number; only a body that cannot be read at all
/// (invalid UTF-8 or broken JSON in an array, not an array) throws <see cref="UnreadableBodyException"/>.
/// Pure: the clock is a parameter.
/// </summary>
public sealed class MentionBatchParser(IngestLimits limits)
{
    public ParsedBatch ParseNdjson(ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        body = WithoutByteOrderMark(body);
        var mentions = new List<Mention>();
        var errors = new List<IngestError>();
        var line = 0;
        var items = 0;
        while (!body.IsEmpty)
        {
            line++;
            var end = body.IndexOf((byte)'\n');
            var raw = end < 0 ? body : body[..end];
            body = end < 0 ? [] : body[(end + 1)..];
            if (raw.Length > 0 && raw[^1] == '\r') raw = raw[..^1];
            if (IsBlank(raw)) continue;
            if (++items > limits.MaxItemsPerBatch)
            {
                errors.Add(new IngestError(line, $"the batch holds more than {limits.MaxItemsPerBatch} items; send the rest in another batch"));
                break;
            }
            if (!Utf8.IsValid(raw))
            {
                errors.Add(new IngestError(line, "the line is not valid UTF-8"));
                continue;
            }
            var reader = new Utf8JsonReader(raw, new JsonReaderOptions { MaxDepth = limits.MaxJsonDepth });
            try
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    errors.Add(new IngestError(line, "expected a JSON object"));
                    continue;
                }
                var result = ReadMention(ref reader, now);
                if (reader.Read()) throw new JsonException("unexpected content after the object");
                Collect(result, line, mentions, errors);
            }
            catch (JsonException ex)
            {
                errors.Add(new IngestError(line, "not valid JSON: " + FirstSentence(ex.Message)));
            }
        }
        return new ParsedBatch(mentions, errors);
    }

    public ParsedBatch ParseJsonArray(ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        body = WithoutByteOrderMark(body);
        if (!Utf8.IsValid(body)) throw new UnreadableBodyException("the body is not valid UTF-8");
        var mentions = new List<Mention>();
        var errors = new List<IngestError>();
        var lines = new LineCounter();
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = limits.MaxJsonDepth + 1 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                throw new UnreadableBodyException("expected a JSON array of mentions (or send application/x-ndjson)");
            var items = 0;
            var complete = true;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var line = lines.LineAt(body, (int)reader.TokenStartIndex);
                if (++items > limits.MaxItemsPerBatch)
                {
                    errors.Add(new IngestError(line, $"the batch holds more than {limits.MaxItemsPerBatch} items; send the rest in another batch"));
                    complete = false;
                    break;
                }
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    errors.Add(new IngestError(line, "expected a JSON object"));
                    reader.Skip();
                    continue;
                }
                Collect(ReadMention(ref reader, now), line, mentions, errors);
            }
            // Only whitespace may follow the closing bracket (the reader throws on anything else).
            if (complete && reader.Read()) throw new JsonException("unexpected content after the array");
        }
        catch (JsonException ex)
        {
            throw new UnreadableBodyException($"the body is not valid JSON at line {ex.LineNumber + 1}: {FirstSentence(ex.Message)}");
        }
        return new ParsedBatch(mentions, errors);
    }

    private static void Collect(ItemResult result, int line, List<Mention> mentions, List<IngestError> errors)
    {
        if (result.Error is not null) errors.Add(new IngestError(line, result.Error));
        else mentions.Add(result.Mention!);
    }

    private readonly record struct ItemResult(Mention? Mention, string? Error);

    /// <summary>Reads one object (the reader on its StartObject, left on its EndObject) and validates it.</summary>
    private ItemResult ReadMention(ref Utf8JsonReader reader, DateTimeOffset now)
    {
        string? source = null, id = null, text = null, createdAtRaw = null, url = null;
        string? conversationId = null, inReplyTo = null, sharedFrom = null;
        Author? author = null;
        var metrics = MentionMetrics.None;
        string? error = null;

        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = GetStringOrNull(ref reader); // unreadable names are unknown names
            reader.Read();
            switch (name)
            {
                case "source": source = ReadString(ref reader, name, ref error); break;
                case "id": id = ReadString(ref reader, name, ref error); break;
                case "text": text = ReadString(ref reader, name, ref error); break;
                case "createdAt": createdAtRaw = ReadString(ref reader, name, ref error); break;
                case "url": url = ReadString(ref reader, name, ref error); break;
                case "conversationId": conversationId = ReadString(ref reader, name, ref error); break;
                case "inReplyTo": inReplyTo = ReadString(ref reader, name, ref error); break;
                case "sharedFrom": sharedFrom = ReadString(ref reader, name, ref error); break;
                case "author": author = ReadAuthor(ref reader, ref error); break;
                case "metrics": metrics = ReadMetrics(ref reader, ref error); break;
                default: reader.Skip(); break; // unknown fields are ignored, as documented
            }
        }
        if (error is not null) return new(null, error);

        if (string.IsNullOrWhiteSpace(source)) return new(null, "'source' is required");
        source = source.Trim().ToLowerInvariant();
        if (source.Length > 32 || !source.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.'))
            return new(null, "'source' must be 1 to 32 characters of a-z, 0-9, '-', '_' or '.'");
        if ((error = CheckId("id", id, required: true)) is not null) return new(null, error);
        if (string.IsNullOrWhiteSpace(text)) return new(null, "'text' is required and must not be empty");
        if (text.Length > limits.MaxTextLength)
            return new(null, $"'text' has {text.Length} characters; the limit is {limits.MaxTextLength}");
        // A text of nothing but control characters and bidi overrides is empty once they are removed.
        text = TextSanitizer.Clean(text);
        if (string.IsNullOrWhiteSpace(text)) return new(null, "'text' is required and must not be empty");
        if (createdAtRaw is null) return new(null, "'createdAt' is required");
        if (!TryParseTimestamp(createdAtRaw, out var createdAt))
            return new(null, $"'createdAt' must be an ISO 8601 time with a zone, like 2026-11-23T09:15:00Z (got \"{Truncate(createdAtRaw)}\")");
        if (createdAt - now > limits.MaxFutureSkew)
            return new(null, $"'createdAt' is {(createdAt - now).TotalMinutes:F0} minutes in the future; at most {limits.MaxFutureSkew.TotalMinutes:F0} minutes of clock skew is accepted");
        if (createdAt.UtcDateTime.Year < 2000) return new(null, "'createdAt' is before the year 2000");
        if ((error = CheckId("conversationId", conversationId, false) ?? CheckId("inReplyTo", inReplyTo, false)
                ?? CheckId("sharedFrom", sharedFrom, false)) is not null)
            return new(null, error);
        if (url is not null && (url.Length > 2048 || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https")))
            return new(null, "'url' must be an absolute http or https URL of at most 2048 characters");

        return new(new Mention(source, id!, createdAt.ToUniversalTime(), text)
        {
            Author = author,
            Url = url,
            ConversationId = conversationId,
            InReplyTo = inReplyTo,
            SharedFrom = sharedFrom,
            Metrics = metrics,
        }, null);
    }

    private string? CheckId(string field, string? value, bool required)
    {
        if (value is null) return required ? $"'{field}' is required" : null;
        if (value.Length == 0 || value.Length > limits.MaxIdLength)
            return $"'{field}' must be 1 to {limits.MaxIdLength} characters";
        if (TextSanitizer.HasControlCharacters(value)) return $"'{field}' must not contain control characters";
        if (string.IsNullOrWhiteSpace(value)) return $"'{field}' must not be blank";
        return null;
    }

    private static string? ReadString(ref Utf8JsonReader reader, string field, ref string? error)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType == JsonTokenType.String)
        {
            var value = GetStringOrNull(ref reader);
            if (value is null) error ??= $"'{field}' holds an unpaired surrogate (\\uD800-\\uDFFF) escape";
            return value;
        }
        error ??= $"'{field}' must be a string";
        reader.Skip();
        return null;
    }

    /// <summary>
    /// The string the reader is on, or null when it escapes an unpaired surrogate ("\ud800"): valid JSON
    /// syntax, but no valid string, and GetString throws InvalidOperationException rather than JsonException.
    /// </summary>
    private static string? GetStringOrNull(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static long ReadCount(ref Utf8JsonReader reader, string field, ref string? error)
    {
        if (reader.TokenType == JsonTokenType.Null) return 0;
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) && value >= 0) return value;
        error ??= $"'{field}' must be a whole number from 0 to {long.MaxValue}";
        reader.Skip();
        return 0;
    }

    private static Author? ReadAuthor(ref Utf8JsonReader reader, ref string? error)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            error ??= "'author' must be an object";
            reader.Skip();
            return null;
        }
        string? handle = null, name = null;
        long followers = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = GetStringOrNull(ref reader);
            reader.Read();
            switch (property)
            {
                case "handle": handle = ReadString(ref reader, "author.handle", ref error); break;
                case "name": name = ReadString(ref reader, "author.name", ref error); break;
                case "followers": followers = ReadCount(ref reader, "author.followers", ref error); break;
                default: reader.Skip(); break;
            }
        }
        handle = handle is null ? null : TextSanitizer.Clean(handle).Trim();
        if (string.IsNullOrWhiteSpace(handle))
        {
            error ??= "'author.handle' is required when 'author' is given";
            return null;
        }
        if (handle.Length > 128 || (name?.Length ?? 0) > 256)
        {
            error ??= "'author.handle' is limited to 128 and 'author.name' to 256 characters";
            return null;
        }
        return new Author(handle, name is null ? null : TextSanitizer.Clean(name), followers);
    }

    private static MentionMetrics ReadMetrics(ref Utf8JsonReader reader, ref string? error)
    {
        if (reader.TokenType == JsonTokenType.Null) return MentionMetrics.None;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            error ??= "'metrics' must be an object";
            reader.Skip();
            return MentionMetrics.None;
        }
        long likes = 0, shares = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = GetStringOrNull(ref reader);
            reader.Read();
            switch (property)
            {
                case "likes": likes = ReadCount(ref reader, "metrics.likes", ref error); break;
                case "shares": shares = ReadCount(ref reader, "metrics.shares", ref error); break;
                default: reader.Skip(); break;
            }
        }
        return new MentionMetrics(likes, shares);
    }

    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm'Z'",
    ];

    /// <summary>ISO 8601 with an explicit zone: a time without one is ambiguous (the Netherlands is UTC+1 or +2).</summary>
    public static bool TryParseTimestamp(string value, out DateTimeOffset result) =>
        DateTimeOffset.TryParseExact(WithAtMostSevenFractionDigits(value), TimestampFormats,
            System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out result);

    /// <summary>
    /// Go (RFC3339Nano) and Java (Instant) write up to nine fraction digits; .NET parses seven. The extra
    /// digits are below a tick (100 ns), so dropping them loses nothing a mention needs.
    /// </summary>
    private static string WithAtMostSevenFractionDigits(string value)
    {
        var dot = value.IndexOf('.', value.IndexOf('T') + 1);
        if (dot < 0 || value.IndexOf('T') < 0) return value;
        var end = dot + 1;
        while (end < value.Length && char.IsAsciiDigit(value[end])) end++;
        return end - dot - 1 <= 7 ? value : string.Concat(value.AsSpan(0, dot + 8), value.AsSpan(end));
    }

    /// <summary>Some Windows tools start a UTF-8 file with a byte order mark; JSON allows a reader to ignore it.</summary>
    private static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> body) =>
        body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? body[3..] : body;

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r')) return false;
        return true;
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message.TrimEnd('.');
    }

    /// <summary>Turns byte offsets into line numbers, scanning forward only once over a body.</summary>
    private struct LineCounter
    {
        private int _offset;
        private int _line;

        public int LineAt(ReadOnlySpan<byte> body, int offset)
        {
            if (_line == 0) _line = 1;
            if (offset > _offset)
            {
                _line += body[_offset..offset].Count((byte)'\n');
                _offset = offset;
            }
            return _line;
        }
    }
}
