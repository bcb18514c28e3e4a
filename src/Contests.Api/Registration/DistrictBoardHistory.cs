using Marten;

namespace Contests.Api.Registration;

/// <summary>A contest's district board as it stood at a past instant, rebuilt from the event store, not from the projection.</summary>
public static class DistrictBoardHistory
{
    public static async Task<DistrictBoard?> AsOf(IQuerySession session, Guid contestId, DateTimeOffset instant, CancellationToken cancellationToken)
    {
        // The contest's own stream and every team stream of the contest (a withdrawn team keeps its document), in the
        // order they were appended, so versions count as the live board's do.
        var teams = await session.Query<Team>().Where(team => team.ContestId == contestId).Select(team => team.Id).ToListAsync(cancellationToken);
        var streams = teams.Append(contestId).ToArray();
        return DistrictBoardProjection.Fold(await Leaderboards.AsOf.EventsUpTo(session, streams, instant, cancellationToken));
    }
}
