using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Webcare.Realtime.Grains.Contracts;
using Webcare.Realtime.Host.Security;
using Webcare.Realtime.Ingestion;

namespace Webcare.Realtime.Host.Wall;

/// <summary>
/// <c>/hubs/wall</c>, for keys with the <c>wall</c> scope. Server to client: <c>snapshot</c> (on every
/// connect, and on request) and <c>frame</c> (at most a few a second, from <see cref="WallBroadcaster"/>).
/// Client to server: <c>RequestSnapshot</c>, <c>GetProfile(name)</c>. A connection only ever joins its own
/// tenant's group: no method takes a tenant or a group, and a profile of another tenant is refused.
/// </summary>
public sealed class WallHub(IGrainFactory grains, IOptions<WallOptions> options) : Hub
{
    public static string GroupOf(string tenant) => "tenant:" + tenant;

    public override async Task OnConnectedAsync()
    {
        // Join first, then snapshot: a frame that races the snapshot is repeated, never lost (the page de-duplicates).
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(Context.User!.Tenant()));
        await RequestSnapshot();
        WebcareMetrics.WallConnected();
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        WebcareMetrics.WallDisconnected();
        return base.OnDisconnectedAsync(exception);
    }

    public async Task RequestSnapshot()
    {
        var snapshot = await grains.GetGrain<IWallFeedGrain>(Context.User!.Tenant()).GetSnapshotAsync();
        await Clients.Caller.SendAsync("snapshot", snapshot);
    }

    /// <summary>
    /// The saved profile (topics and sources) a wall opened with <c>?profile=name</c> shows. The page filters
    /// with it; resolving it here keeps profiles in configuration and keeps other tenants' profiles out.
    /// </summary>
    public WallProfile GetProfile(string name) =>
        WallProfiles.Find(options.Value, name, Context.User!.Tenant())
        ?? throw new HubException($"There is no wall profile '{name}' for this wall.");
}
