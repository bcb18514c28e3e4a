using Contests.Domain.Registration;
using Contests.Domain.Text;

namespace Contests.Domain.Setup;

public sealed record DivisionForm(string? Code, string? Name);

public sealed record ContestForm(
    string? Name,
    string? Kind,
    int? Edition,
    string? OrganisingBody,
    IReadOnlyList<string>? Districts,
    IReadOnlyList<DivisionForm>? Divisions);

public static class ContestSetupRules
{
    public static readonly IReadOnlyList<string> Kinds = ["Robocon", "Creativity", "TechnicalInnovation"];

    public static ContestForm Normalise(ContestForm form) => form with
    {
        Name = VietnameseText.Clean(form.Name),
        Kind = VietnameseText.Clean(form.Kind),
        OrganisingBody = VietnameseText.Clean(form.OrganisingBody),
        Districts = (form.Districts ?? []).Select(VietnameseText.Clean).Where(district => district.Length > 0).ToList(),
        Divisions = (form.Divisions ?? []).Select(NormaliseDivision).ToList(),
    };

    public static DivisionForm NormaliseDivision(DivisionForm division) =>
        new(VietnameseText.Clean(division.Code).ToUpperInvariant(), VietnameseText.Clean(division.Name));

    public static IReadOnlyList<RuleViolation> Check(ContestForm form)
    {
        var violations = new List<RuleViolation>();
        FieldChecks.RequireText(violations, "name", form.Name);
        FieldChecks.RequireText(violations, "organisingBody", form.OrganisingBody);
        if (!Kinds.Contains(form.Kind ?? string.Empty, StringComparer.Ordinal))
        {
            violations.Add(new RuleViolation("kind", "unknown-kind"));
        }

        if (form.Edition is not (>= 1 and <= 1000))
        {
            violations.Add(new RuleViolation("edition", "edition-out-of-range"));
        }

        var districts = form.Districts ?? [];
        if (districts.Count == 0)
        {
            violations.Add(new RuleViolation("districts", "districts-required"));
        }

        var seenDistricts = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < districts.Count; index++)
        {
            FieldChecks.RequireText(violations, $"districts[{index}]", districts[index]);
            if (!seenDistricts.Add(VietnameseText.Fold(districts[index])))
            {
                violations.Add(new RuleViolation($"districts[{index}]", "duplicate-district"));
            }
        }

        var divisions = form.Divisions ?? [];
        if (divisions.Count == 0)
        {
            violations.Add(new RuleViolation("divisions", "divisions-required"));
        }

        var seenCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < divisions.Count; index++)
        {
            violations.AddRange(CheckDivision(divisions[index], $"divisions[{index}]"));
            if (!string.IsNullOrEmpty(divisions[index].Code) && !seenCodes.Add(divisions[index].Code!))
            {
                violations.Add(new RuleViolation($"divisions[{index}].code", "duplicate-division"));
            }
        }

        return violations;
    }

    public static IReadOnlyList<RuleViolation> CheckDivision(DivisionForm division, string path = "")
    {
        var prefix = path.Length == 0 ? string.Empty : path + ".";
        var violations = new List<RuleViolation>();
        FieldChecks.RequireText(violations, prefix + "code", division.Code, maxLength: 20);
        FieldChecks.RequireText(violations, prefix + "name", division.Name);
        return violations;
    }
}
