using System.Diagnostics;
using Contests.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Contests.Benchmarks;

/// <summary>
/// The transport's own limit, for comparison with the live boards: a separate process (this program with the argument
/// <c>bare-server</c>) holding nothing but a SignalR hub, which on each POST sends one fixed message, as large as a
/// board, to one group — no database, no projection, no serialisation of a board.
/// </summary>
public sealed class BareBroadcast : IAsyncDisposable
{
    public const string Message = "Fixed";
    public const string Group = "bare";

    private readonly Process process;

    private BareBroadcast(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public Uri Hub => new(BaseAddress, "/hubs/bare");

    public int ProcessId => process.Id;

    /// <summary>Runs the bare server in this process until it is killed (the <c>bare-server</c> mode of Program).</summary>
    public static async Task ServeAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.ClearProviders();
        builder.Services.AddSignalR();
        var app = builder.Build();
        var payload = new string('x', builder.Configuration.GetValue<int>("PayloadBytes"));
        app.MapHub<BareHub>("/hubs/bare");
        app.MapGet("/health", () => "ok");
        // Acknowledged first, broadcast once the response is out: as with a board, the clock starts before the fan-out.
        app.MapPost("/broadcast/{version:long}", (long version, HttpContext http, IHubContext<BareHub> hub) =>
        {
            http.Response.OnCompleted(() => hub.Clients.Group(Group).SendAsync(Message, new { version, payload }));
            return Results.Ok();
        });
        await app.RunAsync();
    }

    public static async Task<BareBroadcast> StartAsync(int payloadBytes)
    {
        var port = ServerProcess.FreePort();
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { typeof(BareBroadcast).Assembly.Location, "bare-server", "--urls", $"http://127.0.0.1:{port}", "--PayloadBytes", $"{payloadBytes}" })
        {
            info.ArgumentList.Add(argument);
        }

        var server = new BareBroadcast(Process.Start(info)!, new Uri($"http://127.0.0.1:{port}"));
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 240; attempt++)
        {
            try
            {
                (await client.GetAsync(new Uri("/health", UriKind.Relative))).EnsureSuccessStatusCode();
                return server;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(250);
            }
        }

        await server.DisposeAsync();
        throw new TimeoutException("The bare SignalR server did not start.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}

/// <summary>The bare server's hub: screens join a group, nothing else.</summary>
public sealed class BareHub : Hub
{
    public Task Subscribe(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);
}
