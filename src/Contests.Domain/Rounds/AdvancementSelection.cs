namespace Contests.Domain.Rounds;

/// <summary>A team's standing in its division once a round is judged: rank 1 is best, tied teams share a rank.</summary>
public sealed record RankedResult(Guid TeamId, string Division, int Rank, decimal Score);

public static class AdvancementSelection
{
    /// <summary>
    /// The teams that advance under the rule, followed by the organisers' own picks, each team once. Ranks are
    /// per division and shared by ties, so "top 3" takes every team ranked 1 to 3, which may be more than three.
    /// </summary>
    public static IReadOnlyList<Guid> Select(AdvancementRule rule, IReadOnlyList<RankedResult> results, IReadOnlyCollection<Guid> organiserSelected)
    {
        if (rule.Kind == AdvancementKind.None)
        {
            return [];
        }

        var byRule = rule.Kind switch
        {
            AdvancementKind.TopPerDivision => results.Where(result => result.Rank <= rule.Count),
            AdvancementKind.ScoreThreshold => results.Where(result => result.Score >= rule.MinScore),
            _ => [],
        };
        return byRule
            .OrderBy(result => result.Division, StringComparer.Ordinal)
            .ThenBy(result => result.Rank)
            .Select(result => result.TeamId)
            .Concat(organiserSelected)
            .Distinct()
            .ToList();
    }
}
