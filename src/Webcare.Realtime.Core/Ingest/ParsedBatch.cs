using Webcare.Realtime.Core.Model;

namespace Webcare.Realtime.Core.Ingest;

/// <summary>A line (1-based, in the request body) that was refused, and why.</summary>
public sealed record IngestError(int Line, string Message);

/// <summary>The mentions a body held that passed validation, and the lines that did not.</summary>
public sealed record ParsedBatch(IReadOnlyList<Mention> Mentions, IReadOnlyList<IngestError> Errors);

/// <summary>The body as a whole cannot be read (not JSON, not UTF-8, not an array): nothing in it was accepted.</summary>
public sealed class UnreadableBodyException(string message) : Exception(message);
