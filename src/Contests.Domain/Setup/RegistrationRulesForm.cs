using Contests.Domain.Registration;

namespace Contests.Domain.Setup;

public sealed record DivisionGradesForm(string? DivisionCode, int? MinGrade, int? MaxGrade);

/// <summary>An organiser's registration settings; times are Vietnam local times as typed ("2024-05-20T17:00").</summary>
public sealed record RegistrationRulesForm(
    DateTime? OpensAt,
    DateTime? ClosesAt,
    int? MinMembers,
    int? MaxMembers,
    int? MinMentors,
    int? MaxMentors,
    bool? MemberMayJoinSeveralTeams,
    IReadOnlyList<DivisionGradesForm>? Grades,
    IReadOnlyList<MemberField>? RequiredMemberFields = null);

public static class RegistrationRulesSetup
{
    public const int MaxTeamSize = 30;

    public static IReadOnlyList<RuleViolation> Check(RegistrationRulesForm form, IReadOnlyCollection<string> divisionCodes)
    {
        var violations = new List<RuleViolation>();
        FieldChecks.RequireWindow(violations, form.OpensAt, form.ClosesAt);

        CheckRange(violations, "members", form.MinMembers ?? TeamSizeLimits.Default.MinMembers, form.MaxMembers ?? TeamSizeLimits.Default.MaxMembers, 1);
        CheckRange(violations, "mentors", form.MinMentors ?? TeamSizeLimits.Default.MinMentors, form.MaxMentors ?? TeamSizeLimits.Default.MaxMentors, 0);

        var grades = form.Grades ?? [];
        for (var index = 0; index < grades.Count; index++)
        {
            var range = grades[index];
            if (!divisionCodes.Contains(range.DivisionCode ?? string.Empty, StringComparer.OrdinalIgnoreCase))
            {
                violations.Add(new RuleViolation($"grades[{index}].divisionCode", RegistrationRule.UnknownDivision));
            }

            if (range.MinGrade is not (>= 1 and <= 12) || range.MaxGrade is not (>= 1 and <= 12) || range.MinGrade > range.MaxGrade)
            {
                violations.Add(new RuleViolation($"grades[{index}]", "grade-range-invalid"));
            }
        }

        return violations;
    }

    /// <summary>The decided settings; call only when <see cref="Check"/> found nothing.</summary>
    public static (RegistrationWindow Window, EligibilityRules Rules) Decide(RegistrationRulesForm form) =>
        (new RegistrationWindow(VietnamTime.ToInstant(form.OpensAt!.Value), VietnamTime.ToInstant(form.ClosesAt!.Value)),
         new EligibilityRules(
             new TeamSizeLimits(
                 form.MinMembers ?? TeamSizeLimits.Default.MinMembers,
                 form.MaxMembers ?? TeamSizeLimits.Default.MaxMembers,
                 form.MinMentors ?? TeamSizeLimits.Default.MinMentors,
                 form.MaxMentors ?? TeamSizeLimits.Default.MaxMentors),
             (form.Grades ?? []).ToDictionary(
                 range => range.DivisionCode!.ToUpperInvariant(), range => new GradeRange(range.MinGrade!.Value, range.MaxGrade!.Value)),
             form.MemberMayJoinSeveralTeams ?? false,
             (form.RequiredMemberFields ?? []).Distinct().ToList()));

    private static void CheckRange(List<RuleViolation> violations, string field, int min, int max, int lowest)
    {
        if (min < lowest || max > MaxTeamSize || min > max)
        {
            violations.Add(new RuleViolation(field, "size-range-invalid"));
        }
    }
}
