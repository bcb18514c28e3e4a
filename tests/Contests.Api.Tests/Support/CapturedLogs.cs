using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Contests.Api.Tests.Support;

/// <summary>
/// Every log line the host writes, at Information and above for every category (more than the app's own settings
/// let through, as an operator raising the level would), so tests can check that no secret ever reaches a log.
/// </summary>
[ProviderAlias(Alias)]
public sealed class CapturedLogs : ILoggerProvider
{
    public const string Alias = "Captured";

    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyCollection<string> Lines => lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> values ? string.Join(" ", values.Select(pair => $"{pair.Key}={pair.Value}")) : string.Empty;
            lines.Enqueue($"{logLevel} {category} {formatter(state, exception)} {structured} {exception}");
        }
    }
}
