using System.Security.Claims;
using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Registration;

/// <summary>A team's own data is for that team's session, its district's organisers and province organisers.</summary>
public static class TeamAccess
{
    public static bool IsOrganiser(ClaimsPrincipal user) => user.IsInRole(Roles.Organiser);

    /// <summary>Province organisers, or district organisers when the district is theirs.</summary>
    public static bool OrganisesDistrict(ClaimsPrincipal user, string district) =>
        IsOrganiser(user) || (Roles.DistrictOf(user) is { } own && Domain.Text.VietnameseText.SameName(own, district));

    public static bool ActsAsOrganiser(ClaimsPrincipal user) => IsOrganiser(user) || user.IsInRole(Roles.DistrictOrganiser);

    public static bool IsTheTeam(ClaimsPrincipal user, Guid teamId) =>
        user.IsInRole(Roles.Team) && user.FindFirstValue(ClaimTypes.NameIdentifier) == teamId.ToString();

    /// <summary>Loads the team of this contest if the caller may see it; otherwise the 404 or 403 to answer.</summary>
    public static async Task<(Team? Team, ProblemHttpResult? Refusal)> Load(
        IQuerySession session, ClaimsPrincipal user, Guid contestId, Guid teamId, CancellationToken cancellationToken)
    {
        var districtOrganiser = Roles.DistrictOf(user) is not null;
        if (!IsOrganiser(user) && !districtOrganiser && !IsTheTeam(user, teamId))
        {
            return (null, Problems.Refused(StatusCodes.Status403Forbidden, "not-your-team"));
        }

        var team = await session.LoadAsync<Team>(teamId, cancellationToken);
        if (team is null || team.ContestId != contestId)
        {
            return (null, Problems.NotFound("team-not-found"));
        }

        return districtOrganiser && !OrganisesDistrict(user, team.District)
            ? (null, Problems.Refused(StatusCodes.Status403Forbidden, "not-your-district"))
            : (team, null);
    }
}
