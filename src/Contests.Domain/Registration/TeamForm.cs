namespace Contests.Domain.Registration;

public enum Gender
{
    Female,
    Male,
    Other,
}

/// <summary>A team's registration as the person typed it: every field may be missing until the rules say otherwise.</summary>
public sealed record TeamForm(
    string? Name,
    string? School,
    string? District,
    string? DivisionCode,
    string? ContactPhone,
    string? ContactEmail,
    IReadOnlyList<MemberForm>? Members,
    IReadOnlyList<MentorForm>? Mentors);

public sealed record MemberForm(string? FullName, DateOnly? DateOfBirth, int? Grade, Gender? Gender, string? Phone);

public sealed record MentorForm(string? FullName, string? Phone, string? Email);

/// <summary>
/// What the contest allows and what it already holds: <paramref name="MembersInOtherTeams"/> are the person keys
/// (<see cref="TeamRegistrationRules.PersonKey"/>) of members already registered in other teams of the contest.
/// </summary>
public sealed record RegistrationContext(
    IReadOnlyCollection<string> Districts,
    IReadOnlyCollection<string> DivisionCodes,
    EligibilityRules Rules,
    DateOnly Today,
    IReadOnlySet<string> MembersInOtherTeams);

public sealed record TeamSizeLimits(int MinMembers, int MaxMembers, int MinMentors, int MaxMentors)
{
    public static TeamSizeLimits Default { get; } = new(MinMembers: 1, MaxMembers: 10, MinMentors: 0, MaxMentors: 3);
}

/// <summary>One broken rule, named by the field path the form uses (e.g. <c>members[1].phone</c>) and a stable rule code.</summary>
public sealed record RuleViolation(string Field, string Rule, int? Limit = null);
