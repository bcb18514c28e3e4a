namespace Contests.Domain.Judging;

/// <summary>How an entry's result is computed from its judges' weighted totals.</summary>
public enum AggregationMethod
{
    /// <summary>The arithmetic mean of the totals (the default).</summary>
    Mean,

    /// <summary>The mean after dropping the <c>TrimEachEnd</c> lowest and highest totals (see <see cref="Aggregation.TrimmedMean"/>).</summary>
    TrimmedMean,

    /// <summary>The middle total; the mean of the two middle ones for an even count.</summary>
    Median,

    /// <summary>The mean of per-judge standardised scores, rescaled to the rubric's range (see <see cref="Aggregation.Standardise"/>).</summary>
    StandardisedMean,
}

/// <summary>One judge's weighted total for one entry.</summary>
public sealed record JudgeTotal(Guid EntryId, Guid JudgeId, decimal Total);

/// <summary>One judge's score sheet for one entry.</summary>
public sealed record ScoreSheet(Guid EntryId, Guid JudgeId, IReadOnlyList<CriterionScore> Scores);

/// <summary>
/// An entry's result: its score by the round's method, the median of its totals and the mean of each criterion's values
/// (both used by tie-breaks), and how many judges it rests on.
/// </summary>
public sealed record EntryResult(Guid EntryId, decimal Score, decimal Median, int JudgeCount, IReadOnlyDictionary<string, decimal> CriterionMeans);

/// <summary>
/// Pure aggregation. Every function reads its input as a set: the order in which scores arrive never changes a result.
/// The decimal methods are exact; the standardised mean takes a square root, so its results are rounded to
/// <see cref="StandardisedDecimals"/> places.
/// </summary>
public static class Aggregation
{
    public const int StandardisedDecimals = 6;

    /// <summary>A judge's standardised score of 0 lands in the middle of the range; ±3 standard deviations reach its ends.</summary>
    public const double StandardDeviationsToRangeEnd = 3.0;

    /// <summary>Results for the entries of one division of one round, from full score sheets (one per entry and judge).</summary>
    public static IReadOnlyList<EntryResult> Results(
        Rubric rubric, string division, IReadOnlyCollection<ScoreSheet> sheets, AggregationMethod method, int trimEachEnd = 1)
    {
        var totals = sheets.Select(sheet => new JudgeTotal(sheet.EntryId, sheet.JudgeId, rubric.WeightedTotal(division, sheet.Scores))).ToList();
        var criteria = rubric.For(division);
        var means = sheets.GroupBy(sheet => sheet.EntryId).ToDictionary(
            entry => entry.Key,
            entry => (IReadOnlyDictionary<string, decimal>)criteria.ToDictionary(
                criterion => criterion.Code,
                criterion => Mean(entry.Select(sheet => ValueOf(sheet, criterion.Code)).ToList()),
                StringComparer.OrdinalIgnoreCase));
        return Aggregate(totals, method, rubric.Range(division), trimEachEnd)
            .Select(result => result with { CriterionMeans = means[result.EntryId] })
            .ToList();
    }

    /// <summary>
    /// Results from weighted totals, one per entry, ordered by entry id. <paramref name="range"/> is the rubric's range
    /// for these entries; only the standardised mean uses it. A judge's standardisation is over their totals in
    /// <paramref name="totals"/>, so pass one division of one round at a time.
    /// </summary>
    public static IReadOnlyList<EntryResult> Aggregate(
        IReadOnlyCollection<JudgeTotal> totals, AggregationMethod method, ScoreRange range, int trimEachEnd = 1)
    {
        RequireOneTotalPerJudgeAndEntry(totals);
        var scored = method == AggregationMethod.StandardisedMean
            ? Standardise(totals, range)
            : totals;
        var raw = totals.ToLookup(total => total.EntryId, total => total.Total);
        return scored
            .GroupBy(total => total.EntryId)
            .OrderBy(entry => entry.Key)
            .Select(entry =>
            {
                var values = entry.Select(total => total.Total).ToList();
                var score = method switch
                {
                    AggregationMethod.Mean => Mean(values),
                    AggregationMethod.TrimmedMean => TrimmedMean(values, trimEachEnd),
                    AggregationMethod.Median => Median(values),
                    AggregationMethod.StandardisedMean => Math.Round(Mean(values), StandardisedDecimals, MidpointRounding.AwayFromZero),
                    _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
                };
                return new EntryResult(entry.Key, score, Median(raw[entry.Key].ToList()), values.Count, new Dictionary<string, decimal>());
            })
            .ToList();
    }

    public static decimal Mean(IReadOnlyCollection<decimal> values) =>
        values.Count == 0 ? 0m : values.Sum() / values.Count;

    public static decimal Median(IReadOnlyCollection<decimal> values)
    {
        if (values.Count == 0)
        {
            return 0m;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>
    /// Drops the <paramref name="trimEachEnd"/> lowest and as many highest totals, then takes the mean. When that would
    /// leave nothing (fewer than 2 × trim + 1 totals) nothing is dropped: the plain mean is the result.
    /// </summary>
    public static decimal TrimmedMean(IReadOnlyCollection<decimal> values, int trimEachEnd)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trimEachEnd);
        if (values.Count < (2 * trimEachEnd) + 1)
        {
            return Mean(values);
        }

        return Mean(values.Order().Skip(trimEachEnd).Take(values.Count - (2 * trimEachEnd)).ToList());
    }

    /// <summary>
    /// Replaces each total by its judge's standardised score rescaled to the range: z = (total − judge's mean) / judge's
    /// standard deviation (population, over that judge's totals), then middle of range + z × width / 6, kept within the
    /// range. <b>Zero-spread rule:</b> a judge whose totals are all equal (one total included) expresses no preference
    /// between entries, so every one of their totals becomes z = 0, the middle of the range; never a division by zero.
    /// </summary>
    public static IReadOnlyList<JudgeTotal> Standardise(IReadOnlyCollection<JudgeTotal> totals, ScoreRange range)
    {
        var rescaled = new List<JudgeTotal>(totals.Count);
        foreach (var judge in totals.GroupBy(total => total.JudgeId))
        {
            // z = (n·x − Σx) / √(n·Σx² − (Σx)²): the numerator and the radicand are exact in decimal, so adding a
            // constant to, or multiplying by a positive factor, all of one judge's totals gives the same z.
            var values = judge.Select(total => total.Total).ToList();
            var count = values.Count;
            var sum = values.Sum();
            var radicand = (count * values.Sum(value => value * value)) - (sum * sum);
            var spread = radicand > 0 ? Math.Sqrt((double)radicand) : 0.0;
            foreach (var total in judge)
            {
                var z = spread > 0 ? (double)((count * total.Total) - sum) / spread : 0.0;
                var value = (double)range.Middle + (z * (double)range.Width / (2 * StandardDeviationsToRangeEnd));
                rescaled.Add(total with { Total = range.Clamp((decimal)value) });
            }
        }

        return rescaled;
    }

    private static decimal ValueOf(ScoreSheet sheet, string code) =>
        sheet.Scores.FirstOrDefault(score => string.Equals(score.Code, code, StringComparison.OrdinalIgnoreCase))?.Value ?? 0m;

    private static void RequireOneTotalPerJudgeAndEntry(IReadOnlyCollection<JudgeTotal> totals)
    {
        if (totals.GroupBy(total => (total.EntryId, total.JudgeId)).Any(pair => pair.Count() > 1))
        {
            throw new ArgumentException("A judge has more than one total for an entry; pass each judge's current total only.", nameof(totals));
        }
    }
}
