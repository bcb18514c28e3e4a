namespace Contests.Domain.Judging;

public enum TieBreakKind
{
    /// <summary>The higher mean on a named criterion (<see cref="TieBreakRule.Criterion"/>) goes first.</summary>
    HigherCriterion,

    /// <summary>The higher median of the judges' totals goes first.</summary>
    HigherMedian,

    /// <summary>The organisers' recorded order of the tied entries decides.</summary>
    OrganiserDecision,
}

/// <summary>One tie-break rule of a round; the round's rules are applied in order, each only to entries still tied.</summary>
public sealed record TieBreakRule(TieBreakKind Kind, string? Criterion = null);

/// <summary>
/// An entry's place. <c>Rank</c> is competition ranking (1, 2, 2, 4): one more than the number of entries strictly
/// ahead. <c>Tied</c> says another entry shares the rank; <c>DecidedBy</c> is the last tie-break rule that was needed
/// to separate this entry from others with the same score (null when the score alone placed it, or it is still tied).
/// </summary>
public sealed record RankedEntry(Guid EntryId, int Rank, decimal Score, bool Tied, TieBreakRule? DecidedBy);

/// <summary>
/// Ranks results by score, then by the round's tie-break rules in order. A rule separates a group of tied entries only
/// when it can compare all of them (every entry has the named criterion; the organisers' order lists every entry of the
/// group); otherwise it leaves the group as it is. Entries still tied after the last rule share a rank: a tie is never
/// broken by anything the organisers did not set, such as input order or ids.
/// </summary>
public static class Ranking
{
    public static IReadOnlyList<RankedEntry> Rank(
        IReadOnlyCollection<EntryResult> results, IReadOnlyList<TieBreakRule> rules, IReadOnlyList<Guid>? organiserOrder = null)
    {
        var order = (organiserOrder ?? [])
            .Select((entryId, position) => (entryId, position))
            .GroupBy(pair => pair.entryId)
            .ToDictionary(group => group.Key, group => group.Min(pair => pair.position));
        var decidedBy = new Dictionary<Guid, TieBreakRule>();
        var groups = Split(results.ToList(), result => result.Score);
        for (var level = 0; level < rules.Count; level++)
        {
            var rule = rules[level];
            groups = groups.SelectMany(group =>
            {
                if (group.Count == 1)
                {
                    return [group];
                }

                var parts = SplitBy(group, rule, order);
                if (parts.Count > 1)
                {
                    group.ForEach(result => decidedBy[result.EntryId] = rule);
                }

                return parts;
            }).ToList();
        }

        var ranked = new List<RankedEntry>(results.Count);
        var ahead = 0;
        foreach (var group in groups)
        {
            ranked.AddRange(group.OrderBy(result => result.EntryId).Select(result => new RankedEntry(
                result.EntryId, ahead + 1, result.Score, group.Count > 1, group.Count > 1 ? null : decidedBy.GetValueOrDefault(result.EntryId))));
            ahead += group.Count;
        }

        return ranked;
    }

    private static List<List<EntryResult>> SplitBy(List<EntryResult> group, TieBreakRule rule, Dictionary<Guid, int> organiserOrder) =>
        rule.Kind switch
        {
            TieBreakKind.HigherMedian => Split(group, result => result.Median),
            TieBreakKind.HigherCriterion when rule.Criterion is { } code && group.All(result => result.CriterionMeans.ContainsKey(code)) =>
                Split(group, result => result.CriterionMeans[code]),
            // Lower positions go first: negate so that "higher key first" holds for every rule.
            TieBreakKind.OrganiserDecision when group.All(result => organiserOrder.ContainsKey(result.EntryId)) =>
                Split(group, result => -organiserOrder[result.EntryId]),
            _ => [group],
        };

    /// <summary>Groups of equal key, highest key first.</summary>
    private static List<List<EntryResult>> Split(List<EntryResult> results, Func<EntryResult, decimal> key) =>
        results.GroupBy(key).OrderByDescending(group => group.Key).Select(group => group.ToList()).ToList();
}
