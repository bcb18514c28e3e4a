using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Judging;

/// <summary>Organisers remove a judge added by mistake; a judge who still sits on a panel must leave it first.</summary>
public static class RemoveJudge
{
    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        Guid contestId, Guid judgeId, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
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

        var panels = await Panels.Of(session, contestId, cancellationToken);
        if (panels.Any(panel => panel.Members.Contains(judgeId)))
        {
            return Problems.Refused(StatusCodes.Status409Conflict, "judge-in-panel");
        }

        var stream = await session.Events.FetchForWriting<Judge>(judgeId, expectedVersion, cancellationToken);
        stream.AppendOne(new JudgeRemoved(judgeId, contestId, Actor.From(httpContext.User), clock.GetUtcNow()));
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
