using System.Diagnostics;
using System.Globalization;
using Contests.Testing;

namespace Contests.ScaleOut.Tests;

/// <summary>
/// A Redis server of the test's own on a free loopback port, installed and started by infra/redis.sh as `make redis`
/// does (from Debian's packages when missing), and shut down when disposed.
/// </summary>
public sealed class RedisProcess : IAsyncDisposable
{
    private RedisProcess(int port) => Port = port;

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisProcess> StartAsync()
    {
        var redis = new RedisProcess(ServerProcess.FreePort());
        var (code, output) = await Run(Path.Combine(ServerProcess.RepositoryRoot, "infra", "redis.sh"), redis.Port);
        return code == 0 ? redis : throw new InvalidOperationException($"infra/redis.sh failed ({code}):\n{output}");
    }

    public async ValueTask DisposeAsync() => await Run("redis-cli", Port, "-p", Port.ToString(CultureInfo.InvariantCulture), "shutdown", "nosave");

    private static async Task<(int Code, string Output)> Run(string command, int port, params string[] arguments)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.Environment["CONTESTS_REDIS_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }
}
