using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Contests.Testing;

/// <summary>
/// The real server, started the way `make run` starts it (the built Contests.Api.dll serving web/dist), on a free
/// loopback port and in schemas of its own on the shared PostgreSQL.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly string schema;
    private readonly StringWriter output = new();

    private ServerProcess(Process process, string schema, Uri baseAddress)
    {
        this.process = process;
        this.schema = schema;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Schema => schema;

    /// <summary>The server's process id, for benchmarks that watch its memory.</summary>
    public int ProcessId => process.Id;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("CONTESTS_DB") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : "Host=127.0.0.1;Port=5432;Database=contests;Username=contests;Password=contests";

    private static string ApiAssembly
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                ? "Release"
                : "Debug";
            return Path.Combine(RepositoryRoot, "src", "Contests.Api", "bin", configuration, "net10.0", "Contests.Api.dll");
        }
    }

    public static Task<ServerProcess> StartAsync(string schemaPrefix) => StartAsync(NewSchema(schemaPrefix), new Dictionary<string, string>());

    /// <summary>A schema name of its own for a server (or for the processes of one deployment, which share it).</summary>
    public static string NewSchema(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..20];

    /// <summary>
    /// Starts a server in the given schema with extra settings (environment variables such as <c>Contests__Redis</c>),
    /// so several processes of one deployment can share a database, each in its own role.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(string schema, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var info = StartInfo(schema, "--urls", $"http://127.0.0.1:{port}");
        foreach (var (name, value) in settings)
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the server");
        var server = new ServerProcess(process, schema, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, line) => server.output.WriteLine(line.Data);
        process.ErrorDataReceived += (_, line) => server.output.WriteLine(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilHealthy();
        }
        catch
        {
            // A server that never became healthy must not outlive the test run.
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Runs the server's own command line (e.g. create-organiser) against the same schemas.</summary>
    public async Task RunCommandAsync(params string[] arguments)
    {
        using var command = Process.Start(StartInfo(schema, arguments))!;
        var all = await command.StandardOutput.ReadToEndAsync() + await command.StandardError.ReadToEndAsync();
        await command.WaitForExitAsync();
        if (command.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{string.Join(' ', arguments)}` failed: {all}");
        }
    }

    private static ProcessStartInfo StartInfo(string schema, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The content root, where appsettings.json lives, as under `make run`.
            WorkingDirectory = Path.Combine(RepositoryRoot, "src", "Contests.Api"),
        };
        info.ArgumentList.Add(ApiAssembly);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["CONTESTS_DB"] = ConnectionString;
        info.Environment["Contests__Schema"] = schema;
        info.Environment["Contests__HangfireSchema"] = schema + "_hangfire";
        info.Environment["Contests__WebRoot"] = Path.Combine(RepositoryRoot, "web", "dist");
        // Every browser test signs in from 127.0.0.1; the per-address limit is tested in Contests.Api.Tests.
        info.Environment["Contests__SignInLimits__PermitsPerWindow"] = "1000";
        info.Environment["Contests__Files__Root"] = Path.Combine(DataFolder(schema), "files");
        info.Environment["Contests__Mail__Outbox"] = Path.Combine(DataFolder(schema), "outbox");
        return info;
    }

    /// <summary>Entry files and the e-mail outbox of this server, deleted with it.</summary>
    private static string DataFolder(string schema) => Path.Combine(Path.GetTempPath(), $"contests-{schema}");

    private async Task WaitUntilHealthy()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        // Generous: on a busy two-core machine the first start also creates every schema object.
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {process.ExitCode}:\n{output}");
            }

            try
            {
                if ((await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer within the timeout (a loaded CI machine).
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The server did not become healthy:\n{output}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Contests.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Contests.sln not found above the test assembly.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop schema if exists {schema} cascade; drop schema if exists {schema}_hangfire cascade;", connection);
        await drop.ExecuteNonQueryAsync();
        if (Directory.Exists(DataFolder(schema)))
        {
            Directory.Delete(DataFolder(schema), recursive: true);
        }
    }
}
