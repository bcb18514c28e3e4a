using Contests.Domain.Registration;

namespace Contests.Domain.Awards;

/// <summary>One tier as the organiser sets it: a count, or a share of the ranked entries in per cent.</summary>
public sealed record AwardTierForm(string? Tier, int? Count, decimal? SharePercent);

public sealed record DivisionAwardsForm(string? DivisionCode, IReadOnlyList<AwardTierForm>? Tiers);

/// <summary>A round's award tiers and quotas, per division.</summary>
public sealed record AwardQuotasForm(IReadOnlyList<DivisionAwardsForm>? Divisions);

public static class AwardQuotaRules
{
    public const int MaxCount = 10_000;

    /// <summary>Each division of the contest at most once, each tier at most once per division, and either a count or a share.</summary>
    public static IReadOnlyList<RuleViolation> Check(AwardQuotasForm form, IReadOnlyCollection<string> divisionCodes)
    {
        var violations = new List<RuleViolation>();
        var seenDivisions = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var divisions = form.Divisions ?? [];
        for (var index = 0; index < divisions.Count; index++)
        {
            var path = $"divisions[{index}]";
            if (divisions[index] is not { } division)
            {
                violations.Add(new RuleViolation(path, RegistrationRule.UnknownDivision));
                continue;
            }

            if (division.DivisionCode is not { } code || !divisionCodes.Contains(code, StringComparer.OrdinalIgnoreCase))
            {
                violations.Add(new RuleViolation($"{path}.divisionCode", RegistrationRule.UnknownDivision));
            }
            else if (!seenDivisions.Add(code))
            {
                violations.Add(new RuleViolation($"{path}.divisionCode", "duplicate-division"));
            }

            var seenTiers = new HashSet<AwardTier>();
            var tiers = division.Tiers ?? [];
            for (var tierIndex = 0; tierIndex < tiers.Count; tierIndex++)
            {
                var tierPath = $"{path}.tiers[{tierIndex}]";
                if (tiers[tierIndex] is not { } tier)
                {
                    violations.Add(new RuleViolation(tierPath, "award-quota-invalid"));
                    continue;
                }

                if (!Enum.TryParse<AwardTier>(tier.Tier, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(tier.Tier, out _))
                {
                    violations.Add(new RuleViolation($"{tierPath}.tier", "unknown-award-tier"));
                }
                else if (!seenTiers.Add(parsed))
                {
                    violations.Add(new RuleViolation($"{tierPath}.tier", "duplicate-award-tier"));
                }

                var quotaIsValid = (tier.Count, tier.SharePercent) switch
                {
                    ({ } count, null) => count is >= 0 and <= MaxCount,
                    (null, { } share) => share is > 0m and <= 100m,
                    _ => false,
                };
                if (!quotaIsValid)
                {
                    violations.Add(new RuleViolation(tierPath, "award-quota-invalid"));
                }
            }
        }

        return violations;
    }

    public static IReadOnlyList<TierQuota> Quotas(DivisionAwardsForm division) =>
        (division.Tiers ?? [])
            .Select(tier => new TierQuota(Enum.Parse<AwardTier>(tier.Tier!), tier.Count, tier.SharePercent))
            .OrderBy(quota => quota.Tier)
            .ToList();
}
