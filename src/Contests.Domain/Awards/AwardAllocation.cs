namespace Contests.Domain.Awards;

/// <summary>Award tiers from the highest down; the order of the values is the order of prestige.</summary>
public enum AwardTier
{
    Special,
    First,
    Second,
    Third,
    Consolation,
}

/// <summary>
/// At most <see cref="Count"/> awards of a tier, or at most <see cref="SharePercent"/> per cent of the ranked entries,
/// rounded down: a quota is a maximum, never a target to fill.
/// </summary>
public sealed record TierQuota(AwardTier Tier, int? Count = null, decimal? SharePercent = null)
{
    public int SeatsFor(int rankedEntries) =>
        Count ?? (int)Math.Floor((SharePercent ?? 0m) * rankedEntries / 100m);
}

/// <summary>One entry (a team or an author's work) of a ranking; entries with equal <see cref="Rank"/> are tied.</summary>
public sealed record RankedEntry(Guid EntryId, int Rank, decimal? Score = null);

/// <summary>The organiser's decision for one entry, applied on top of the computed allocation; a null tier means no award.</summary>
public sealed record AwardOverride(Guid EntryId, AwardTier? Tier, string Reason);

/// <summary>
/// An entry's award: <see cref="Tier"/> is what it receives, <see cref="ComputedTier"/> what the quotas alone gave it,
/// and <see cref="OverrideReason"/> why the organiser decided otherwise.
/// </summary>
public sealed record AllocatedAward(Guid EntryId, int Rank, decimal? Score, AwardTier? Tier, AwardTier? ComputedTier, string? OverrideReason);

/// <summary>
/// Entries tied at <see cref="Rank"/> that do not all fit in the <see cref="SeatsLeft"/> seats left in <see cref="Tier"/>.
/// Nobody is cut arbitrarily: all of them are proposed <see cref="ProposedTier"/> (the tier they all fit in, or none),
/// and the organiser decides by overriding each of them; the tie is <see cref="Resolved"/> once every one has an override.
/// </summary>
public sealed record BoundaryTie(AwardTier Tier, int Rank, int SeatsLeft, IReadOnlyList<Guid> EntryIds, AwardTier? ProposedTier, bool Resolved);

public sealed record Allocation(IReadOnlyList<AllocatedAward> Entries, IReadOnlyList<BoundaryTie> Ties)
{
    /// <summary>The organiser may confirm the allocation once every boundary tie has been decided.</summary>
    public bool Decidable => Ties.All(tie => tie.Resolved);

    public int Awarded(AwardTier tier) => Entries.Count(entry => entry.Tier == tier);
}

/// <summary>
/// Allocates award tiers from a ranking with ties: tiers are filled from the highest down in rank order, equal ranks
/// always receive the same tier, a tier's quota is never exceeded, and a tie that straddles a quota boundary is
/// reported to the organiser instead of being cut. Organiser overrides are applied last, each with its reason.
/// </summary>
public static class AwardAllocation
{
    public static Allocation Allocate(IReadOnlyList<RankedEntry> ranking, IReadOnlyList<TierQuota> quotas, IReadOnlyList<AwardOverride> overrides)
    {
        var tiers = quotas
            .OrderBy(quota => quota.Tier)
            .Select(quota => (quota.Tier, Seats: quota.SeatsFor(ranking.Count)))
            .Where(tier => tier.Seats > 0)
            .ToList();
        var decisions = overrides.GroupBy(decision => decision.EntryId).ToDictionary(group => group.Key, group => group.Last());
        var computed = new List<(RankedEntry Entry, AwardTier? Tier)>(ranking.Count);
        var ties = new List<(AwardTier Tier, int Rank, int SeatsLeft, IReadOnlyList<Guid> EntryIds)>();
        var tierIndex = 0;
        var seatsLeft = tiers.Count > 0 ? tiers[0].Seats : 0;

        foreach (var group in ranking.GroupBy(entry => entry.Rank).OrderBy(group => group.Key))
        {
            var tied = group.OrderBy(entry => entry.EntryId).ToList();
            AwardTier? tier = null;
            while (tierIndex < tiers.Count)
            {
                if (seatsLeft >= tied.Count)
                {
                    tier = tiers[tierIndex].Tier;
                    seatsLeft -= tied.Count;
                    break;
                }

                if (seatsLeft > 0)
                {
                    ties.Add((tiers[tierIndex].Tier, group.Key, seatsLeft, tied.Select(entry => entry.EntryId).ToList()));
                }

                tierIndex++;
                seatsLeft = tierIndex < tiers.Count ? tiers[tierIndex].Seats : 0;
            }

            computed.AddRange(tied.Select(entry => (entry, tier)));
        }

        var entries = computed.Select(item => decisions.TryGetValue(item.Entry.EntryId, out var decision)
                ? new AllocatedAward(item.Entry.EntryId, item.Entry.Rank, item.Entry.Score, decision.Tier, item.Tier, decision.Reason)
                : new AllocatedAward(item.Entry.EntryId, item.Entry.Rank, item.Entry.Score, item.Tier, item.Tier, null))
            .ToList();
        var proposed = computed.ToDictionary(item => item.Entry.EntryId, item => item.Tier);
        return new Allocation(
            entries,
            ties.Select(tie => new BoundaryTie(
                tie.Tier, tie.Rank, tie.SeatsLeft, tie.EntryIds, proposed[tie.EntryIds[0]], tie.EntryIds.All(decisions.ContainsKey))).ToList());
    }

    /// <summary>
    /// Competition ranking ("1224") from scores, highest first: equal scores share a rank and the next rank skips, as a
    /// results table printed from the judges' sheets reads.
    /// </summary>
    public static IReadOnlyList<RankedEntry> RankByScore(IEnumerable<(Guid EntryId, decimal Score)> scores)
    {
        var ranked = new List<RankedEntry>();
        foreach (var (entryId, score) in scores.OrderByDescending(item => item.Score).ThenBy(item => item.EntryId))
        {
            var rank = ranked.Count > 0 && ranked[^1].Score == score ? ranked[^1].Rank : ranked.Count + 1;
            ranked.Add(new RankedEntry(entryId, rank, score));
        }

        return ranked;
    }
}
