using Contests.Domain.Judging;
using static Contests.Domain.Tests.Judging.JudgingData;

namespace Contests.Domain.Tests.Judging;

public sealed class OutlierTests
{
    private static readonly ScoreRange OutOfTen = new(0m, 10m);

    /// <summary>Four entries, three judges who agree within half a point, and a fourth who gives the given extra.</summary>
    private static JudgeTotal[] Panel(decimal fourthJudgesExtra) =>
        Enumerable.Range(0, 4).SelectMany(entry => new[]
        {
            new JudgeTotal(Entry(entry), Judge(0), 5m + entry),
            new JudgeTotal(Entry(entry), Judge(1), 5.5m + entry),
            new JudgeTotal(Entry(entry), Judge(2), 5m + entry),
            new JudgeTotal(Entry(entry), Judge(3), 5m + entry + fourthJudgesExtra),
        }).ToArray();

    [Fact]
    public void a_judge_two_points_more_lenient_than_the_panel_is_an_outlier_and_nobody_else_is()
    {
        var deviations = Outliers.Measure(Panel(2m), OutOfTen);

        var lenient = deviations.Single(deviation => deviation.Outlier);
        Assert.Equal(Judge(3), lenient.JudgeId);
        // Each entry's median is the middle of 5, 5, 5.5 and 7 (+ the entry's offset): 5.25, so the judge sits 1.75 above.
        Assert.Equal((4, 1.75m, 0.175m), (lenient.Compared, lenient.MeanDeviation, lenient.ShareOfRange));
    }

    [Fact]
    public void a_harsh_judge_has_a_negative_mean_deviation()
    {
        var harsh = Outliers.Measure(Panel(-3m), OutOfTen).Single(deviation => deviation.JudgeId == Judge(3));

        Assert.True(harsh.Outlier);
        Assert.Equal(-3m, harsh.MeanDeviation);
    }

    [Fact]
    public void a_panel_that_agrees_within_half_a_point_has_no_outlier() =>
        Assert.DoesNotContain(Outliers.Measure(Panel(0.5m), OutOfTen), deviation => deviation.Outlier);

    [Fact]
    public void a_judge_compared_on_too_few_entries_is_not_flagged()
    {
        var twoEntries = Panel(4m).Where(total => total.EntryId == Entry(0) || total.EntryId == Entry(1)).ToArray();

        var far = Outliers.Measure(twoEntries, OutOfTen).Single(deviation => deviation.JudgeId == Judge(3));

        Assert.Equal(2, far.Compared);
        Assert.False(far.Outlier);
    }

    [Fact]
    public void entries_with_a_single_total_are_not_compared()
    {
        var deviations = Outliers.Measure([new JudgeTotal(Entry(0), Judge(0), 9m)], OutOfTen);

        Assert.Equal(new JudgeDeviation(Judge(0), 0, 0m, 0m, 0m, false), deviations.Single());
    }
}
