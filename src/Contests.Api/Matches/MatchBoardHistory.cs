using Contests.Api.Leaderboards;
using Marten;

namespace Contests.Api.Matches;

/// <summary>A match round's board as it stood at a past instant, rebuilt from the event store (the audit trail), not from the projection.</summary>
public static class MatchBoardHistory
{
    public static async Task<MatchBoard?> AsOf(IQuerySession session, MatchRound round, DateTimeOffset instant, CancellationToken cancellationToken)
    {
        // The round's own stream, one stream per match code it scheduled (their ids derive from the codes) and the
        // board's freeze, so versions count as the live board's do.
        var streams = round.Schedule.Select(match => Match.IdFor(round.RoundId, match.Code))
            .Append(MatchRound.IdFor(round.RoundId))
            .Append(BoardFreeze.StreamFor(MatchBoard.Kind, round.RoundId))
            .ToArray();
        return MatchBoardProjection.Fold(await Leaderboards.AsOf.EventsUpTo(session, streams, instant, cancellationToken));
    }
}
