using Contests.Domain.Registration;
using Contests.Domain.Text;

namespace Contests.Domain.Judging;

/// <summary>A judge as the organiser enters them: name, affiliations for conflict-of-interest checks, contact, head judge or not.</summary>
public sealed record JudgeForm(
    string? Name,
    IReadOnlyList<string>? Schools,
    IReadOnlyList<string>? Districts,
    IReadOnlyList<string>? Organisations,
    string? Phone,
    string? Email,
    bool? HeadJudge);

/// <summary>
/// A panel of judges for one judged round. Its scope says which entries it judges: entries of the listed divisions
/// (all when empty) and fields (any when empty).
/// </summary>
public sealed record PanelForm(string? Name, IReadOnlyList<string>? Divisions, IReadOnlyList<string>? Fields, IReadOnlyList<Guid>? Members);

public sealed record PanelScope(IReadOnlyList<string> Divisions, IReadOnlyList<string> Fields)
{
    /// <summary>Two panels overlap when an entry could belong to both: then nobody could say which panel judges it.</summary>
    public bool Overlaps(PanelScope other) =>
        Intersect(Divisions, other.Divisions, StringComparer.OrdinalIgnoreCase) &&
        Intersect(Fields.Select(VietnameseText.Fold).ToList(), other.Fields.Select(VietnameseText.Fold).ToList(), StringComparer.Ordinal);

    private static bool Intersect(IReadOnlyList<string> left, IReadOnlyList<string> right, StringComparer comparer) =>
        left.Count == 0 || right.Count == 0 || left.Intersect(right, comparer).Any();
}

public static class JudgeProfiles
{
    public const int MaxAffiliations = 20;
    public const string TooManyAffiliations = "too-many-affiliations";
    public const string UnknownJudge = "unknown-judge";
    public const string PanelNameTaken = "panel-name-taken";
    public const string PanelScopeOverlaps = "panel-scope-overlaps";

    /// <summary>
    /// Cleans every text, keeps each affiliation once (compared folded), and writes a district the way the contest
    /// spells it when it is one of the contest's, so conflicts and lists read the same everywhere.
    /// </summary>
    public static JudgeForm Normalise(JudgeForm form, IReadOnlyList<string> contestDistricts) => form with
    {
        Name = VietnameseText.Clean(form.Name),
        Schools = Distinct(form.Schools),
        Districts = Distinct((form.Districts ?? [])
            .Select(district => contestDistricts.FirstOrDefault(known => VietnameseText.SameName(known, district)) ?? district)
            .ToList()),
        Organisations = Distinct(form.Organisations),
        Phone = string.IsNullOrWhiteSpace(form.Phone) ? null : ContactRules.NormalisePhone(form.Phone),
        Email = string.IsNullOrWhiteSpace(form.Email) ? null : VietnameseText.Clean(form.Email),
        HeadJudge = form.HeadJudge ?? false,
    };

    public static IReadOnlyList<RuleViolation> Check(JudgeForm form)
    {
        var violations = new List<RuleViolation>();
        FieldChecks.RequireText(violations, "name", form.Name);
        CheckAffiliations(violations, "schools", form.Schools ?? []);
        CheckAffiliations(violations, "districts", form.Districts ?? []);
        CheckAffiliations(violations, "organisations", form.Organisations ?? []);
        if (form.Phone is not null && !ContactRules.IsValidPhone(form.Phone))
        {
            violations.Add(new RuleViolation("phone", RegistrationRule.PhoneFormat));
        }

        if (form.Email is not null && !ContactRules.IsValidEmail(form.Email))
        {
            violations.Add(new RuleViolation("email", RegistrationRule.EmailFormat));
        }

        return violations;
    }

    public static PanelForm Normalise(PanelForm form) => form with
    {
        Name = VietnameseText.Clean(form.Name),
        Divisions = (form.Divisions ?? []).Select(division => VietnameseText.Clean(division).ToUpperInvariant())
            .Where(division => division.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
        Fields = Distinct(form.Fields),
        Members = (form.Members ?? []).Distinct().ToList(),
    };

    /// <summary>Checks a normalised panel against the contest's divisions and the ids of the contest's judges.</summary>
    public static IReadOnlyList<RuleViolation> Check(PanelForm form, IReadOnlyList<string> divisions, IReadOnlySet<Guid> judges)
    {
        var violations = new List<RuleViolation>();
        FieldChecks.RequireText(violations, "name", form.Name);
        violations.AddRange((form.Divisions ?? [])
            .Where(division => !divisions.Contains(division, StringComparer.OrdinalIgnoreCase))
            .Select(_ => new RuleViolation("divisions", RegistrationRule.UnknownDivision)));
        CheckAffiliations(violations, "fields", form.Fields ?? []);
        violations.AddRange((form.Members ?? [])
            .Select((member, index) => (member, index))
            .Where(pair => !judges.Contains(pair.member))
            .Select(pair => new RuleViolation($"members[{pair.index}]", UnknownJudge)));
        return violations;
    }

    private static void CheckAffiliations(List<RuleViolation> violations, string field, IReadOnlyList<string> names)
    {
        if (names.Count > MaxAffiliations)
        {
            violations.Add(new RuleViolation(field, TooManyAffiliations, MaxAffiliations));
        }

        for (var index = 0; index < names.Count; index++)
        {
            FieldChecks.RequireText(violations, $"{field}[{index}]", names[index]);
        }
    }

    private static List<string> Distinct(IReadOnlyList<string>? names) =>
        (names ?? []).Select(VietnameseText.Clean).Where(name => name.Length > 0).DistinctBy(VietnameseText.Fold).ToList();
}
