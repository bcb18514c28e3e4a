using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Contests.Benchmarks;

/// <summary>Only the version of a pushed message: the board's data (or the fixed payload) is received but not kept.</summary>
public sealed record Numbered(long Version);

/// <summary>
/// N screens over loopback, each one SignalR connection (WebSockets, negotiation skipped as the deploy README
/// recommends) subscribed to one group. Every screen notes when it first held each version. A board push carries the
/// whole board, so a push that skips versions (the daemon committed several changes at once) is itself the snapshot the
/// screen would otherwise fetch: it holds every earlier change too. Such jumps are counted, not fetched again.
/// </summary>
public sealed class Audience : IAsyncDisposable
{
    private readonly Screen[] screens;

    private Audience(Screen[] screens) => this.screens = screens;

    /// <summary>Pushes that skipped versions, summed over the screens.</summary>
    public int Jumps => screens.Sum(screen => screen.Jumps);

    public static async Task<Audience> ConnectAsync(Uri hub, string message, string group, int count, long baseVersion, int versions)
    {
        var screens = Enumerable.Range(0, count).Select(_ => new Screen(hub, message, baseVersion, versions)).ToArray();
        await Parallel.ForEachAsync(screens, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (screen, token) => await screen.StartAsync(group, token));
        return new Audience(screens);
    }

    /// <summary>Waits until every screen holds <paramref name="version"/>, or gives up after <paramref name="patience"/>.</summary>
    public async Task SettleAsync(long version, TimeSpan patience)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(patience.TotalSeconds * Stopwatch.Frequency);
        while (screens.Any(screen => screen.Last < version) && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// For every version i acknowledged at <paramref name="acknowledged"/>[i] (the moment the HTTP response came back;
    /// 0 where the post failed) and every screen: the time until the screen first held a version ≥ i (a board holds
    /// every earlier change) or exactly i (a bare message holds only itself). Versions a screen never reached are lost.
    /// Also, per version, the wait of the first screen to hold it.
    /// </summary>
    public (List<double> Milliseconds, List<double> FirstScreen, int Lost) Latencies(long[] acknowledged, bool laterVersionCovers)
    {
        var milliseconds = new List<double>(screens.Length * (acknowledged.Length - 1));
        var first = new double[acknowledged.Length];
        Array.Fill(first, double.MaxValue);
        var lost = 0;
        foreach (var screen in screens)
        {
            var covered = long.MaxValue;
            for (var index = acknowledged.Length - 1; index >= 1; index--)
            {
                var held = screen.Held(index) is > 0 and var at ? at : long.MaxValue;
                covered = laterVersionCovers ? Math.Min(covered, held) : held;
                if (acknowledged[index] == 0)
                {
                    continue;
                }

                if (covered == long.MaxValue)
                {
                    lost++;
                    continue;
                }

                // A push can overtake the HTTP response on its way back to the poster; that counts as no wait at all.
                var waited = Math.Max(0, covered - acknowledged[index]) * 1000.0 / Stopwatch.Frequency;
                milliseconds.Add(waited);
                first[index] = Math.Min(first[index], waited);
            }
        }

        // The first screen to hold each version: the pipeline's own delay, before the fan-out to everyone else.
        return (milliseconds, [.. first.Where(waited => waited != double.MaxValue)], lost);
    }

    public async ValueTask DisposeAsync() =>
        await Parallel.ForEachAsync(screens, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (screen, _) => await screen.DisposeAsync());

    private sealed class Screen : IAsyncDisposable
    {
        private readonly HubConnection connection;
        private readonly long baseVersion;
        private readonly long[] held;
        private long last;

        public Screen(Uri hub, string message, long baseVersion, int versions)
        {
            this.baseVersion = baseVersion;
            last = baseVersion;
            held = new long[versions + 1];
            connection = new HubConnectionBuilder()
                .WithUrl(hub, options =>
                {
                    options.SkipNegotiation = true;
                    options.Transports = HttpTransportType.WebSockets;
                })
                .Build();
            connection.On<Numbered>(message, Receive);
        }

        public int Jumps { get; private set; }

        public long Last => Volatile.Read(ref last);

        public long Held(int index) => held[index];

        public async Task StartAsync(string group, CancellationToken token)
        {
            await connection.StartAsync(token);
            await connection.InvokeAsync("Subscribe", group, token);
        }

        // SignalR calls one connection's handlers one at a time, in order, so a screen's own state needs no lock.
        private void Receive(Numbered update)
        {
            var now = Stopwatch.GetTimestamp();
            if (update.Version > last + 1)
            {
                Jumps++;
            }

            var index = update.Version - baseVersion;
            if (index >= 1 && index < held.Length && held[index] == 0)
            {
                held[index] = now;
            }

            Volatile.Write(ref last, Math.Max(last, update.Version));
        }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
