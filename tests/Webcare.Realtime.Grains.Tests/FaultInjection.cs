using System.Collections.Concurrent;

namespace Webcare.Realtime.Grains.Tests;

/// <summary>Makes calls to chosen grains fail, to test what the ingest does when a grain is unavailable.</summary>
public sealed class FaultInjection : IIncomingGrainCallFilter
{
    public static readonly ConcurrentDictionary<string, bool> FailingKeys = new();

    public Task Invoke(IIncomingGrainCallContext context)
    {
        var key = context.TargetId.Key.ToString();
        if (key is not null && FailingKeys.ContainsKey(key))
            throw new InvalidOperationException($"injected failure for grain '{key}'");
        return context.Invoke();
    }
}
