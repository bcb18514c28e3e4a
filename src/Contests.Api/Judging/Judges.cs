using Contests.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Judging;

/// <summary>Reading a contest's judges: the list and one judge, for organisers.</summary>
public static class Judges
{
    /// <summary>A judge of this contest who has not been removed, or the 404 to answer.</summary>
    public static async Task<(Judge? Judge, ProblemHttpResult? Refusal)> Find(
        IQuerySession session, Guid contestId, Guid judgeId, CancellationToken cancellationToken) =>
        await session.LoadAsync<Judge>(judgeId, cancellationToken) is { Removed: false } judge && judge.ContestId == contestId
            ? (judge, null)
            : (null, Problems.NotFound("judge-not-found"));

    public static async Task<IReadOnlyList<Judge>> Of(IQuerySession session, Guid contestId, CancellationToken cancellationToken)
    {
        var judges = await session.Query<Judge>().Where(judge => judge.ContestId == contestId && !judge.Removed).ToListAsync(cancellationToken);
        return judges.OrderBy(judge => judge.Name, Domain.Text.VietnameseText.Collation).ToList();
    }

    public static async Task<Results<Ok<IReadOnlyList<JudgeView>>, ProblemHttpResult>> List(
        Guid contestId, IQuerySession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Contests.Contest>(contestId, cancellationToken) is null)
        {
            return Problems.NotFound("contest-not-found");
        }

        return TypedResults.Ok<IReadOnlyList<JudgeView>>((await Of(session, contestId, cancellationToken)).Select(JudgeView.From).ToList());
    }

    public static async Task<Results<Ok<JudgeView>, StatusCodeHttpResult, ProblemHttpResult>> Get(
        Guid contestId, Guid judgeId, HttpContext httpContext, IQuerySession session, CancellationToken cancellationToken)
    {
        var (judge, refusal) = await Find(session, contestId, judgeId, cancellationToken);
        if (judge is null)
        {
            return refusal!;
        }

        if (ETags.Matches(httpContext, judge.Version))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        ETags.Write(httpContext, judge.Version);
        return TypedResults.Ok(JudgeView.From(judge));
    }
}
