namespace Webcare.Realtime.Testing;

/// <summary>The checkout's root (where Webcare.Realtime.sln is), for tests and benchmarks that read repository files.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Webcare.Realtime.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Webcare.Realtime.sln not found above {AppContext.BaseDirectory}");
    }
}
