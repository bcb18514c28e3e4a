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
    public Task BeforeCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) => Task.CompletedTask;

    public async Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        var changed = commit.Updated.Concat(commit.Inserted).ToList();
        foreach (var board in changed.OfType<DistrictBoard>())
        {
            await Push(board.TenantId, LiveHub.DistrictBoard(board.Id), board.Revision, DistrictBoardView.From(board), token);
        }

        foreach (var board in changed.OfType<MatchBoard>())
        {
            await Push(board.TenantId, board.Name(), board.Revision, board.View(), token);
        }
    }

    private async Task Push<T>(string? organisation, string name, long version, T data, CancellationToken token)
    {
        try
        {
            await hub.Clients.Group(LiveHub.Group(organisation ?? string.Empty, name)).SendAsync(LiveHub.BoardUpdated, new BoardUpdate<T>(name, version, data), token);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A failed push must not fail the projection: clients catch up from the snapshot on their next message or reconnect.
            logger.LogWarning(exception, "Could not push board {Board} version {Version}", name, version);
        }
    }
}
