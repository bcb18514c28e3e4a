using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Contests.Api.Registration;
using Contests.Domain.Registration;
using Contests.Domain.Setup;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Contests;

public static class SetRegistrationRules
{
    public static async Task<Results<Ok<ContestView>, ProblemHttpResult>> Handle(
        Guid contestId,
        RegistrationRulesForm request,
        HttpContext httpContext,
        IDocumentSession session,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!ETags.TryReadExpectedVersion(httpContext, out var expectedVersion, out var refusal))
        {
            return refusal!;
        }

        if (await session.LoadAsync<Contest>(contestId, cancellationToken) is not { } current)
        {
            return Problems.NotFound("contest-not-found");
        }

        var violations = RegistrationRulesSetup.Check(request, current.Divisions.Select(division => division.Code).ToList());
        if (violations.Count > 0)
        {
            return Problems.Invalid(violations);
        }

        var stream = await session.Events.FetchForWriting<Contest>(contestId, expectedVersion, cancellationToken);
        var now = clock.GetUtcNow();
        var (window, rules) = RegistrationRulesSetup.Decide(request);
        var set = new RegistrationRulesSet(contestId, window, rules, Actor.From(httpContext.User), now);
        stream.AppendOne(set);
        var updated = stream.Aggregate!.Apply(set);
        await FlagTeamsAgainst(session, updated, now, cancellationToken);
        await session.SaveChangesAsync(cancellationToken);

        updated.Version = expectedVersion + 1;
        ETags.Write(httpContext, updated.Version);
        return TypedResults.Ok(ContestView.From(updated));
    }

    /// <summary>
    /// Re-checks every team against the new rules in the same transaction: a team that now breaks one is flagged with
    /// the reasons, one that no longer does is cleared. Nobody's registration disappears because a rule moved.
    /// </summary>
    private static async Task FlagTeamsAgainst(IDocumentSession session, Contest contest, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var teams = await session.Query<Team>().Where(team => team.ContestId == contest.Id).ToListAsync(cancellationToken);
        var sharedMembers = teams.SelectMany(team => team.MemberKeys).CountBy(key => key)
            .Where(pair => pair.Value > 1).Select(pair => pair.Key).ToHashSet();
        var context = contest.RegistrationContext(now, sharedMembers);
        foreach (var team in teams)
        {
            var violations = TeamRegistrationRules.Check(team.ToForm(), context);
            if (violations.Count > 0 && !violations.SequenceEqual(team.Flags))
            {
                session.Events.Append(team.Id, new TeamFlagged(team.Id, violations, now));
            }
            else if (violations.Count == 0 && team.Flags.Count > 0)
            {
                session.Events.Append(team.Id, new TeamFlagsCleared(team.Id, now));
            }
        }
    }
}
