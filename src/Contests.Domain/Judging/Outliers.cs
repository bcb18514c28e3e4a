namespace Contests.Domain.Judging;

/// <summary>
/// How far one judge sits from the rest of their panel, in rubric points. <c>MeanDeviation</c> is signed: below zero the
/// judge is harsher than the panel, above zero more lenient. <c>ShareOfRange</c> is |MeanDeviation| over the width of
/// the rubric's range.
/// </summary>
public sealed record JudgeDeviation(
    Guid JudgeId, int Compared, decimal MeanDeviation, decimal MeanAbsoluteDeviation, decimal ShareOfRange, bool Outlier);

/// <summary>
/// Possible outliers, for the organisers to look at (never to change a result by themselves). For every entry with at
/// least two totals, a judge's deviation is their total minus the median of the entry's totals: the median, because
/// one far-off judge moves it least. A judge is an outlier when they were compared on at least
/// <c>minimumCompared</c> entries and their mean deviation is at least <c>shareOfRange</c> of the rubric's range
/// (10% by default: 1 point on a rubric out of 10).
/// </summary>
public static class Outliers
{
    public const decimal DefaultShareOfRange = 0.10m;
    public const int DefaultMinimumCompared = 3;

    public static IReadOnlyList<JudgeDeviation> Measure(
        IReadOnlyCollection<JudgeTotal> totals,
        ScoreRange range,
        decimal shareOfRange = DefaultShareOfRange,
        int minimumCompared = DefaultMinimumCompared)
    {
        var deviations = totals
            .GroupBy(total => total.EntryId)
            .Where(entry => entry.Count() >= 2)
            .SelectMany(entry =>
            {
                var median = Aggregation.Median(entry.Select(total => total.Total).ToList());
                return entry.Select(total => (total.JudgeId, Deviation: total.Total - median));
            })
            .ToLookup(pair => pair.JudgeId, pair => pair.Deviation);

        return totals
            .Select(total => total.JudgeId)
            .Distinct()
            .Order()
            .Select(judgeId =>
            {
                var own = deviations[judgeId].ToList();
                var mean = Aggregation.Mean(own);
                var share = range.Width > 0 ? Math.Abs(mean) / range.Width : 0m;
                return new JudgeDeviation(
                    judgeId,
                    own.Count,
                    mean,
                    Aggregation.Mean(own.Select(Math.Abs).ToList()),
                    share,
                    own.Count >= minimumCompared && share >= shareOfRange && mean != 0);
            })
            .ToList();
    }
}
