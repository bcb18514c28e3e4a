using Contests.Domain.Registration;
using Contests.Domain.Text;

namespace Contests.Domain.Judging;

/// <summary>A rubric line as the organiser edits it; a missing step or weight is 1, a missing division list means every division.</summary>
public sealed record CriterionForm(string? Code, string? Description, decimal? Maximum, decimal? Step, decimal? Weight, IReadOnlyList<string>? Divisions);

public sealed record RubricForm(IReadOnlyList<CriterionForm>? Criteria);

/// <summary>A tie-break rule as sent: <c>Kind</c> is HigherCriterion (with the criterion's code), HigherMedian or OrganiserDecision.</summary>
public sealed record TieBreakForm(string? Kind, string? Criterion);

/// <summary>A judged round's settings as sent; anything left out takes its default (mean, trim 1, 3 judges per entry, no tie-breaks).</summary>
public sealed record JudgingSettingsForm(string? Method, int? TrimEachEnd, int? JudgesPerEntry, IReadOnlyList<TieBreakForm>? TieBreaks);

/// <summary>
/// How a judged round turns score sheets into a ranking: the aggregation method (with the number of totals the trimmed
/// mean drops at each end), how many judges each entry gets, and the ordered tie-break rules.
/// </summary>
public sealed record JudgingSettings(AggregationMethod Method, int TrimEachEnd, int JudgesPerEntry, IReadOnlyList<TieBreakRule> TieBreaks)
{
    public static JudgingSettings Default { get; } = new(AggregationMethod.Mean, 1, JudgeAssignment.DefaultJudgesPerEntry, []);
}

/// <summary>Reads the organisers' rubric and settings forms into checked values, or the rules they break.</summary>
public static class JudgingSetup
{
    public const int MaxTrimEachEnd = 5;
    public const int MaxJudgesPerEntry = 15;
    public const int MaxTieBreaks = 10;

    public const string UnknownMethod = "unknown-aggregation-method";
    public const string TrimOutOfRange = "trim-out-of-range";
    public const string JudgesPerEntryOutOfRange = "judges-per-entry-out-of-range";
    public const string TooManyTieBreaks = "too-many-tie-breaks";
    public const string UnknownTieBreak = "unknown-tie-break";
    public const string TieBreakUnknownCriterion = "tie-break-unknown-criterion";
    public const string DuplicateTieBreak = "duplicate-tie-break";
    public const string CriterionUsedByTieBreak = "criterion-used-by-tie-break";

    /// <summary>The rubric, checked against the contest's divisions and against the tie-breaks that name its criteria.</summary>
    public static (Rubric? Rubric, IReadOnlyList<RuleViolation> Violations) ReadRubric(
        RubricForm form, IReadOnlyList<string> divisions, JudgingSettings settings)
    {
        var rubric = new Rubric((form.Criteria ?? []).Select(criterion => RubricRules.Normalise(new Criterion(
            criterion.Code ?? string.Empty,
            criterion.Description ?? string.Empty,
            criterion.Maximum ?? 0m,
            criterion.Step ?? 1m,
            criterion.Weight ?? 1m,
            criterion.Divisions ?? []))).ToList());
        var violations = RubricRules.Check(rubric, divisions).ToList();
        if (settings.TieBreaks.Any(rule => rule.Criterion is { } code && rubric.Find(code) is null))
        {
            violations.Add(new RuleViolation("criteria", CriterionUsedByTieBreak));
        }

        return violations.Count == 0 ? (rubric, []) : (null, violations);
    }

    public static (JudgingSettings? Settings, IReadOnlyList<RuleViolation> Violations) ReadSettings(JudgingSettingsForm form, Rubric rubric)
    {
        var violations = new List<RuleViolation>();
        var method = AggregationMethod.Mean;
        if (form.Method is not null && !TryParseName(form.Method, out method))
        {
            violations.Add(new RuleViolation("method", UnknownMethod));
        }

        var trim = form.TrimEachEnd ?? JudgingSettings.Default.TrimEachEnd;
        if (trim is < 0 or > MaxTrimEachEnd)
        {
            violations.Add(new RuleViolation("trimEachEnd", TrimOutOfRange, MaxTrimEachEnd));
        }

        var judgesPerEntry = form.JudgesPerEntry ?? JudgingSettings.Default.JudgesPerEntry;
        if (judgesPerEntry is < 1 or > MaxJudgesPerEntry)
        {
            violations.Add(new RuleViolation("judgesPerEntry", JudgesPerEntryOutOfRange, MaxJudgesPerEntry));
        }

        var rules = ReadTieBreaks(form.TieBreaks ?? [], rubric, violations);
        return violations.Count == 0 ? (new JudgingSettings(method, trim, judgesPerEntry, rules), []) : (null, violations);
    }

    private static List<TieBreakRule> ReadTieBreaks(IReadOnlyList<TieBreakForm> forms, Rubric rubric, List<RuleViolation> violations)
    {
        if (forms.Count > MaxTieBreaks)
        {
            violations.Add(new RuleViolation("tieBreaks", TooManyTieBreaks, MaxTieBreaks));
        }

        var rules = new List<TieBreakRule>();
        for (var index = 0; index < forms.Count; index++)
        {
            var form = forms[index];
            var field = $"tieBreaks[{index}]";
            if (!TryParseName<TieBreakKind>(form.Kind, out var kind))
            {
                violations.Add(new RuleViolation($"{field}.kind", UnknownTieBreak));
                continue;
            }

            string? criterion = null;
            if (kind == TieBreakKind.HigherCriterion)
            {
                criterion = rubric.Find(VietnameseText.Clean(form.Criterion))?.Code;
                if (criterion is null)
                {
                    violations.Add(new RuleViolation($"{field}.criterion", TieBreakUnknownCriterion));
                    continue;
                }
            }

            var rule = new TieBreakRule(kind, criterion);
            if (rules.Contains(rule))
            {
                violations.Add(new RuleViolation(field, DuplicateTieBreak));
                continue;
            }

            rules.Add(rule);
        }

        return rules;
    }

    /// <summary>Only a member's exact name: no numbers, no comma-separated combinations.</summary>
    private static bool TryParseName<TEnum>(string? name, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        return Enum.GetNames<TEnum>().Contains(name, StringComparer.Ordinal) && Enum.TryParse(name, out value);
    }
}
