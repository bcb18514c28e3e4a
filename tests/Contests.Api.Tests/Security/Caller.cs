namespace Contests.Api.Tests.Security;

/// <summary>
/// Everyone who can call the API, in the order of the matrix's columns. Callers that are only "another" something
/// (a team of another contest, a judge not assigned to the entry) prove that the check is on the object, not the role.
/// A capability that adds a role (head judge, head referee) adds its callers here and a column to every row.
/// </summary>
public enum Caller
{
    Anonymous,
    TeamOfAnotherContest,
    Team,
    JudgeNotAssigned,
    Judge,
    HeadJudge,
    Referee,
    HeadReferee,
    DistrictOrganiserOfAnotherDistrict,
    DistrictOrganiser,
    OrganiserOfAnotherOrganisation,
    Organiser,
    PlatformAdmin,
}

/// <summary>What a caller gets from an endpoint.</summary>
public enum Outcome
{
    /// <summary>The request passed every access check: 2xx or 3xx, or a refusal about the request itself (400, 409, 412, 413, 422, 428).</summary>
    Allowed,

    /// <summary>401: sign in first.</summary>
    Unauthenticated,

    /// <summary>403: signed in, but not allowed this.</summary>
    Forbidden,

    /// <summary>404: the object is not visible to this caller at all (another organisation's id looks like a made-up one).</summary>
    Hidden,
}
