using System.Security.Claims;

namespace Contests.Api.Access;

public static class Roles
{
    public const string Organiser = "Organiser";
    public const string Judge = "Judge";
    public const string Referee = "Referee";
    public const string Team = "Team";

    /// <summary>A judge who may also correct scores after judging locks; signs in with a code like any judge.</summary>
    public const string HeadJudge = "HeadJudge";

    /// <summary>Confirms or returns referees' match results and corrects confirmed ones, with a reason.</summary>
    public const string HeadReferee = "HeadReferee";

    /// <summary>An organiser for one district: manages and nominates that district's teams only.</summary>
    public const string DistrictOrganiser = "DistrictOrganiser";

    /// <summary>Runs the deployment: creates organisations and their first organiser; sees no organisation's data.</summary>
    public const string PlatformAdmin = "PlatformAdmin";

    /// <summary>The claim that scopes a district organiser.</summary>
    public const string DistrictClaim = "district";

    /// <summary>The organisation (tenant) a session belongs to; platform administrators' sessions carry none.</summary>
    public const string OrganisationClaim = "org";

    /// <summary>The session's id, checked on every request so that a revoked session ends at once.</summary>
    public const string SessionClaim = "sid";

    public static string? DistrictOf(ClaimsPrincipal user) =>
        user.IsInRole(DistrictOrganiser) ? user.FindFirstValue(DistrictClaim) : null;

    public static string? OrganisationOf(ClaimsPrincipal user) => user.FindFirstValue(OrganisationClaim);

    /// <summary>
    /// Roles that receive a personal sign-in code from an organiser rather than a password. A capability adding one
    /// (head judges, head referees) adds it here; the authorization matrix test then asks for its column.
    /// </summary>
    public static readonly IReadOnlySet<string> SignInByCode = new HashSet<string>(StringComparer.Ordinal) { Judge, HeadJudge, Referee, HeadReferee, Team };

    /// <summary>Roles of password accounts that an organiser may give to a colleague of the same organisation.</summary>
    public static readonly IReadOnlySet<string> OrganiserAccounts = new HashSet<string>(StringComparer.Ordinal) { Organiser, DistrictOrganiser };
}

/// <summary>Who did something, recorded on every event so "who changed this, when" is answerable years later.</summary>
public sealed record Actor(string Id, string Name, string Role)
{
    public static Actor Public { get; } = new("public", "public", "Public");

    public static Actor System { get; } = new("system", "system", "System");

    public static Actor From(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            ? new Actor(
                user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown",
                user.FindFirstValue(ClaimTypes.Name) ?? "unknown",
                user.FindFirstValue(ClaimTypes.Role) ?? "unknown")
            : Public;
}
