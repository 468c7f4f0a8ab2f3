using System.Collections.Concurrent;

namespace Webcare.Realtime.Grains.Tests;

/// <summary>
/// Counts incoming grain calls per "grainType.Method" and per "grainType/key.Method", to check how the
/// ingest routes a batch (per key where other tests' kept-alive grains call the same type on their timers).
/// </summary>
public sealed class GrainCallCounter : IIncomingGrainCallFilter
{
    public static readonly ConcurrentDictionary<string, int> Calls = new();

    public static int Count(string interfaceAndMethod) => Calls.GetValueOrDefault(interfaceAndMethod);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        Calls.AddOrUpdate($"{context.TargetId.Type}.{context.MethodName}", 1, (_, n) => n + 1);
        Calls.AddOrUpdate($"{context.TargetId}.{context.MethodName}", 1, (_, n) => n + 1);
        return context.Invoke();
    }
}
