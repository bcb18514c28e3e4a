using Contests.Domain.Judging;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Contests.Domain.Tests.Judging.JudgingData;

namespace Contests.Domain.Tests.Judging;

public sealed class AggregationTests
{
    private static readonly ScoreRange OutOfTen = new(0m, 10m);

    private static JudgeTotal[] OneEntry(params decimal[] totals) =>
        totals.Select((total, index) => new JudgeTotal(Entry(1), Judge(index), total)).ToArray();

    private static decimal ScoreOf(JudgeTotal[] totals, AggregationMethod method, int trim = 1) =>
        Aggregation.Aggregate(totals, method, OutOfForty, trim).Single().Score;

    [Fact]
    public void the_mean_is_the_default_and_exact() =>
        Assert.Equal(25m / 3, ScoreOf(OneEntry(7m, 8m, 10m), AggregationMethod.Mean));

    [Fact]
    public void the_median_of_an_even_count_is_the_mean_of_the_two_middle_totals()
    {
        Assert.Equal(8m, ScoreOf(OneEntry(7m, 8m, 30m), AggregationMethod.Median));
        Assert.Equal(8.5m, ScoreOf(OneEntry(30m, 7m, 8m, 9m), AggregationMethod.Median));
    }

    [Fact]
    public void the_trimmed_mean_drops_the_lowest_and_highest_totals()
    {
        Assert.Equal(8m, ScoreOf(OneEntry(2m, 7m, 8m, 9m, 40m), AggregationMethod.TrimmedMean));
        Assert.Equal(8m, ScoreOf(OneEntry(2m, 7m, 8m, 9m, 40m), AggregationMethod.TrimmedMean, trim: 2));
    }

    [Fact]
    public void the_trimmed_mean_drops_nothing_when_too_few_totals_would_remain()
    {
        Assert.Equal(9m, ScoreOf(OneEntry(8m, 10m), AggregationMethod.TrimmedMean));
        Assert.Equal(6m, ScoreOf(OneEntry(2m, 6m, 10m, 6m), AggregationMethod.TrimmedMean, trim: 2));
    }

    [Fact]
    public void standardising_removes_a_judges_severity()
    {
        // Judge 0 is harsh and judge 1 lenient, but both put entry 2 first, entry 1 second and entry 0 last.
        JudgeTotal[] totals =
        [
            new(Entry(0), Judge(0), 2m), new(Entry(1), Judge(0), 4m), new(Entry(2), Judge(0), 6m),
            new(Entry(0), Judge(1), 7m), new(Entry(1), Judge(1), 8m), new(Entry(2), Judge(1), 9m),
        ];
        var results = Aggregation.Aggregate(totals, AggregationMethod.StandardisedMean, OutOfTen);

        // z = −√1.5, 0, +√1.5 for both judges: the middle of 0..10, ± √1.5 × 10/6.
        var step = (decimal)Math.Round(Math.Sqrt(1.5) * 10 / 6, 6);
        Assert.Equal([5m - step, 5m, 5m + step], results.Select(result => result.Score));
    }

    [Fact]
    public void a_judge_with_no_spread_puts_every_entry_of_theirs_in_the_middle_of_the_range()
    {
        JudgeTotal[] totals = [new(Entry(0), Judge(0), 8m), new(Entry(1), Judge(0), 8m), new(Entry(2), Judge(1), 3m)];

        var standardised = Aggregation.Standardise(totals, OutOfTen);

        Assert.All(standardised, total => Assert.Equal(5m, total.Total));
    }

    [Fact]
    public void standardised_scores_stay_within_the_range()
    {
        // One entry far above ten others gives z = √10 ≈ 3.16: beyond three deviations, so it is held at the maximum.
        var totals = Enumerable.Range(0, 11).Select(index => new JudgeTotal(Entry(index), Judge(0), index == 0 ? 10m : 0m)).ToArray();

        var results = Aggregation.Aggregate(totals, AggregationMethod.StandardisedMean, OutOfTen);

        Assert.Equal(10m, results.Single(result => result.EntryId == Entry(0)).Score);
    }

