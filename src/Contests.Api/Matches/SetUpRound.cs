using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Contests.Api.Registration;
using Contests.Domain.Matches;
using Contests.Domain.Registration;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Matches;

/// <summary>
/// The teams of the round in seed order. Without ids, the contest's approved teams by name (no seeding). When the
/// qualifying round's ranking exists (advancement between rounds), it is the order to send here.
/// </summary>
public sealed record MatchTeamsForm(IReadOnlyList<Guid>? TeamIds);

public static class SetUpRound
{
    /// <summary>Sets the round's game; the first time creates the round's stream (201), later changes need If-Match.</summary>
    public static async Task<Results<Created<MatchRoundView>, Ok<MatchRoundView>, ProblemHttpResult>> SetGame(
        Guid contestId, Guid roundId, GameForm request, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await MatchRounds.CheckRound(session, contestId, roundId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var violations = GameRules.Check(request);
        if (violations.Count > 0)
        {
            return Problems.Invalid(violations);
        }

        var set = new MatchGameSet(roundId, contestId, GameRules.Decide(request), Actor.From(httpContext.User), clock.GetUtcNow());
        if (await session.LoadAsync<MatchRound>(MatchRound.IdFor(roundId), cancellationToken) is null)
        {
            session.Events.StartStream<MatchRound>(MatchRound.IdFor(roundId), set);
            await session.SaveChangesAsync(cancellationToken);
            var created = MatchRound.Create(set);
            created.Version = 1;
            ETags.Write(httpContext, created.Version);
            return TypedResults.Created($"/api/contests/{contestId}/rounds/{roundId}/matches", MatchRoundView.From(created, [], created.Version));
        }

        var changed = await MatchRounds.Change(contestId, roundId, httpContext, session, (_, matches, _) =>
            Task.FromResult<(object?, ProblemHttpResult?)>(MatchRounds.RefuseOnceStarted(matches) is { } started ? (null, started) : (set, null)),
            cancellationToken);
        return changed.Result switch
        {
            Ok<MatchRoundView> ok => ok,
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException("unexpected result"),
        };
    }

    public static Task<Results<Ok<MatchRoundView>, ProblemHttpResult>> ChooseTeams(
        Guid contestId, Guid roundId, MatchTeamsForm request, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        MatchRounds.Change(contestId, roundId, httpContext, session, async (round, matches, actor) =>
        {
            if (round.Groups.Count > 0)
            {
                return (null, Problems.Refused(StatusCodes.Status409Conflict, "match-round-drawn"));
            }

            var (teams, violations) = await Decide(session, contestId, request, cancellationToken);
            return violations.Count > 0
                ? (null, Problems.Invalid(violations))
                : (new MatchTeamsChosen(roundId, teams, actor, clock.GetUtcNow()), null);
        }, cancellationToken);

    private static async Task<(IReadOnlyList<MatchTeam> Teams, IReadOnlyList<RuleViolation> Violations)> Decide(
        IQuerySession session, Guid contestId, MatchTeamsForm request, CancellationToken cancellationToken)
    {
        List<Team> teams;
        var violations = new List<RuleViolation>();
        if (request.TeamIds is { Count: > 0 } ids)
        {
            var found = (await session.LoadManyAsync<Team>(cancellationToken, ids.Distinct())).Where(team => team.ContestId == contestId).ToDictionary(team => team.Id);
            var seen = new HashSet<Guid>();
            for (var index = 0; index < ids.Count; index++)
            {
                var rule = !seen.Add(ids[index]) ? "duplicate-team"
                    : !found.TryGetValue(ids[index], out var team) ? "team-not-found"
                    : team.Status == TeamStatus.Withdrawn ? TeamLifecycle.AlreadyWithdrawn
                    : null;
                if (rule is not null)
                {
                    violations.Add(new RuleViolation($"teamIds[{index}]", rule));
                }
            }

            teams = ids.Distinct().Where(found.ContainsKey).Select(id => found[id]).ToList();
        }
        else
        {
            teams = (await session.Query<Team>().Where(team => team.ContestId == contestId && team.Status == TeamStatus.Approved).ToListAsync(cancellationToken))
                .OrderBy(team => team.Name, Domain.Text.VietnameseText.Collation).ToList();
        }

        if (violations.Count == 0 && teams.Count < 2)
        {
            violations.Add(new RuleViolation("teamIds", "too-few-match-teams"));
        }

        return (teams.Select(team => new MatchTeam(team.Id, team.Name, team.School, team.District)).ToList(), violations);
    }
}
