using Contests.Domain.Registration;
using Contests.Domain.Text;

namespace Contests.Domain.Judging;

/// <summary>
/// One line of a rubric: what is judged, out of how many points, in which steps (e.g. 0.5), and how much it counts
/// in the total. <c>Divisions</c> lists the divisions the criterion applies to; empty means every division.
/// </summary>
public sealed record Criterion(string Code, string Description, decimal Maximum, decimal Step, decimal Weight, IReadOnlyList<string> Divisions)
{
    public bool AppliesTo(string division) =>
        Divisions.Count == 0 || Divisions.Contains(division, StringComparer.OrdinalIgnoreCase);
}

/// <summary>The value a judge gives one criterion.</summary>
public sealed record CriterionScore(string Code, decimal Value);

/// <summary>The lowest and highest weighted total a score sheet can reach.</summary>
public sealed record ScoreRange(decimal Minimum, decimal Maximum)
{
    public decimal Width => Maximum - Minimum;

    public decimal Middle => (Minimum + Maximum) / 2;

    public decimal Clamp(decimal value) => Math.Clamp(value, Minimum, Maximum);
}

/// <summary>A judged round's rubric: its criteria in the order judges see them.</summary>
public sealed record Rubric(IReadOnlyList<Criterion> Criteria)
{
    public static Rubric Empty { get; } = new([]);

    public Criterion? Find(string code) =>
        Criteria.FirstOrDefault(criterion => string.Equals(criterion.Code, code, StringComparison.OrdinalIgnoreCase));

    public IReadOnlyList<Criterion> For(string division) => Criteria.Where(criterion => criterion.AppliesTo(division)).ToList();

    /// <summary>Σ value × weight over the criteria that apply to the division; values for other criteria are ignored.</summary>
    public decimal WeightedTotal(string division, IEnumerable<CriterionScore> scores)
    {
        var byCode = scores.GroupBy(score => score.Code, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.First().Value, StringComparer.OrdinalIgnoreCase);
        return For(division).Sum(criterion => byCode.TryGetValue(criterion.Code, out var value) ? value * criterion.Weight : 0m);
    }

    /// <summary>From 0 (every criterion at 0) to Σ maximum × weight (every criterion at its maximum).</summary>
    public ScoreRange Range(string division) => new(0m, For(division).Sum(criterion => criterion.Maximum * criterion.Weight));
}

/// <summary>The rules a rubric and a score sheet must follow. Violations name the field as the API reports it.</summary>
public static class RubricRules
{
    public const int MaxCriteria = 30;
    public const int MaxCodeLength = 20;
    public const decimal MaxPoints = 1000m;

    public const string CriteriaRequired = "criteria-required";
    public const string TooManyCriteria = "too-many-criteria";
    public const string DuplicateCriterion = "duplicate-criterion";
    public const string MaximumNotPositive = "maximum-not-positive";
    public const string MaximumTooLarge = "maximum-too-large";
    public const string StepNotPositive = "step-not-positive";
    public const string StepNotDividingMaximum = "step-not-dividing-maximum";
    public const string WeightNotPositive = "weight-not-positive";
    public const string WeightTooLarge = "weight-too-large";
    public const string DivisionWithoutCriteria = "division-without-criteria";
    public const string ScoreMissing = "score-missing";
    public const string ScoreNotInRubric = "score-not-in-rubric";
    public const string ScoreGivenTwice = "score-given-twice";
    public const string ScoreOutOfRange = "score-out-of-range";
    public const string ScoreOffStep = "score-off-step";

