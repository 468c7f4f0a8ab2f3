namespace Webcare.Realtime.Cli;

/// <summary>"--name value" options and positional arguments, with errors that name the option.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public Arguments(string[] args, params string[] known)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (!known.Contains(args[i])) throw new ArgumentException($"unknown option '{args[i]}'");
                if (i + 1 >= args.Length) throw new ArgumentException($"option '{args[i]}' needs a value");
                _options[args[i]] = args[++i];
            }
            else Positional.Add(args[i]);
        }
    }

    public string? Get(string name) => _options.GetValueOrDefault(name);

    public int GetInt(string name, int fallback, int min = 1) =>
        Get(name) is not { } value ? fallback
        : int.TryParse(value, out var n) && n >= min ? n
        : throw new ArgumentException($"option '{name}' needs a whole number of at least {min}, not '{value}'");

    /// <summary>
    /// The input named by the single positional argument, or stdin for none or "-", as raw bytes: decoding
    /// here would hide invalid UTF-8 that the service refuses.
    /// </summary>
    public (Stream Stream, string Name) OpenInput()
    {
        if (Positional.Count > 1) throw new ArgumentException("give at most one input file");
        var path = Positional.FirstOrDefault();
        if (path is null or "-") return (Console.OpenStandardInput(), "<stdin>");
        if (!File.Exists(path)) throw new ArgumentException($"no such file: {path}");
        return (File.OpenRead(path), path);
    }
}
