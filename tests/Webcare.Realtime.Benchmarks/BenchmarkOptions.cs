namespace Webcare.Realtime.Benchmarks;

/// <summary>The benchmarks' one way to read <c>--name value</c> options.</summary>
internal static class BenchmarkOptions
{
    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
