using System.Diagnostics;
using System.Globalization;
using Contests.Testing;

namespace Contests.Benchmarks;

/// <summary>
/// Live boards under an audience of N screens (the `live` group): a head referee corrects a confirmed match result at a
/// steady rate through the HTTP API, and for every correction and every screen we measure the time from the HTTP
/// response acknowledging it to the screen holding the board version that contains it (pushed by the async daemon
/// through SignalR). The same N screens then watch a bare SignalR server broadcast a fixed message of the board's size
/// at the same rate: the transport's own figure, so the pipeline's cost reads as a ratio.
/// </summary>
public static class LiveBoards
{
    /// <summary>
    /// Scores per measured run: enough that the p99 over (score, screen) pairs is a percentile, not the single slowest
    /// score (each score reaches every screen at once, so with 40 scores one slow score was 2.5 % of the pairs).
    /// </summary>
    private const int ScoresPerRun = 200;
    private const int WarmUpScores = 20;
    private const double ScoresPerSecond = 4;
    private const int WarmUpScreens = 10;

    /// <summary>Room for versions beyond the run's own, when a post failed after its change was stored.</summary>
    private const int Slack = 10;

    /// <summary>N = 100, 1,000 and 5,000 unless BENCH_LIVE_CLIENTS lists others (e.g. "100,300" for a quick look).</summary>
    private static int[] Audiences =>
        Environment.GetEnvironmentVariable("BENCH_LIVE_CLIENTS") is { Length: > 0 } listed
            ? [.. listed.Split(',').Select(size => int.Parse(size, CultureInfo.InvariantCulture))]
            : [100, 1000, 5000];

    public static async Task<IReadOnlyList<string>> RunAsync(ServerProcess server, HttpClient organiser)
    {
        ThreadPool.SetMinThreads(64, 64); // thousands of screens in this one process: no ramp-up of the thread pool mid-run
        using var live = await LiveFinal.CreateAsync(server, organiser);
        var lines = new List<string> { $"bench board_message_kb {live.BoardBytes / 1024.0:F1} KiB" };
        await using var bare = await BareBroadcast.StartAsync(live.BoardBytes);
        using var poster = new HttpClient { BaseAddress = bare.BaseAddress };
        Task<(Figures Latency, double KibPerConnection, int Jumps)> Broadcast(int size, int scores = ScoresPerRun) =>
            Measure(bare.ProcessId, size, scores, bare.Hub, BareBroadcast.Message, BareBroadcast.Group, 0, laterVersionCovers: false,
                async score =>
                {
                    using var response = await poster.PostAsync(new Uri($"/broadcast/{score}", UriKind.Relative), null);
                    return response.IsSuccessStatusCode ? score : null;
                });

        // A warm-up pass, not reported: a process's first pushes pay its one-time costs (JIT of the push path, the
        // serializer's metadata for the board's types), which would otherwise land on whichever N is measured first.
        await live.MeasureAsync(WarmUpScreens, WarmUpScores);
        await Broadcast(WarmUpScreens, WarmUpScores);
        foreach (var size in Audiences)
        {
            var (board, boardMemory, jumps) = await live.MeasureAsync(size);
            var (transport, bareMemory, _) = await Broadcast(size);

            lines.AddRange(
            [
                $"bench board_p50_ms_{size} {board.P50:F1} ms",
                $"bench board_p99_ms_{size} {board.P99:F1} ms",
                $"bench board_max_ms_{size} {board.Max:F1} ms",
                $"bench board_first_screen_p50_ms_{size} {board.FirstScreenP50:F1} ms",
                $"bench board_lost_{size} {board.Lost} count",
                $"bench board_version_jumps_{size} {jumps} count",
                $"bench board_failed_posts_{size} {board.Failed} count",
                $"bench board_kb_per_connection_{size} {boardMemory:F1} KiB",
                $"bench bare_broadcast_p50_ms_{size} {transport.P50:F1} ms",
                $"bench bare_broadcast_p99_ms_{size} {transport.P99:F1} ms",
                $"bench bare_broadcast_max_ms_{size} {transport.Max:F1} ms",
                $"bench bare_broadcast_first_screen_p50_ms_{size} {transport.FirstScreenP50:F1} ms",
                $"bench bare_broadcast_lost_{size} {transport.Lost} count",
                $"bench bare_kb_per_connection_{size} {bareMemory:F1} KiB",
                $"bench board_to_bare_p99_ratio_{size} {board.P99 / Math.Max(transport.P99, 0.1):F1} ratio",
            ]);
            if (size == Audiences.Max())
            {
                lines.Add($"bench board_kb_per_connection {boardMemory:F1} KiB");
            }
        }

        // What waking the daemon on NOTIFY buys: the same run at the smallest audience on a server whose daemon only polls.
        await using var polling = await ServerProcess.StartAsync(ServerProcess.NewSchema("benchpoll"), new Dictionary<string, string> { ["Contests__WakeDaemonOnAppend"] = "false" });
        await polling.RunCommandAsync("create-organiser", BenchContest.OrganiserEmail, "Bench", BenchContest.OrganiserPassword);
        using var pollingOrganiser = await BenchContest.SignedInOrganiserAsync(polling.BaseAddress);
        var smallest = Audiences.Min();
        using var pollingLive = await LiveFinal.CreateAsync(polling, pollingOrganiser);
        await pollingLive.MeasureAsync(WarmUpScreens, WarmUpScores);
        var (polled, _, _) = await pollingLive.MeasureAsync(smallest);
        lines.Add($"bench board_polling_p50_ms_{smallest} {polled.P50:F1} ms");
        lines.Add($"bench board_polling_p99_ms_{smallest} {polled.P99:F1} ms");
        return lines;
    }

