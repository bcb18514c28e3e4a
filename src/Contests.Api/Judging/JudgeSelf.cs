using System.Security.Claims;
using Contests.Api.Contests;
using Contests.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Judging;

public sealed record JudgeSelfPanel(Guid PanelId, Guid RoundId, string RoundName, string Name);

/// <summary>The signed-in judge as their tablet needs them: who they are, in which contest, on which panels.</summary>
public sealed record JudgeSelfView(Guid JudgeId, Guid ContestId, string ContestName, string Name, bool HeadJudge, IReadOnlyList<JudgeSelfPanel> Panels);

public static class JudgeSelf
{
    /// <summary>The judge profile the session's sign-in code was issued for; null when the session is not a judge's.</summary>
    public static async Task<Judge?> SignedIn(ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var judgeId)
        && await session.LoadAsync<Judge>(judgeId, cancellationToken) is { Removed: false } judge
            ? judge
            : null;

    public static async Task<Results<Ok<JudgeSelfView>, ProblemHttpResult>> Handle(HttpContext httpContext, IQuerySession session, CancellationToken cancellationToken)
    {
        if (await SignedIn(httpContext.User, session, cancellationToken) is not { } judge)
        {
            return Problems.NotFound("judge-not-found");
        }

        var contest = (await session.LoadAsync<Contest>(judge.ContestId, cancellationToken))!;
        var panels = (await Panels.Of(session, judge.ContestId, cancellationToken))
            .Where(panel => panel.Members.Contains(judge.Id) && contest.Round(panel.RoundId) is not null)
            .Select(panel => new JudgeSelfPanel(panel.Id, panel.RoundId, contest.Round(panel.RoundId)!.Name, panel.Name))
            .OrderBy(panel => contest.Round(panel.RoundId)!.Order)
            .ToList();
        return TypedResults.Ok(new JudgeSelfView(judge.Id, contest.Id, contest.Name, judge.Name, judge.HeadJudge, panels));
    }
}
