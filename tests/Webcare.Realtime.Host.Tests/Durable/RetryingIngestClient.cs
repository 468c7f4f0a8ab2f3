using System.Collections.Concurrent;
using System.Net;

namespace Webcare.Realtime.Host.Tests.Durable;

/// <summary>
/// What a well-behaved sender does: batches from a few workers, and every batch not acknowledged with 202
/// (a 503, a refused or cut connection) sent again after a short pause until it is. Records what it saw.
/// </summary>
internal sealed class RetryingIngestClient(Uri baseAddress, IReadOnlyList<string> batches, int workers = 4)
{
    private int _next = -1;
    private int _acknowledged;

    public int Acknowledged => Volatile.Read(ref _acknowledged);
    public ConcurrentDictionary<string, int> Outcomes { get; } = new();
    public ConcurrentBag<string> RetryAfterValues { get; } = [];

    public Task RunAsync(TimeSpan within) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(DateTime.UtcNow + within))));

    private async Task WorkAsync(DateTime deadline)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(15) };
        int index;
        while ((index = Interlocked.Increment(ref _next)) < batches.Count)
        {
            while (true)
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"batch {index} not acknowledged in time; outcomes: {Describe()}");
                var outcome = await SendAsync(http, batches[index]);
                Outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
                if (outcome == "202") break;
                await Task.Delay(200);
            }
            Interlocked.Increment(ref _acknowledged);
        }
    }

    private async Task<string> SendAsync(HttpClient http, string batch)
    {
        try
        {
            using var response = await DurableMentions.PostAsync(http, batch);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is { } retryAfter)
                RetryAfterValues.Add(retryAfter.ToString());
            return ((int)response.StatusCode).ToString();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return "no answer";
        }
    }

    public string Describe() => string.Join(", ", Outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}: {o.Value}"));
}
