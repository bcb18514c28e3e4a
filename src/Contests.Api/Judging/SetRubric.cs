using Contests.Api.Access;
using Contests.Domain.Judging;
using Contests.Domain.Registration;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Judging;

/// <summary>Organisers set a judged round's rubric: its ordered criteria with maximum, step, weight and divisions.</summary>
public static class SetRubric
{
    public static (RubricSet? Set, IReadOnlyList<RuleViolation> Violations) Decide(
        JudgedRound judged, RoundJudging current, RubricForm form, Actor actor, DateTimeOffset now)
    {
        var (rubric, violations) = JudgingSetup.ReadRubric(form, judged.DivisionCodes, current.Settings);
        return rubric is null ? (null, violations) : (new RubricSet(judged.Contest.Id, judged.Round.Id, rubric.Criteria, actor, now), []);
    }

    public static Task<Results<Ok<RoundJudgingView>, ProblemHttpResult>> Handle(
        Guid contestId, Guid roundId, RubricForm request, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        JudgedRounds.Change(contestId, roundId, httpContext, session,
            (judged, current) => Decide(judged, current, request, Actor.From(httpContext.User), clock.GetUtcNow()),
            cancellationToken);
}