    [Fact]
    public void results_from_sheets_carry_the_median_and_each_criterions_mean()
    {
        ScoreSheet[] sheets =
        [
            new(Entry(1), Judge(1), [new("NOVELTY", 8m), new("SCIENCE", 6m), new("USE", 3m)]),
            new(Entry(1), Judge(2), [new("NOVELTY", 9m), new("SCIENCE", 7m), new("USE", 4m)]),
        ];

        var result = Aggregation.Results(RubricTests.Creativity, "THCS", sheets, AggregationMethod.Mean).Single();

        Assert.Equal((18.5m, 18.5m, 2), (result.Score, result.Median, result.JudgeCount));
        Assert.Equal(8.5m, result.CriterionMeans["novelty"]);
        Assert.Equal(3.5m, result.CriterionMeans["USE"]);
    }

    [Fact]
    public void two_totals_of_one_judge_for_one_entry_are_refused() =>
        Assert.Throws<ArgumentException>(() => Aggregation.Aggregate([new(Entry(1), Judge(1), 1m), new(Entry(1), Judge(1), 2m)], AggregationMethod.Mean, OutOfTen));

    private static Arbitrary<(JudgeTotal[] Totals, JudgeTotal[] Shuffled, AggregationMethod Method)> TotalsInTwoOrders() =>
        (from totals in Totals()
         from shuffled in Gen.Shuffle(totals)
         from method in Gen.Elements(Enum.GetValues<AggregationMethod>())
         select (totals, shuffled, method)).ToArbitrary();

    [Property]
    public Property no_result_depends_on_the_order_in_which_scores_arrive() =>
        Prop.ForAll(TotalsInTwoOrders(), input =>
        {
            var first = Aggregation.Aggregate(input.Totals, input.Method, OutOfForty);
            var second = Aggregation.Aggregate(input.Shuffled, input.Method, OutOfForty);
            return first.Select(result => (result.EntryId, result.Score, result.Median, result.JudgeCount))
                .SequenceEqual(second.Select(result => (result.EntryId, result.Score, result.Median, result.JudgeCount)));
        });

    [Property]
    public Property every_result_lies_between_its_lowest_and_highest_total_or_within_the_range() =>
        Prop.ForAll(TotalsInTwoOrders(), input => Aggregation.Aggregate(input.Totals, input.Method, OutOfForty).All(result =>
        {
            var own = input.Totals.Where(total => total.EntryId == result.EntryId).Select(total => total.Total).ToList();
            return input.Method == AggregationMethod.StandardisedMean
                ? result.Score >= OutOfForty.Minimum && result.Score <= OutOfForty.Maximum
                : result.Score >= own.Min() && result.Score <= own.Max();
        }));

    /// <summary>Totals, one of their judges, and a change of that judge's scale: a positive factor and a constant.</summary>
    private static Arbitrary<(JudgeTotal[] Totals, Guid Judge, decimal Factor, decimal Shift)> OneJudgeRescaled() =>
        (from totals in Totals()
         from judge in Gen.Elements(totals.Select(total => total.JudgeId).Distinct().ToArray())
         from factor in Gen.Elements(0.5m, 0.8m, 1m, 1.5m, 2m, 3m, 7m)
         from shift in Gen.Elements(-12.5m, -3m, 0m, 0.5m, 4m, 25m)
         select (totals, judge, factor, shift)).ToArbitrary();

    private static Dictionary<Guid, int> RanksOf(IReadOnlyCollection<JudgeTotal> totals) =>
        Ranking.Rank(Aggregation.Aggregate(totals, AggregationMethod.StandardisedMean, OutOfForty), []).ToDictionary(entry => entry.EntryId, entry => entry.Rank);

    [Property]
    public Property under_standardisation_a_judge_changing_their_scale_changes_no_ranking() =>
        Prop.ForAll(OneJudgeRescaled(), input =>
        {
            var rescaled = input.Totals
                .Select(total => total.JudgeId == input.Judge ? total with { Total = (total.Total * input.Factor) + input.Shift } : total)
                .ToArray();
            var before = RanksOf(input.Totals);
            var after = RanksOf(rescaled);
            return before.Count == after.Count && before.All(pair => after[pair.Key] == pair.Value);
        });

    [Property]
    public Property a_judge_with_no_spread_never_divides_by_zero() =>
        Prop.ForAll(Gen.Zip(Gen.Choose(1, 6), Gen.Choose(0, 80)).ToArbitrary(), pair =>
        {
            var totals = Enumerable.Range(0, pair.Item1).Select(index => new JudgeTotal(Entry(index), Judge(0), pair.Item2 / 2m)).ToArray();
            return Aggregation.Aggregate(totals, AggregationMethod.StandardisedMean, OutOfForty).All(result => result.Score == OutOfForty.Middle);
        });
}
