namespace Webcare.Realtime.Core.Analysis;

/// <summary>A monitored subject: a name shown on the wall and the keyword query that selects its mentions.</summary>
public sealed record TopicDefinition(string Name, string Query);
