namespace Webcare.Realtime.Host.Health;

/// <summary>Asks a running host's <c>/health/ready</c> on its configured address; exit code 0 when ready.</summary>
public static class HealthProbe
{
    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(args.Where(a => a != "--healthcheck").ToArray())
            .Build();
        var url = (configuration["urls"] ?? "http://127.0.0.1:5080").Split(';')[0]
            .Replace("0.0.0.0", "127.0.0.1").Replace("[::]", "127.0.0.1").Replace("+", "127.0.0.1").Replace("*", "127.0.0.1");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(new Uri(new Uri(url), "/health/ready"));
            Console.WriteLine($"{(int)response.StatusCode} {response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Console.WriteLine($"unreachable: {ex.Message}");
            return 1;
        }
    }
}
