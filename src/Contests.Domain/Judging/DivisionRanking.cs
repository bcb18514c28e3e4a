namespace Contests.Domain.Judging;

/// <summary>One judge's current sheet for one entry, with the division the entry competes in.</summary>
public sealed record DivisionSheet(Guid EntryId, Guid JudgeId, string Division, IReadOnlyList<CriterionScore> Scores);

/// <summary>One entry's place in its division with the result it rests on.</summary>
public sealed record RankedResultOf(RankedEntry Place, EntryResult Result);

/// <summary>A division's entries in ranking order (best first; tied entries share a rank and keep entry-id order).</summary>
public sealed record DivisionStanding(string Division, IReadOnlyList<RankedResultOf> Entries);

/// <summary>
/// A judged round's standing per division: each division's sheets aggregated by the round's method
/// (<see cref="Aggregation.Results"/>), then ranked with its tie-break rules (<see cref="Ranking.Rank"/>), the organisers'
/// recorded order of tied entries applying where a rule asks for it.
/// </summary>
public static class DivisionRanking
{
    /// <summary>
    /// <paramref name="sheets"/> are current sheets only (one per entry and judge), and an entry's sheets all name the
    /// same division. Divisions come out in ordinal order; a division without sheets does not appear.
    /// </summary>
    public static IReadOnlyList<DivisionStanding> Rank(
        Rubric rubric,
        JudgingSettings settings,
        IReadOnlyCollection<DivisionSheet> sheets,
        IReadOnlyDictionary<string, IReadOnlyList<Guid>>? tieOrders = null) =>
        sheets
            .GroupBy(sheet => sheet.Division, StringComparer.OrdinalIgnoreCase)
            .OrderBy(division => division.Key, StringComparer.Ordinal)
            .Select(division =>
            {
                var results = Aggregation.Results(
                    rubric,
                    division.Key,
                    division.Select(sheet => new ScoreSheet(sheet.EntryId, sheet.JudgeId, sheet.Scores)).ToList(),
                    settings.Method,
                    settings.TrimEachEnd);
                var byEntry = results.ToDictionary(result => result.EntryId);
                var order = tieOrders?.GetValueOrDefault(division.Key);
                var ranked = Ranking.Rank(results, settings.TieBreaks, order);
                return new DivisionStanding(division.Key, ranked.Select(place => new RankedResultOf(place, byEntry[place.EntryId])).ToList());
            })
            .ToList();
}
