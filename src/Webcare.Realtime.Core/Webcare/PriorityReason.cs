using System.Text.Json.Serialization;

namespace Webcare.Realtime.Core.Webcare;

/// <summary>
/// One reason of a case's priority as a stable code with its figures, beside the Dutch text: a wall or another
/// client says it in its own language. Codes are kebab-case and never change meaning; a client that does not
/// know a code shows <see cref="Text"/>.
/// </summary>
/// <param name="Code">
/// <c>privacy</c>, <c>medical-error</c>, <c>personal-data-in-public</c>, <c>reach</c> (<see cref="Count"/> followers),
/// <c>shared</c> (<see cref="Count"/> shares), <c>very-negative</c>, <c>negative</c>, <c>question</c>,
/// <c>spreading</c> (<see cref="Count"/> people), <c>reopened</c>, <c>sla-breached</c>, <c>sla-due-soon</c>,
/// <c>waiting</c> (the last three with <see cref="WaitedMinutes"/>).
/// </param>
/// <param name="Text">The reason in Dutch, as in <see cref="WebcareQueueItem.PriorityReasons"/>.</param>
public sealed record PriorityReason(string Code, string Text)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Count { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? WaitedMinutes { get; init; }
}
