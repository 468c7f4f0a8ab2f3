namespace Webcare.Realtime.Core.Demo;

public enum DemoIncidentKind
{
    /// <summary>"Datalek": patients' or customers' data got out.</summary>
    DataLeak,

    /// <summary>"SEH gesloten": a hospital's emergency department closes for hours.</summary>
    EmergencyDepartmentClosed,
}

/// <summary>
/// One scheduled incident in the demo feed, known in advance so detection code can measure how long it took
/// to notice it. <see cref="Organisation"/> is also the name of that organisation's topic in
/// <see cref="DemoFeed.DefaultTopics"/>, and <see cref="ThemeTopic"/> the name of the matching theme topic.
/// </summary>
/// <param name="Onset">When the extra volume starts and the spreading conversation's root is posted.</param>
/// <param name="End">When the extra volume stops; replies and shares of the spreading conversation trail on.</param>
/// <param name="RootId">The id, and conversation id, of the root complaint that spreads.</param>
public sealed record DemoIncident(
    DemoIncidentKind Kind,
    string Organisation,
    DateTimeOffset Onset,
    DateTimeOffset End,
    string Source,
    string RootId)
{
    public string ThemeTopic => Kind == DemoIncidentKind.DataLeak ? DemoTopics.DataLeak : DemoTopics.EmergencyDepartment;

    /// <summary>The root's <see cref="Model.Mention.ConversationKey"/>, as conversation aggregates key it.</summary>
    public string ConversationKey => $"{Source}:{RootId}";
}

/// <summary>
/// One scheduled tone shift in the demo feed: from <see cref="Onset"/> to <see cref="End"/> most of the
/// organisation's ordinary posts are complaints, at its usual volume. <see cref="Organisation"/> is also its
/// topic's name.
/// </summary>
public sealed record DemoToneShift(string Organisation, DateTimeOffset Onset, DateTimeOffset End);
