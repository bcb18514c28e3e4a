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
        foreach (var board in commit.Updated.Concat(commit.Inserted).OfType<DistrictBoard>())
        {
            var name = LiveHub.DistrictBoard(board.Id);
            try
            {
                await hub.Clients.Group(LiveHub.Group(board.TenantId ?? string.Empty, name)).SendAsync(
                    LiveHub.BoardUpdated, new BoardUpdate<DistrictBoardView>(name, board.Revision, DistrictBoardView.From(board)), token);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A failed push must not fail the projection: clients catch up from the snapshot on their next message or reconnect.
                logger.LogWarning(exception, "Could not push board {Board} version {Version}", name, board.Revision);
            }
        }
    }
}
