using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Contests.Domain.Registration;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Judging;

public sealed record IssueJudgeCodeRequest(int? ValidForHours);

/// <summary>
/// Issues a judge's personal sign-in code (link and QR code). The code's principal is the judge's id, so every request
/// made with the session it opens knows which judge is signed in; a head judge's code signs in with the HeadJudge role.
/// </summary>
public static class IssueJudgeCode
{
    public static string RoleOf(Judge judge) => judge.HeadJudge ? Roles.HeadJudge : Roles.Judge;

    public static async Task<Results<Created<IssuedSignInCode>, ProblemHttpResult>> Handle(
        Guid contestId, Guid judgeId, IssueJudgeCodeRequest? request, HttpContext httpContext, IDocumentSession session, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var validForHours = request?.ValidForHours ?? SignInCodes.DefaultValidForHours;
        if (validForHours is < 1 or > SignInCodes.MaxValidForHours)
        {
            return Problems.Invalid([new RuleViolation("validForHours", "validity-out-of-range")]);
        }

        var (judge, notFound) = await Judges.Find(session, contestId, judgeId, cancellationToken);
        if (judge is null)
        {
            return notFound!;
        }

        var role = RoleOf(judge);
        var (code, expiresAt) = await SignInCodes.IssueAsync(
            session, role, judge.Name, TimeSpan.FromHours(validForHours), Actor.From(httpContext.User), clock.GetUtcNow(), judge.Id, cancellationToken);
        var url = SignInCodes.SignInUrl(httpContext.Request, session.TenantId, role, code);
        return TypedResults.Created($"/api/access/sign-in-codes/{code}", new IssuedSignInCode(code, url, expiresAt, SignInCodes.QrSvg(url)));
    }
}
