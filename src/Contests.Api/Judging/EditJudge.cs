using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Infrastructure;
using Contests.Domain.Judging;
using Contests.Domain.Registration;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Judging;

/// <summary>Organisers correct a judge's name, contact, head-judge flag and affiliations (If-Match: two editors cannot overwrite each other).</summary>
public static class EditJudge
{
    public static (JudgeDetailsChanged? Changed, IReadOnlyList<RuleViolation> Violations) Decide(Judge judge, Contest contest, JudgeForm form, Actor actor, DateTimeOffset now)
    {
        var (added, violations) = AddJudge.Decide(judge.Id, contest, form, actor, now);
        return added is null
            ? (null, violations)
            : (new JudgeDetailsChanged(judge.Id, contest.Id, added.Name, added.Affiliations, added.Phone, added.Email, added.HeadJudge, actor, now), []);
    }

    public static async Task<Results<Ok<JudgeView>, ProblemHttpResult>> Handle(
        Guid contestId, Guid judgeId, JudgeForm request, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!ETags.TryReadExpectedVersion(httpContext, out var expectedVersion, out var refusal))
        {
            return refusal!;
        }

        var (judge, notFound) = await Judges.Find(session, contestId, judgeId, cancellationToken);
        if (judge is null)
        {
            return notFound!;
        }

        var contest = (await session.LoadAsync<Contest>(contestId, cancellationToken))!;
        var stream = await session.Events.FetchForWriting<Judge>(judgeId, expectedVersion, cancellationToken);
        var (changed, violations) = Decide(stream.Aggregate!, contest, request, Actor.From(httpContext.User), clock.GetUtcNow());
        if (changed is null)
        {
            return Problems.Invalid(violations);
        }

        stream.AppendOne(changed);
        var (saved, _) = await JudgedRounds.Save<Judge>(session, judgeId, cancellationToken);
        ETags.Write(httpContext, saved!.Version);
        return TypedResults.Ok(JudgeView.From(saved));
    }
}
