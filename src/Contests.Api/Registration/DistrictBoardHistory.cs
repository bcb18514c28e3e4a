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
        var events = await session.Events.QueryAllRawEvents()
            .Where(entry => streams.Contains(entry.StreamId) && entry.Timestamp <= instant)
            .OrderBy(entry => entry.Sequence)
            .ToListAsync(cancellationToken);
        return DistrictBoardProjection.Fold(events.Select(entry => entry.Data));
    }
}
