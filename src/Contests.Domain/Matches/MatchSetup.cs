using Contests.Domain.Registration;
using Contests.Domain.Text;

namespace Contests.Domain.Matches;

/// <summary>
/// How the organisers lay out the group stage: how many groups, which fields, from when (Vietnam local time), how long
/// a slot lasts (match plus changeover), the minimum rest of a team between two matches, when the day must end, and
/// the seed that makes the draw and the timetable repeatable (a fresh one is drawn and recorded when none is given).
/// </summary>
public sealed record GroupStageForm(
    int? GroupCount, IReadOnlyList<string>? Fields, DateTime? StartsAt, int? SlotMinutes, int? MinRestMinutes, DateTime? EndsBy = null, int? Seed = null);

/// <summary>The knockout stage: how many teams of each group go through, a third-place match, and when it starts.</summary>
public sealed record KnockoutForm(int? AdvancePerGroup, bool? ThirdPlace, DateTime? StartsAt);

public sealed record DelayForm(string? Field, int? Minutes, string? Reason);

public static class MatchSetupRules
{
    public const int MaxFields = 20;

    public static IReadOnlyList<RuleViolation> Check(GroupStageForm form, int teamCount, int matchMinutes)
    {
        var violations = new List<RuleViolation>();
        if (teamCount < 2)
        {
            violations.Add(new RuleViolation("teams", "too-few-match-teams"));
        }
        else if (form.GroupCount is not { } groups || groups < 1 || groups > teamCount / 2)
        {
            violations.Add(new RuleViolation("groupCount", "group-count-out-of-range", Math.Max(1, teamCount / 2)));
        }

        var fields = CleanFields(form.Fields);
        if (fields.Count is 0 or > MaxFields || fields.Distinct(StringComparer.Ordinal).Count() != fields.Count)
        {
            violations.Add(new RuleViolation("fields", "fields-invalid", MaxFields));
        }

        if (form.StartsAt is null)
        {
            violations.Add(new RuleViolation("startsAt", RegistrationRule.Required));
        }

        if (form.SlotMinutes is not { } slot || slot < matchMinutes || slot > 240)
        {
            violations.Add(new RuleViolation("slotMinutes", "slot-shorter-than-match", matchMinutes));
        }

        if (form.MinRestMinutes is not (>= 0 and <= 240))
        {
            violations.Add(new RuleViolation("minRestMinutes", "rest-out-of-range"));
        }

        if (form.EndsBy is { } endsBy && form.StartsAt is { } startsAt && endsBy <= startsAt)
        {
            violations.Add(new RuleViolation("endsBy", "closes-before-opening"));
        }

        return violations;
    }

    public static IReadOnlyList<string> CleanFields(IReadOnlyList<string>? fields) =>
        (fields ?? []).Select(VietnameseText.Clean).Where(field => field.Length > 0).ToList();

    public static IReadOnlyList<RuleViolation> Check(KnockoutForm form, IReadOnlyList<int> groupSizes)
    {
        var violations = new List<RuleViolation>();
        var smallest = groupSizes.Count == 0 ? 0 : groupSizes.Min();
        if (form.AdvancePerGroup is not { } advance || advance < 1 || advance > smallest || advance * groupSizes.Count < 2)
        {
            violations.Add(new RuleViolation("advancePerGroup", "advance-out-of-range", smallest));
        }

        return violations;
    }

    public static IReadOnlyList<RuleViolation> Check(DelayForm form, IReadOnlyList<string> fields)
    {
        var violations = new List<RuleViolation>();
        if (!fields.Contains(VietnameseText.Clean(form.Field), StringComparer.Ordinal))
        {
            violations.Add(new RuleViolation("field", "unknown-field"));
        }

        if (form.Minutes is not (>= -120 and <= 240) || form.Minutes == 0)
        {
            violations.Add(new RuleViolation("minutes", "delay-out-of-range"));
        }

        FieldChecks.RequireText(violations, "reason", VietnameseText.Clean(form.Reason), maxLength: 500);
        return violations;
    }
}