    /// <summary>Trims texts, upper-cases codes and division codes, so what is stored is what is compared.</summary>
    public static Criterion Normalise(Criterion criterion) => criterion with
    {
        Code = VietnameseText.Clean(criterion.Code).ToUpperInvariant(),
        Description = VietnameseText.Clean(criterion.Description),
        Divisions = criterion.Divisions.Select(division => VietnameseText.Clean(division).ToUpperInvariant())
            .Where(division => division.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
    };

    /// <summary>Checks a normalised rubric against the contest's divisions; an empty list means it may be set.</summary>
    public static IReadOnlyList<RuleViolation> Check(Rubric rubric, IReadOnlyList<string> divisions)
    {
        var violations = new List<RuleViolation>();
        if (rubric.Criteria.Count == 0)
        {
            violations.Add(new RuleViolation("criteria", CriteriaRequired));
        }
        else if (rubric.Criteria.Count > MaxCriteria)
        {
            violations.Add(new RuleViolation("criteria", TooManyCriteria, MaxCriteria));
        }

        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < rubric.Criteria.Count; index++)
        {
            var criterion = rubric.Criteria[index];
            var field = $"criteria[{index}]";
            FieldChecks.RequireText(violations, $"{field}.code", criterion.Code, MaxCodeLength);
            if (criterion.Code.Length > 0 && !codes.Add(criterion.Code))
            {
                violations.Add(new RuleViolation($"{field}.code", DuplicateCriterion));
            }

            FieldChecks.RequireText(violations, $"{field}.description", criterion.Description, 500);
            CheckPoints(violations, field, criterion);
            violations.AddRange(criterion.Divisions
                .Where(division => !divisions.Contains(division, StringComparer.OrdinalIgnoreCase))
                .Select(_ => new RuleViolation($"{field}.divisions", RegistrationRule.UnknownDivision)));
        }

        if (rubric.Criteria.Count > 0 && divisions.Any(division => rubric.For(division).Count == 0))
        {
            violations.Add(new RuleViolation("criteria", DivisionWithoutCriteria));
        }

        return violations;
    }

    private static void CheckPoints(List<RuleViolation> violations, string field, Criterion criterion)
    {
        if (criterion.Maximum <= 0)
        {
            violations.Add(new RuleViolation($"{field}.maximum", MaximumNotPositive));
        }
        else if (criterion.Maximum > MaxPoints)
        {
            violations.Add(new RuleViolation($"{field}.maximum", MaximumTooLarge, (int)MaxPoints));
        }

        if (criterion.Step <= 0)
        {
            violations.Add(new RuleViolation($"{field}.step", StepNotPositive));
        }
        else if (criterion.Maximum > 0 && criterion.Maximum % criterion.Step != 0)
        {
            violations.Add(new RuleViolation($"{field}.step", StepNotDividingMaximum));
        }

        if (criterion.Weight <= 0)
        {
            violations.Add(new RuleViolation($"{field}.weight", WeightNotPositive));
        }
        else if (criterion.Weight > MaxPoints)
        {
            violations.Add(new RuleViolation($"{field}.weight", WeightTooLarge, (int)MaxPoints));
        }
    }

    /// <summary>
    /// A score sheet for an entry of <paramref name="division"/>: every criterion that applies is scored once, within
    /// 0..maximum on its step; nothing else is scored.
    /// </summary>
    public static IReadOnlyList<RuleViolation> CheckSheet(Rubric rubric, string division, IReadOnlyList<CriterionScore> scores)
    {
        var violations = new List<RuleViolation>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var score in scores)
        {
            var field = $"scores.{score.Code}";
            if (rubric.Find(score.Code) is not { } criterion || !criterion.AppliesTo(division))
            {
                violations.Add(new RuleViolation(field, ScoreNotInRubric));
                continue;
            }

            if (!seen.Add(criterion.Code))
            {
                violations.Add(new RuleViolation(field, ScoreGivenTwice));
            }
            else if (score.Value < 0 || score.Value > criterion.Maximum)
            {
                violations.Add(new RuleViolation(field, ScoreOutOfRange));
            }
            else if (score.Value % criterion.Step != 0)
            {
                violations.Add(new RuleViolation(field, ScoreOffStep));
            }
        }

        violations.AddRange(rubric.For(division)
            .Where(criterion => !seen.Contains(criterion.Code))
            .Select(criterion => new RuleViolation($"scores.{criterion.Code}", ScoreMissing)));
        return violations;
    }
}
