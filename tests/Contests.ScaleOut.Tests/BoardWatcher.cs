using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace Contests.ScaleOut.Tests;

/// <summary>An audience screen in miniature: one SignalR connection subscribed to one board, keeping every update it receives.</summary>
public sealed class BoardWatcher : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly Channel<JsonElement> updates = Channel.CreateUnbounded<JsonElement>();

    private BoardWatcher(HubConnection connection)
    {
        this.connection = connection;
        connection.On<JsonElement>("BoardUpdated", update => updates.Writer.TryWrite(update));
    }

    public static async Task<BoardWatcher> ConnectAsync(Uri server, string board)
    {
        var watcher = new BoardWatcher(new HubConnectionBuilder().WithUrl(new Uri(server, "/hubs/live")).Build());
        await watcher.connection.StartAsync();
        await watcher.connection.InvokeAsync("Subscribe", board);
        return watcher;
    }

    /// <summary>The board's data from the first update that satisfies <paramref name="wanted"/>; generous for a loaded machine, never a timing assert.</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> wanted)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await foreach (var update in updates.Reader.ReadAllAsync(timeout.Token))
        {
            if (wanted(update.GetProperty("data")))
            {
                return update.GetProperty("data");
            }
        }

        throw new InvalidOperationException("The update stream ended.");
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
