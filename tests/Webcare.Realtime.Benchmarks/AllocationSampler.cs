using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Webcare.Realtime.Benchmarks;

/// <summary>
/// Which types this process allocates, by the runtime's allocation sampling (an AllocationTick event about
/// every 100 KB, naming the type of the object that crossed the mark): a byte-weighted sample, cheap enough
/// to leave on during a phase. Turned on with <c>--allocations</c>; says where the GC's work comes from
/// without an external tracer.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytes = new();
    private volatile bool _recording;

    public void Start()
    {
        _bytes.Clear();
        _recording = true;
    }

    public void Stop() => _recording = false;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_recording || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null) return;
        var type = e.Payload![e.PayloadNames.IndexOf("TypeName")] as string ?? "?";
        var amountAt = e.PayloadNames.IndexOf("AllocationAmount64");
        var amount = amountAt >= 0 ? Convert.ToInt64(e.Payload[amountAt]) : Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount")]);
        _bytes.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }

    /// <summary>The types with the most sampled bytes, as bytes per mention.</summary>
    public void Print(long mentions, int top = 25)
    {
        var total = _bytes.Values.Sum();
        Console.WriteLine($"allocations by type (sampled, {total / Math.Max(1, mentions):N0} B per mention in all):");
        foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(top))
            Console.WriteLine($"  {bytes / Math.Max(1, mentions),8:N0} B/mention  {100.0 * bytes / total,5:F1} %  {type}");
    }
}
