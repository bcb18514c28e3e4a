using System.Security.Claims;
using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Registration;

/// <summary>A team's own data is for that team's session and for organisers; everybody else is refused.</summary>
public static class TeamAccess
{
    public static bool IsOrganiser(ClaimsPrincipal user) => user.IsInRole(Roles.Organiser);

    public static bool IsTheTeam(ClaimsPrincipal user, Guid teamId) =>
        user.IsInRole(Roles.Team) && user.FindFirstValue(ClaimTypes.NameIdentifier) == teamId.ToString();

    /// <summary>Loads the team of this contest if the caller may see it; otherwise the 404 or 403 to answer.</summary>
    public static async Task<(Team? Team, ProblemHttpResult? Refusal)> Load(
        IQuerySession session, ClaimsPrincipal user, Guid contestId, Guid teamId, CancellationToken cancellationToken)
    {
        if (!IsOrganiser(user) && !IsTheTeam(user, teamId))
        {
            return (null, Problems.Refused(StatusCodes.Status403Forbidden, "not-your-team"));
        }

        var team = await session.LoadAsync<Team>(teamId, cancellationToken);
        return team is null || team.ContestId != contestId
            ? (null, Problems.NotFound("team-not-found"))
            : (team, null);
    }
}
