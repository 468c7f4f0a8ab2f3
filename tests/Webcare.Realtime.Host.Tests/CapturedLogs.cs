using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Webcare.Realtime.Host.Tests;

/// <summary>Keeps every log line a host writes (message and exception), to check what never may appear in logs.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public readonly ConcurrentQueue<string> Lines = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
