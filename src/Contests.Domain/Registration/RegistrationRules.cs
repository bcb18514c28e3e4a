namespace Contests.Domain.Registration;

/// <summary>When teams may register and edit: opens and closes at instants given in Vietnam's local time.</summary>
public sealed record RegistrationWindow(DateTimeOffset OpensAt, DateTimeOffset ClosesAt)
{
    /// <summary>Null when <paramref name="now"/> is inside the window, otherwise the rule that refuses the request.</summary>
    public string? Refusal(DateTimeOffset now) =>
        now < OpensAt ? RegistrationRule.NotOpenYet
        : now >= ClosesAt ? RegistrationRule.Closed
        : null;
}

public sealed record GradeRange(int Min, int Max)
{
    public bool Contains(int grade) => grade >= Min && grade <= Max;
}

/// <summary>Member fields a contest may make compulsory on its form, beyond the name and a birth date or grade.</summary>
public enum MemberField
{
    DateOfBirth,
    Grade,
    Gender,
    Phone,
}

/// <summary>
/// Who may form a team: sizes for the contest, a grade range per division, whether a student may be in two teams,
/// and which member fields the contest's form requires.
/// </summary>
public sealed record EligibilityRules(
    TeamSizeLimits TeamSize,
    IReadOnlyDictionary<string, GradeRange> GradesByDivision,
    bool MemberMayJoinSeveralTeams,
    IReadOnlyList<MemberField>? RequiredMemberFields = null)
{
    public static EligibilityRules Default { get; } = new(TeamSizeLimits.Default, new Dictionary<string, GradeRange>(), false);

    public bool Requires(MemberField field) => RequiredMemberFields?.Contains(field) == true;

    public GradeRange? GradesFor(string? divisionCode) =>
        divisionCode is not null && GradesByDivision.TryGetValue(divisionCode.ToUpperInvariant(), out var range) ? range : null;
}