    /// <summary>A match final on one server, its first match confirmed, and the head referee who corrects it during a run.</summary>
    private sealed class LiveFinal(ServerProcess server, MatchFinal final, HttpClient referee, HttpClient anonymous, long matchVersion, int boardBytes)
        : IDisposable
    {
        private long matchVersion = matchVersion;

        public int BoardBytes { get; } = boardBytes;

        public static async Task<LiveFinal> CreateAsync(ServerProcess server, HttpClient organiser)
        {
            var final = await MatchFinal.CreateAsync(organiser, teams: 4);
            var referee = await MatchFinal.HeadRefereeAsync(organiser, server.BaseAddress);
            var anonymous = new HttpClient { BaseAddress = server.BaseAddress };
            var matchVersion = await final.ConfirmAsync(referee, final.FirstMatch, await final.SubmitAsync(referee, final.FirstMatch, 1, 0));
            var boardBytes = (await anonymous.GetByteArrayAsync(new Uri(final.Url + "/board", UriKind.Relative))).Length;
            return new LiveFinal(server, final, referee, anonymous, matchVersion, boardBytes);
        }

        /// <summary>
        /// Corrects the first match once per score: each correction is one new version of the match and of the board, so
        /// the match version the response carries says which board version holds it.
        /// </summary>
        public async Task<(Figures Latency, double KibPerConnection, int Jumps)> MeasureAsync(int size, int scores = ScoresPerRun)
        {
            var (baseMatch, baseBoard) = (matchVersion, await SettledVersion());
            return await Measure(server.ProcessId, size, scores, new Uri(server.BaseAddress, "/hubs/live"), "BoardUpdated", final.Board, baseBoard, laterVersionCovers: true,
                async score =>
                {
                    try
                    {
                        matchVersion = await final.CorrectAsync(referee, final.FirstMatch, matchVersion, score % 13, (score + 5) % 13);
                        return (int)(matchVersion - baseMatch);
                    }
                    catch (HttpRequestException)
                    {
                        // On this shared machine PostgreSQL sometimes runs out of connections: the run goes on from
                        // the match as stored, and the failure is counted.
                        matchVersion = await Patiently(() => final.MatchVersionAsync(referee, final.FirstMatch));
                        return null;
                    }
                });
        }

        public void Dispose()
        {
            referee.Dispose();
            anonymous.Dispose();
        }

        /// <summary>The board's version once the daemon has projected the latest correction: the base a run counts from.</summary>
        private async Task<long> SettledVersion()
        {
            while (true)
            {
                var board = await Patiently(() => final.BoardAsync(anonymous));
                if (board.GetProperty("matches").EnumerateArray().Any(match =>
                        match.GetProperty("code").GetString() == final.FirstMatch && match.GetProperty("version").GetInt64() == matchVersion))
                {
                    return board.GetProperty("version").GetInt64();
                }

                await Task.Delay(100);
            }
        }
    }

    /// <summary>Reads again until PostgreSQL, shared with other work on this machine, has a connection to spare.</summary>
    private static async Task<T> Patiently<T>(Func<Task<T>> read)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await read();
            }
            catch (HttpRequestException) when (attempt < 60)
            {
                await Task.Delay(500);
            }
        }
    }

    private sealed record Figures(double P50, double P99, double Max, double FirstScreenP50, int Lost, int Failed);

    /// <summary>Connects N screens, measures the server's memory per connection, posts the changes at the steady rate, collects the latencies.</summary>
    private static async Task<(Figures Latency, double KibPerConnection, int Jumps)> Measure(
        int serverProcess, int size, int scores, Uri hub, string message, string group, long baseVersion, bool laterVersionCovers, Func<int, Task<int?>> post)
    {
        var before = ExportAt10k.ResidentBytes(serverProcess);
        await using var audience = await Audience.ConnectAsync(hub, message, group, size, baseVersion, scores + Slack);
        await Task.Delay(TimeSpan.FromSeconds(2)); // let the server's connection buffers settle before reading its memory
        var perConnection = (ExportAt10k.ResidentBytes(serverProcess) - before) / 1024.0 / size;

        var acknowledged = new long[scores + Slack + 1];
        var (highest, failed) = (0, 0);
        var start = Stopwatch.GetTimestamp();
        for (var score = 1; score <= scores; score++)
        {
            var due = start + (long)((score - 1) / ScoresPerSecond * Stopwatch.Frequency);
            if (Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due) is { TotalMilliseconds: > 0 } wait)
            {
                await Task.Delay(wait);
            }

            if (await post(score) is int version && version < acknowledged.Length)
            {
                acknowledged[version] = Stopwatch.GetTimestamp();
                highest = Math.Max(highest, version);
            }
            else
            {
                failed++;
            }
        }

        await audience.SettleAsync(baseVersion + highest, TimeSpan.FromSeconds(30));
        var (milliseconds, firstScreen, lost) = audience.Latencies(acknowledged, laterVersionCovers);
        var figures = new Figures(Percentile(milliseconds, 0.50), Percentile(milliseconds, 0.99), Percentile(milliseconds, 1), Percentile(firstScreen, 0.50), lost, failed);
        return (figures, perConnection, audience.Jumps);
    }

    private static double Percentile(List<double> values, double fraction)
    {
        values.Sort();
        return values.Count == 0 ? double.NaN : values[Math.Clamp((int)Math.Ceiling(fraction * values.Count) - 1, 0, values.Count - 1)];
    }
}
