using Contests.Api.Contests;
using Contests.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Awards;

public static class AwardsAccess
{
    /// <summary>The contest and its round, or the 404 to answer.</summary>
    public static async Task<(Contest? Contest, RoundDefinition? Round, ProblemHttpResult? Refusal)> Round(
        IQuerySession session, Guid contestId, Guid roundId, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Contest>(contestId, cancellationToken) is not { } contest)
        {
            return (null, null, Problems.NotFound("contest-not-found"));
        }

        return contest.Round(roundId) is { } round ? (contest, round, null) : (contest, null, Problems.NotFound("unknown-round"));
    }
}
