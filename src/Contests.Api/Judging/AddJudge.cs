using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Infrastructure;
using Contests.Domain.Judging;
using Contests.Domain.Registration;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Judging;

/// <summary>Organisers add a judge to a contest with the affiliations conflict-of-interest checks will read.</summary>
public static class AddJudge
{
    public static (JudgeAdded? Added, IReadOnlyList<RuleViolation> Violations) Decide(Guid judgeId, Contest contest, JudgeForm form, Actor actor, DateTimeOffset now)
    {
        var judge = JudgeProfiles.Normalise(form, contest.Districts);
        var violations = JudgeProfiles.Check(judge);
        return violations.Count > 0
            ? (null, violations)
            : (new JudgeAdded(judgeId, contest.Id, judge.Name!, Affiliations(judge), judge.Phone, judge.Email, judge.HeadJudge!.Value, actor, now), []);
    }

    public static JudgeAffiliations Affiliations(JudgeForm normalised) => new(normalised.Schools!, normalised.Districts!, normalised.Organisations!);

    public static async Task<Results<Created<JudgeView>, ProblemHttpResult>> Handle(
        Guid contestId, JudgeForm request, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Contest>(contestId, cancellationToken) is not { } contest)
        {
            return Problems.NotFound("contest-not-found");
        }

        var judgeId = Idempotency.NewStreamId(httpContext, $"add-judge/{contestId}");
        if (await session.LoadAsync<Judge>(judgeId, cancellationToken) is { } alreadyAdded)
        {
            Idempotency.MarkReplayed(httpContext);
            return Created(httpContext, alreadyAdded);
        }

        var (added, violations) = Decide(judgeId, contest, request, Actor.From(httpContext.User), clock.GetUtcNow());
        if (added is null)
        {
            return Problems.Invalid(violations);
        }

        session.Events.StartStream<Judge>(judgeId, added);
        var (saved, _) = await JudgedRounds.Save<Judge>(session, judgeId, cancellationToken);
        if (saved is null)
        {
            // The same Idempotency-Key raced in twice: the other request added the judge.
            Idempotency.MarkReplayed(httpContext);
            saved = (await session.LoadAsync<Judge>(judgeId, cancellationToken))!;
        }

        return Created(httpContext, saved);
    }

    private static Created<JudgeView> Created(HttpContext httpContext, Judge judge)
    {
        ETags.Write(httpContext, judge.Version);
        return TypedResults.Created($"/api/contests/{judge.ContestId}/judges/{judge.Id}", JudgeView.From(judge));
    }
}
