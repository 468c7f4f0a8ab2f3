using System.Collections.Immutable;
using Webcare.Realtime.Core.Alerts;
using Webcare.Realtime.Core.Privacy;

namespace Webcare.Realtime.Grains.Contracts;

/// <summary>One per tenant: its alerts, fed by the watched series, read and acknowledged by operators.</summary>
[Alias("webcare.alert-book")]
public interface IAlertBookGrain : IGrainWithStringKey
{
    Task RecordAsync(ImmutableArray<AlertSignal> signals);

    Task<ImmutableArray<Alert>> GetAsync();

    /// <summary>Resolves spreading-conversation alerts that nothing updated for half an hour (also on the grain's own timer).</summary>
    Task ResolveQuietAsync();

    /// <summary>Null for an unknown id; a resolved alert comes back unchanged.</summary>
    Task<Alert?> AcknowledgeAsync(string id);

    /// <summary>GDPR erasure: forget the author's mentions and words (see <see cref="AuthorErasure"/>).</summary>
    Task EraseAsync(AuthorErasure erasure);
}
