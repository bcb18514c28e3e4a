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

/// <summary>Who may form a team: sizes for the contest, a grade range per division, and whether a student may be in two teams.</summary>
public sealed record EligibilityRules(
    TeamSizeLimits TeamSize,
    IReadOnlyDictionary<string, GradeRange> GradesByDivision,
    bool MemberMayJoinSeveralTeams)
{
    public static EligibilityRules Default { get; } = new(TeamSizeLimits.Default, new Dictionary<string, GradeRange>(), false);

    public GradeRange? GradesFor(string? divisionCode) =>
        divisionCode is not null && GradesByDivision.TryGetValue(divisionCode.ToUpperInvariant(), out var range) ? range : null;
}
