using Contests.Api.Leaderboards;
using Marten;

namespace Contests.Api.Matches;

/// <summary>The match board may be frozen: its rankings are the group tables.</summary>
public sealed class MatchBoardFreezing : IFreezableBoard
{
    public string Kind => MatchBoard.Kind;

    public async Task<int?> RevealSteps(IQuerySession session, Guid contestId, Guid boardId, CancellationToken cancellationToken)
    {
        // A board exists from the moment the round's game is set.
        if (await MatchRounds.CheckRound(session, contestId, boardId, cancellationToken) is not null
            || await session.LoadAsync<MatchRound>(MatchRound.IdFor(boardId), cancellationToken) is null)
        {
            return null;
        }

        return await session.LoadAsync<MatchBoard>(boardId, cancellationToken) is { } board ? MatchBoard.Steps(board.View()) : 0;
    }
}
