using System.Collections.Concurrent;
using Contests.Api.Matches;
using Contests.Api.Registration;
using Marten;
using Marten.Services;
using Microsoft.AspNetCore.SignalR;

namespace Contests.Api.Leaderboards;

/// <summary>
/// Listens to the async daemon's commits and pushes every board it changed to that board's SignalR group only.
/// It runs after the commit, so a client never sees a board the database does not hold.
/// </summary>
public sealed class BoardPublisher(IHubContext<LiveHub> hub, ILogger<BoardPublisher> logger) : IChangeListener
{
    /// <summary>
    /// The version last pushed per board. The daemon commits several events at once, so versions of consecutive pushes
    /// are not consecutive numbers; each push names the one it follows. Only the daemon's process publishes (Solo
    /// mode), so memory is enough: after a restart the first push of a board follows nothing known and screens refetch.
    /// </summary>
    private readonly ConcurrentDictionary<string, long> pushed = new();

    public Task BeforeCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) => Task.CompletedTask;

    public async Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        var changed = commit.Updated.Concat(commit.Inserted).ToList();
        foreach (var board in changed.OfType<DistrictBoard>())
        {
            await Push(board.TenantId ?? string.Empty, LiveHub.DistrictBoard(board.Id), board.Revision, DistrictBoardView.From(board), null, token);
        }

        foreach (var board in changed.OfType<MatchBoard>())
        {
            await Push(board.TenantId ?? string.Empty, board.Name(), board.Revision, board.PublicView(), board.View(), token);
        }
    }

    /// <summary>Pushes the public board, and the live one to organisers when a freeze makes them differ.</summary>
    private async Task Push<T>(string organisation, string name, long version, T data, T? live, CancellationToken token)
    {
        var key = LiveHub.Group(organisation, name);
        long? previous = pushed.TryGetValue(key, out var last) ? last : null;
        if (previous >= version)
        {
            return; // a rebuild replaying what screens already hold
        }

        pushed[key] = version;
        try
        {
            await hub.Clients.Group(key).SendAsync(LiveHub.BoardUpdated, new BoardUpdate<T>(name, version, previous, data), token);
            await hub.Clients.Group(LiveHub.OrganiserGroup(organisation, name)).SendAsync(LiveHub.BoardUpdated, new BoardUpdate<T>(name, version, previous, live ?? data), token);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A failed push must not fail the projection: clients notice the broken chain and catch up from the snapshot.
            logger.LogWarning(exception, "Could not push board {Board} version {Version}", name, version);
        }
    }
}
