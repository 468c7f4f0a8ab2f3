namespace Webcare.Realtime.Core.Analysis.Topics;

/// <summary>What the field filters of a topic query test: the mention's source, language and author handle.</summary>
public readonly record struct MentionFields(string? Source, TextLanguage Language, string? AuthorHandle);
