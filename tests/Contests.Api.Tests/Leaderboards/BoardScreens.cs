using System.Text.Json.Serialization;
using Contests.Api.Leaderboards;
using Contests.Api.Matches;
using Contests.Api.Tests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Contests.Api.Tests.Leaderboards;

/// <summary>A screen following a match board over the test host's hub, collecting every update it receives.</summary>
public sealed class BoardScreen(HubConnection connection) : IAsyncDisposable
{
    private readonly List<BoardUpdate<MatchRoundView>> updates = [];
    private readonly SemaphoreSlim arrived = new(0);

    public static async Task<BoardScreen> Follow(AppFixture app, string board, SignedInSession? organiser = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Host.Server.BaseAddress, LiveHub.Path), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => app.Host.Server.CreateHandler();
                if (organiser is not null)
                {
                    options.Headers["Cookie"] = organiser.Cookie;
                }
            })
            .AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        var screen = new BoardScreen(connection);
        connection.On<BoardUpdate<MatchRoundView>>(LiveHub.BoardUpdated, update =>
        {
            lock (screen.updates)
            {
                screen.updates.Add(update);
            }

            screen.arrived.Release();
        });
        await connection.StartAsync();
        await connection.InvokeAsync(organiser is null ? "Subscribe" : "SubscribeLive", board);
        return screen;
    }

    public IReadOnlyList<BoardUpdate<MatchRoundView>> Updates
    {
        get
        {
            lock (updates)
            {
                return [.. updates];
            }
        }
    }

    /// <summary>Waits until an update satisfying the condition has arrived, and returns it.</summary>
    public async Task<BoardUpdate<MatchRoundView>> Until(Func<BoardUpdate<MatchRoundView>, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (Updates.LastOrDefault(condition) is { } found)
            {
                return found;
            }

            await arrived.WaitAsync(TimeSpan.FromSeconds(1));
        }

        throw new TimeoutException("The awaited board never arrived.");
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
