using Contests.Domain.Judging;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Contests.Domain.Tests.Judging;

public sealed class RubricTests
{
    private static readonly string[] Divisions = ["THCS", "THPT"];

    /// <summary>A typical creativity rubric; presentation counts double and is judged for secondary schools only.</summary>
    public static Rubric Creativity { get; } = new(
    [
        new Criterion("NOVELTY", "Tính mới, sáng tạo", 10m, 0.5m, 1m, []),
        new Criterion("SCIENCE", "Cơ sở khoa học", 10m, 0.5m, 1m, []),
        new Criterion("USE", "Khả năng ứng dụng", 5m, 1m, 1m, []),
        new Criterion("PRESENTATION", "Trình bày", 5m, 0.25m, 2m, ["THPT"]),
    ]);

    private static Criterion Line(decimal maximum = 10m, decimal step = 0.5m, decimal weight = 1m, params string[] divisions) =>
        new("C1", "Tính mới", maximum, step, weight, divisions);

    private static string[] Rules(Rubric rubric) => RubricRules.Check(rubric, Divisions).Select(violation => $"{violation.Field}:{violation.Rule}").ToArray();

    [Fact]
    public void a_typical_rubric_is_valid() => Assert.Empty(Rules(Creativity));

    [Fact]
    public void a_rubric_needs_a_criterion() => Assert.Equal(["criteria:criteria-required"], Rules(Rubric.Empty));

    [Theory]
    [InlineData(0, 0.5, 1, "criteria[0].maximum:maximum-not-positive")]
    [InlineData(-5, 0.5, 1, "criteria[0].maximum:maximum-not-positive")]
    [InlineData(2000, 1, 1, "criteria[0].maximum:maximum-too-large")]
    [InlineData(10, 0, 1, "criteria[0].step:step-not-positive")]
    [InlineData(10, 3, 1, "criteria[0].step:step-not-dividing-maximum")]
    [InlineData(10, 0.3, 1, "criteria[0].step:step-not-dividing-maximum")]
    [InlineData(10, 0.5, 0, "criteria[0].weight:weight-not-positive")]
    [InlineData(10, 0.5, -1, "criteria[0].weight:weight-not-positive")]
    public void points_step_and_weight_are_checked(double maximum, double step, double weight, string rule) =>
        Assert.Equal([rule], Rules(new Rubric([Line((decimal)maximum, (decimal)step, (decimal)weight)])));

    [Fact]
    public void a_step_of_a_quarter_divides_a_maximum_of_two_and_a_half() =>
        Assert.Empty(Rules(new Rubric([Line(2.5m, 0.25m)])));

    [Fact]
    public void codes_are_unique_whatever_their_case_and_descriptions_required()
    {
        var rubric = new Rubric([Line() with { Code = "C1" }, RubricRules.Normalise(Line() with { Code = " c1 ", Description = " " })]);
        Assert.Equal(["criteria[1].code:duplicate-criterion", "criteria[1].description:required"], Rules(rubric));
    }

    [Fact]
    public void a_criterion_for_an_unknown_division_is_refused_and_every_division_needs_a_criterion()
    {
        var rubric = new Rubric([Line(divisions: "THCS"), Line(divisions: "MAM-NON") with { Code = "C2" }]);
        Assert.Equal(["criteria[1].divisions:unknown-division", "criteria:division-without-criteria"], Rules(rubric));
    }

    [Fact]
    public void normalising_upper_cases_codes_and_divisions_and_trims_text()
    {
        var criterion = RubricRules.Normalise(new Criterion(" novelty ", "  Tính   mới ", 10m, 1m, 1m, ["thpt", " THPT", ""]));
        Assert.Equal(("NOVELTY", "Tính mới"), (criterion.Code, criterion.Description));
        Assert.Equal(["THPT"], criterion.Divisions);
    }

    [Fact]
    public void criteria_for_one_division_only_count_in_that_division()
    {
        Assert.Equal(new ScoreRange(0m, 25m), Creativity.Range("THCS"));
        Assert.Equal(new ScoreRange(0m, 35m), Creativity.Range("THPT"));
        Assert.Equal(3, Creativity.For("thcs").Count);
    }

    [Fact]
    public void the_weighted_total_multiplies_each_value_by_its_weight()
    {
        CriterionScore[] sheet = [new("NOVELTY", 8.5m), new("SCIENCE", 7m), new("USE", 4m), new("PRESENTATION", 3.75m)];
        Assert.Equal(8.5m + 7m + 4m + (3.75m * 2), Creativity.WeightedTotal("THPT", sheet));
        Assert.Equal(8.5m + 7m + 4m, Creativity.WeightedTotal("THCS", sheet));
    }

    [Fact]
    public void a_complete_sheet_on_the_steps_is_valid()
    {
        CriterionScore[] sheet = [new("novelty", 10m), new("SCIENCE", 0m), new("USE", 5m), new("PRESENTATION", 4.25m)];
        Assert.Empty(RubricRules.CheckSheet(Creativity, "THPT", sheet));
    }

    [Fact]
    public void a_sheet_is_refused_for_each_value_out_of_range_off_step_missing_unknown_or_repeated()
    {
        CriterionScore[] sheet = [new("NOVELTY", 10.5m), new("SCIENCE", 7.3m), new("NOVELTY", 9m), new("COLOUR", 3m), new("PRESENTATION", 2m)];
        var rules = RubricRules.CheckSheet(Creativity, "THCS", sheet).Select(violation => $"{violation.Field}:{violation.Rule}");
        Assert.Equal(
            ["scores.NOVELTY:score-out-of-range", "scores.SCIENCE:score-off-step", "scores.NOVELTY:score-given-twice",
             "scores.COLOUR:score-not-in-rubric", "scores.PRESENTATION:score-not-in-rubric", "scores.USE:score-missing"],
            rules);
    }

    [Fact]
    public void a_negative_value_is_out_of_range() =>
        Assert.Contains(RubricRules.CheckSheet(Creativity, "THCS", [new("NOVELTY", -0.5m), new("SCIENCE", 1m), new("USE", 1m)]),
            violation => violation.Rule == RubricRules.ScoreOutOfRange);

    /// <summary>Any sheet a judge could fill in on the steppers of this rubric.</summary>
    private static Arbitrary<(string Division, CriterionScore[] Sheet)> ValidSheets() =>
        (from division in Gen.Elements(Divisions)
         from values in Gen.CollectToArray(Creativity.For(division)
             .Select(criterion => Gen.Choose(0, (int)(criterion.Maximum / criterion.Step)).Select(steps => new CriterionScore(criterion.Code, steps * criterion.Step))))
         select (division, values)).ToArbitrary();

    [Property]
    public Property every_sheet_on_the_steppers_is_valid_and_its_total_is_within_the_range() =>
        Prop.ForAll(ValidSheets(), pair =>
        {
            var total = Creativity.WeightedTotal(pair.Division, pair.Sheet);
            var range = Creativity.Range(pair.Division);
            return RubricRules.CheckSheet(Creativity, pair.Division, pair.Sheet).Count == 0 && total >= range.Minimum && total <= range.Maximum;
        });
}
