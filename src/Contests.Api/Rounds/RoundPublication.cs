using Contests.Api.Contests;
using Marten;

namespace Contests.Api.Rounds;

/// <summary>
/// When a round's results become public. A judged round's are public from its publication time — read from the clock,
/// never from whether the publication job has run — and never while the round is cancelled or has no publication time.
/// A match round's results are public as they are played, so its awards are public once decided.
/// </summary>
public static class RoundPublication
{
    public static async Task<RoundPublicationState> Of(IQuerySession session, RoundDefinition round, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (round.Type == RoundType.Matches)
        {
            return new RoundPublicationState(true, null);
        }

        var schedule = await session.LoadAsync<RoundSchedule>(RoundSchedule.IdFor(round.Id), cancellationToken);
        return schedule is null || schedule.Cancelled
            ? new RoundPublicationState(false, null)
            : new RoundPublicationState(schedule.StateAt(now).Published, schedule.Times.PublishAt);
    }
}

/// <summary>Whether a round's results are public now, and when they are (or were) due to be.</summary>
public sealed record RoundPublicationState(bool Published, DateTimeOffset? PublishAt);
