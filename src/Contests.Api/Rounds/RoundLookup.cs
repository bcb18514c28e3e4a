using Contests.Api.Contests;
using Contests.Api.Infrastructure;
using Contests.Api.Registration;
using Contests.Domain.Registration;
using Contests.Domain.Rounds;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Rounds;

/// <summary>Finding a contest's round, and which teams may take part in it.</summary>
public static class RoundLookup
{
    /// <summary>The contest and its round, or the 404 to answer.</summary>
    public static async Task<(Contest? Contest, RoundDefinition? Round, ProblemHttpResult? Refusal)> Find(
        IQuerySession session, Guid contestId, Guid roundId, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Contest>(contestId, cancellationToken) is not { } contest)
        {
            return (null, null, Problems.NotFound("contest-not-found"));
        }

        return contest.Round(roundId) is { } round
            ? (contest, round, null)
            : (contest, null, Problems.NotFound("round-not-found"));
    }

    /// <summary>
    /// What every change to a judged round's schedule starts with: the If-Match version, the round, and that it is a
    /// judged round (the only kind with a schedule); or the refusal to answer.
    /// </summary>
    public static async Task<(RoundDefinition? Round, long ExpectedVersion, ProblemHttpResult? Refusal)> JudgedRoundToSchedule(
        HttpContext httpContext, IQuerySession session, Guid contestId, Guid roundId, CancellationToken cancellationToken)
    {
        if (!ETags.TryReadExpectedVersion(httpContext, out var expectedVersion, out var noVersion))
        {
            return (null, 0, noVersion);
        }

        var (_, round, notFound) = await Find(session, contestId, roundId, cancellationToken);
        return round is null ? (null, 0, notFound)
            : round.Type != RoundType.JudgedSubmissions ? (null, 0, Problems.Refused(StatusCodes.Status409Conflict, "round-takes-no-entries"))
            : (round, expectedVersion, null);
    }

    public static RoundDefinition? Previous(Contest contest, RoundDefinition round) =>
        contest.Rounds.Where(other => other.Order < round.Order).MaxBy(other => other.Order);

    public static RoundDefinition? Next(Contest contest, RoundDefinition round) =>
        contest.Rounds.Where(other => other.Order > round.Order).MinBy(other => other.Order);

    /// <summary>
    /// Null when every team of the contest that has not withdrawn may take part. A round that follows one with an
    /// advancement rule takes only the teams that advanced from it (and still hold that advancement).
    /// </summary>
    public static async Task<IReadOnlySet<Guid>?> AdvancedFromPrevious(
        IQuerySession session, Contest contest, RoundDefinition round, CancellationToken cancellationToken)
    {
        if (Previous(contest, round) is not { } previous ||
            await session.LoadAsync<RoundSchedule>(RoundSchedule.IdFor(previous.Id), cancellationToken) is not { } schedule ||
            schedule.Advancement.Kind == AdvancementKind.None)
        {
            return null;
        }

        var advancement = await session.LoadAsync<RoundAdvancement>(RoundAdvancement.IdFor(previous.Id), cancellationToken);
        return (advancement?.Advanced ?? []).Select(team => team.TeamId).ToHashSet();
    }

    /// <summary>The teams that may take part in the round, in Vietnamese order of their names.</summary>
    public static async Task<IReadOnlyList<Team>> EligibleTeams(
        IQuerySession session, Contest contest, RoundDefinition round, CancellationToken cancellationToken)
    {
        var restriction = await AdvancedFromPrevious(session, contest, round, cancellationToken);
        var teams = await session.Query<Team>()
            .Where(team => team.ContestId == contest.Id && team.Status != TeamStatus.Withdrawn)
            .ToListAsync(cancellationToken);
        return teams.Where(team => restriction is null || restriction.Contains(team.Id))
            .OrderBy(team => team.Name, Domain.Text.VietnameseText.Collation)
            .ToList();
    }
}
