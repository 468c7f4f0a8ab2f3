using System.Collections.Concurrent;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Webcare.Realtime.Host.Cluster;

/// <summary>
/// Grain state of the embedded single silo, in this process's memory. Orleans' memory storage keeps state in
/// grains of its own, and the silo deactivates those as it stops while other grains' save timers still run:
/// on Ctrl+C such saves failed with "No active nodes are compatible with grain memorystorage", in warnings
/// with stack traces. State that dies with the process anyway lives here until the process ends, and a save
/// costs no grain call. Stored serialized, as a database would, so no activation shares objects with an
/// earlier one, and ETags are checked as Orleans' own providers check them.
/// </summary>
public sealed class ProcessMemoryGrainStorage(IGrainStorageSerializer serializer, IActivatorProvider activators) : IGrainStorage
{
    private sealed record Stored(BinaryData Data, string ETag);

    private readonly ConcurrentDictionary<string, Stored> _states = new();

    public Task ReadStateAsync<T>(string grainType, GrainId grainId, IGrainState<T> grainState)
    {
        if (_states.TryGetValue(Key(grainType, grainId), out var stored))
            (grainState.State, grainState.ETag, grainState.RecordExists) =
                (serializer.Deserialize<T>(stored.Data) ?? activators.GetActivator<T>().Create(), stored.ETag, true);
        else
            (grainState.State, grainState.ETag, grainState.RecordExists) = (activators.GetActivator<T>().Create(), null, false);
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string grainType, GrainId grainId, IGrainState<T> grainState)
    {
        var key = Key(grainType, grainId);
        var next = new Stored(serializer.Serialize(grainState.State), Guid.NewGuid().ToString("N"));
        var written = grainState.ETag is null
            ? _states.TryAdd(key, next)
            : _states.TryGetValue(key, out var current) && current.ETag == grainState.ETag && _states.TryUpdate(key, next, current);
        if (!written) throw Conflict(key, grainState.ETag);
        (grainState.ETag, grainState.RecordExists) = (next.ETag, true);
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string grainType, GrainId grainId, IGrainState<T> grainState)
    {
        var key = Key(grainType, grainId);
        if (_states.TryGetValue(key, out var current))
        {
            if (current.ETag != grainState.ETag || !_states.TryRemove(KeyValuePair.Create(key, current))) throw Conflict(key, grainState.ETag);
        }
        (grainState.State, grainState.ETag, grainState.RecordExists) = (activators.GetActivator<T>().Create(), null, false);
        return Task.CompletedTask;
    }

    private static string Key(string grainType, GrainId grainId) => $"{grainType}/{grainId}";

    private InconsistentStateException Conflict(string key, string? etag) =>
        new($"The state of {key} changed since ETag {etag ?? "(none)"} was read", _states.TryGetValue(key, out var s) ? s.ETag : null, etag);
}
