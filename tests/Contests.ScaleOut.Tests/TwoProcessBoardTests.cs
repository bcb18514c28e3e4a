using System.Text.Json;
using Contests.Testing;

namespace Contests.ScaleOut.Tests;

/// <summary>
/// The deployment of infra/deploy on one machine, for real: one Redis, one process running the projection daemon and
/// Hangfire beside HTTP, one process serving HTTP and SignalR only, both on the same database schema. Board pushes
/// start in the daemon's process; the Redis backplane carries them to the screens connected to the other.
/// </summary>
public sealed class TwoProcessBoardTests
{
    [Fact]
    public async Task a_result_posted_to_one_process_reaches_the_screens_connected_to_the_other_through_redis()
    {
        await using var redis = await RedisProcess.StartAsync();
        var schema = ServerProcess.NewSchema("scale");
        var keys = Directory.CreateTempSubdirectory("contests-keys-");
        try
        {
            // The daemon's process first: it creates the schema, which the API process then finds in place.
            await using var daemonProcess = await ServerProcess.StartAsync(schema, Settings(redis, keys, runsDaemon: true));
            await using var apiProcess = await ServerProcess.StartAsync(schema, Settings(redis, keys, runsDaemon: false));
            await daemonProcess.RunCommandAsync("create-organiser", MatchFinal.OrganiserEmail, "Ban Tổ chức", MatchFinal.OrganiserPassword);

            using var organiser = await MatchFinal.OrganiserAsync(daemonProcess.BaseAddress);
            var final = await MatchFinal.CreateAsync(organiser, teams: 2);
            var code = final.FirstMatch;
            await using var screenOnApi = await BoardWatcher.ConnectAsync(apiProcess.BaseAddress, final.Board);
            await using var screenOnDaemon = await BoardWatcher.ConnectAsync(daemonProcess.BaseAddress, final.Board);

            // Submitted to the daemon's process: pushed there, and through Redis to the screen on the API process.
            using var refereeOnDaemon = await MatchFinal.HeadRefereeAsync(organiser, daemonProcess.BaseAddress);
            var submitted = await final.SubmitAsync(refereeOnDaemon, code, redSeeds: 3, blueSeeds: 1);
            foreach (var screen in new[] { screenOnApi, screenOnDaemon })
            {
                var board = await screen.WaitForAsync(data => Status(data, code) == "AwaitingConfirmation");
                Assert.Equal(30, Match(board, code).GetProperty("score").GetProperty("red").GetProperty("points").GetInt32());
            }

            // Confirmed through the API process, which runs no daemon: the daemon's process still projects it and
            // the push comes back to both screens.
            using var refereeOnApi = await MatchFinal.HeadRefereeAsync(organiser, apiProcess.BaseAddress);
            await final.ConfirmAsync(refereeOnApi, code, submitted);
            foreach (var screen in new[] { screenOnApi, screenOnDaemon })
            {
                var board = await screen.WaitForAsync(data => Status(data, code) == "Confirmed");
                Assert.True(Match(board, code).GetProperty("official").GetBoolean());
            }

            // What was pushed is what either process serves as the snapshot.
            using var anonymous = new HttpClient { BaseAddress = apiProcess.BaseAddress };
            Assert.Equal("Confirmed", Status(await final.BoardAsync(anonymous), code));
        }
        finally
        {
            keys.Delete(recursive: true);
        }
    }

    /// <summary>What each role of infra/deploy/README.md sets, here on loopback with the test's own Redis and key folder.</summary>
    private static Dictionary<string, string> Settings(RedisProcess redis, DirectoryInfo keys, bool runsDaemon) => new()
    {
        ["Contests__Redis"] = redis.Configuration,
        ["Contests__DataProtectionKeys"] = keys.FullName,
        ["Contests__RunProjectionDaemon"] = runsDaemon ? "true" : "false",
        ["Contests__RunJobServer"] = runsDaemon ? "true" : "false",
    };

    private static JsonElement Match(JsonElement board, string code) =>
        board.GetProperty("matches").EnumerateArray().Single(match => match.GetProperty("code").GetString() == code);

    private static string? Status(JsonElement board, string code) => Match(board, code).GetProperty("status").GetString();
}
