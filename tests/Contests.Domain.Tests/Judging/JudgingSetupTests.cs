using Contests.Domain.Judging;

namespace Contests.Domain.Tests.Judging;

public sealed class JudgingSetupTests
{
    private static readonly string[] Divisions = ["THCS", "THPT"];

    private static string[] Rules(IReadOnlyList<Contests.Domain.Registration.RuleViolation> violations) =>
        violations.Select(violation => $"{violation.Field}:{violation.Rule}").ToArray();

    [Fact]
    public void a_criterion_without_step_or_weight_counts_in_whole_points_once()
    {
        var (rubric, violations) = JudgingSetup.ReadRubric(
            new RubricForm([new CriterionForm(" c1 ", "Tính mới", 10m, null, null, null)]), Divisions, JudgingSettings.Default);

        Assert.Empty(violations);
        Assert.Equal(new Criterion("C1", "Tính mới", 10m, 1m, 1m, []), rubric!.Criteria.Single() with { Divisions = [] });
    }

    [Fact]
    public void a_rubric_cannot_drop_a_criterion_a_tie_break_names()
    {
        var settings = JudgingSettings.Default with { TieBreaks = [new TieBreakRule(TieBreakKind.HigherCriterion, "NOVELTY")] };

        var (rubric, violations) = JudgingSetup.ReadRubric(new RubricForm([new CriterionForm("USE", "Ứng dụng", 10m, 1m, 1m, null)]), Divisions, settings);

        Assert.Null(rubric);
        Assert.Equal(["criteria:criterion-used-by-tie-break"], Rules(violations));
    }

    [Fact]
    public void settings_left_out_take_their_defaults()
    {
        var (settings, violations) = JudgingSetup.ReadSettings(new JudgingSettingsForm(null, null, null, null), Rubric.Empty);

        Assert.Empty(violations);
        Assert.Equal((AggregationMethod.Mean, 1, 3), (settings!.Method, settings.TrimEachEnd, settings.JudgesPerEntry));
        Assert.Empty(settings.TieBreaks);
    }

    [Fact]
    public void tie_breaks_name_criteria_of_the_rubric_in_any_case()
    {
        var (settings, _) = JudgingSetup.ReadSettings(
            new JudgingSettingsForm("StandardisedMean", 0, 5, [new TieBreakForm("HigherCriterion", "novelty"), new TieBreakForm("HigherMedian", null), new TieBreakForm("OrganiserDecision", null)]),
            RubricTests.Creativity);

        Assert.Equal(
            [new TieBreakRule(TieBreakKind.HigherCriterion, "NOVELTY"), new TieBreakRule(TieBreakKind.HigherMedian), new TieBreakRule(TieBreakKind.OrganiserDecision)],
            settings!.TieBreaks);
        Assert.Equal((AggregationMethod.StandardisedMean, 0, 5), (settings.Method, settings.TrimEachEnd, settings.JudgesPerEntry));
    }

    [Fact]
    public void every_wrong_setting_is_named()
    {
        var (settings, violations) = JudgingSetup.ReadSettings(
            new JudgingSettingsForm("Mean, Median", 6, 0,
                [new TieBreakForm("Coin", null), new TieBreakForm("HigherCriterion", "COLOUR"), new TieBreakForm("HigherMedian", null), new TieBreakForm("HigherMedian", null)]),
            RubricTests.Creativity);

        Assert.Null(settings);
        Assert.Equal(
            ["method:unknown-aggregation-method", "trimEachEnd:trim-out-of-range", "judgesPerEntry:judges-per-entry-out-of-range",
             "tieBreaks[0].kind:unknown-tie-break", "tieBreaks[1].criterion:tie-break-unknown-criterion", "tieBreaks[3]:duplicate-tie-break"],
            Rules(violations));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("mean")]
    [InlineData("")]
    public void a_method_is_named_exactly(string method) =>
        Assert.Equal(["method:unknown-aggregation-method"], Rules(JudgingSetup.ReadSettings(new JudgingSettingsForm(method, null, null, null), Rubric.Empty).Violations));
}
