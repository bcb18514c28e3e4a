using Contests.Domain.Awards;
using FsCheck.Xunit;

namespace Contests.Domain.Tests.Awards;

public sealed class AwardAllocationTests
{
    private static Guid Entry(int number) => new($"00000000-0000-0000-0000-{number:D12}");

    /// <summary>Entry n has score s: the ranking is derived the way a results table is, ties included.</summary>
    private static IReadOnlyList<RankedEntry> Ranking(params decimal[] scores) =>
        AwardAllocation.RankByScore(scores.Select((score, index) => (Entry(index + 1), score)));

    private static TierQuota Count(AwardTier tier, int count) => new(tier, Count: count);

    private static AwardTier? TierOf(Allocation allocation, int entry) => allocation.Entries.Single(award => award.EntryId == Entry(entry)).Tier;

    [Fact]
    public void tiers_are_filled_from_the_highest_down_in_rank_order()
    {
        var allocation = AwardAllocation.Allocate(
            Ranking(90, 80, 70, 60, 50, 40, 30),
            [Count(AwardTier.Third, 2), Count(AwardTier.First, 1), Count(AwardTier.Second, 2)],
            []);

        Assert.Equal(
            [AwardTier.First, AwardTier.Second, AwardTier.Second, AwardTier.Third, AwardTier.Third, null, null],
            Enumerable.Range(1, 7).Select(entry => TierOf(allocation, entry)));
        Assert.Empty(allocation.Ties);
        Assert.True(allocation.Decidable);
    }

    [Fact]
    public void the_special_award_is_given_only_when_the_round_has_one()
    {
        var without = AwardAllocation.Allocate(Ranking(99, 50), [Count(AwardTier.First, 1)], []);
        var with = AwardAllocation.Allocate(Ranking(99, 50), [Count(AwardTier.Special, 1), Count(AwardTier.First, 1)], []);

        Assert.Equal((AwardTier.First, (AwardTier?)null), (TierOf(without, 1)!.Value, TierOf(without, 2)));
        Assert.Equal((AwardTier.Special, AwardTier.First), (TierOf(with, 1)!.Value, TierOf(with, 2)!.Value));
    }

    [Fact]
    public void a_share_is_of_the_ranked_entries_and_rounds_down()
    {
        // 10% of 25 entries is 2.5: at most 2 first prizes; 30% is 7.5: at most 7 second prizes.
        var allocation = AwardAllocation.Allocate(
            Ranking(Enumerable.Range(1, 25).Select(score => (decimal)score).Reverse().ToArray()),
            [new TierQuota(AwardTier.First, SharePercent: 10m), new TierQuota(AwardTier.Second, SharePercent: 30m)],
            []);

        Assert.Equal(2, allocation.Awarded(AwardTier.First));
        Assert.Equal(7, allocation.Awarded(AwardTier.Second));
    }

    [Fact]
    public void equal_results_get_the_same_award()
    {
        var allocation = AwardAllocation.Allocate(Ranking(90, 85, 85, 70), [Count(AwardTier.First, 1), Count(AwardTier.Second, 2)], []);

        Assert.Equal([AwardTier.First, AwardTier.Second, AwardTier.Second, null], Enumerable.Range(1, 4).Select(entry => TierOf(allocation, entry)));
        Assert.Empty(allocation.Ties);
    }

    [Fact]
    public void a_tie_at_a_quota_boundary_is_reported_and_nobody_is_cut()
    {
        // Two first prizes, but second place is shared by two teams: one seat left for two equal results.
        var allocation = AwardAllocation.Allocate(Ranking(95, 88, 88, 70), [Count(AwardTier.First, 2), Count(AwardTier.Second, 2)], []);

        var tie = Assert.Single(allocation.Ties);
        Assert.Equal((AwardTier.First, 2, 1, AwardTier.Second, false), (tie.Tier, tie.Rank, tie.SeatsLeft, tie.ProposedTier, tie.Resolved));
        Assert.Equal([Entry(2), Entry(3)], tie.EntryIds);
        Assert.Equal([AwardTier.First, AwardTier.Second, AwardTier.Second, null], Enumerable.Range(1, 4).Select(entry => TierOf(allocation, entry)));
        Assert.False(allocation.Decidable);
    }

    [Fact]
    public void a_tied_group_too_large_for_every_tier_left_is_reported_at_each_boundary()
    {
        var allocation = AwardAllocation.Allocate(Ranking(90, 80, 80, 80), [Count(AwardTier.First, 2), Count(AwardTier.Second, 2)], []);

        Assert.Equal([(AwardTier.First, 1), (AwardTier.Second, 2)], allocation.Ties.Select(tie => (tie.Tier, tie.SeatsLeft)));
        Assert.All(allocation.Ties, tie => Assert.Null(tie.ProposedTier));
        Assert.Equal([AwardTier.First, null, null, null], Enumerable.Range(1, 4).Select(entry => TierOf(allocation, entry)));
    }

    [Fact]
    public void the_organiser_decides_a_tie_by_overriding_every_tied_entry()
    {
        var ranking = Ranking(95, 88, 88, 70);
        var quotas = new[] { Count(AwardTier.First, 2), Count(AwardTier.Second, 2) };
        const string reason = "Ban Tổ chức quyết định trao cả hai giải Nhất";

        var half = AwardAllocation.Allocate(ranking, quotas, [new AwardOverride(Entry(2), AwardTier.First, reason)]);
        var both = AwardAllocation.Allocate(ranking, quotas, [new AwardOverride(Entry(2), AwardTier.First, reason), new AwardOverride(Entry(3), AwardTier.First, reason)]);

        Assert.False(half.Decidable);
        Assert.True(both.Decidable);
        Assert.Equal(3, both.Awarded(AwardTier.First));
        var overridden = both.Entries.Single(award => award.EntryId == Entry(3));
        Assert.Equal((AwardTier.First, AwardTier.Second, reason), (overridden.Tier!.Value, overridden.ComputedTier!.Value, overridden.OverrideReason));
    }

    [Fact]
    public void an_override_can_take_an_award_away_and_the_latest_one_counts()
    {
        var allocation = AwardAllocation.Allocate(
            Ranking(90, 80),
            [Count(AwardTier.First, 1), Count(AwardTier.Second, 1)],
            [new AwardOverride(Entry(1), AwardTier.Third, "nhầm"), new AwardOverride(Entry(1), null, "Vi phạm quy chế thi")]);

        var first = allocation.Entries.Single(award => award.EntryId == Entry(1));
        Assert.Equal(((AwardTier?)null, AwardTier.First, "Vi phạm quy chế thi"), (first.Tier, first.ComputedTier!.Value, first.OverrideReason));
        Assert.Equal(AwardTier.Second, TierOf(allocation, 2));
    }

    [Fact]
    public void scores_rank_as_a_results_table_does()
    {
        var ranking = Ranking(70, 95, 88, 88);

        Assert.Equal([(Entry(2), 1), (Entry(3), 2), (Entry(4), 2), (Entry(1), 4)], ranking.Select(entry => (entry.EntryId, entry.Rank)));
    }

    [Fact]
    public void quotas_are_checked_per_division_and_tier()
    {
        var form = new AwardQuotasForm(
        [
            new DivisionAwardsForm("THCS", [new("First", 1, null), new("First", 2, null), new("Gold", 1, null), new("Second", null, 150m), new("Third", 1, 10m)]),
            new DivisionAwardsForm("MAM_NON", []),
            new DivisionAwardsForm("thcs", []),
        ]);

        var violations = AwardQuotaRules.Check(form, ["THCS", "THPT"]);

        Assert.Equal(
            [
                ("divisions[0].tiers[1].tier", "duplicate-award-tier"),
                ("divisions[0].tiers[2].tier", "unknown-award-tier"),
                ("divisions[0].tiers[3]", "award-quota-invalid"),
                ("divisions[0].tiers[4]", "award-quota-invalid"),
                ("divisions[1].divisionCode", "unknown-division"),
                ("divisions[2].divisionCode", "duplicate-division"),
            ],
            violations.Select(violation => (violation.Field, violation.Rule)));
    }

    // Properties: any ranking (scores folded into a few values so ties are common), any quotas by count or share.

    private static (IReadOnlyList<RankedEntry> Ranking, IReadOnlyList<TierQuota> Quotas) Arrange(int[] scores, byte[] seats, bool byShare)
    {
        var ranking = Ranking(scores.Select(score => (decimal)Math.Abs(score % 7)).ToArray());
        var quotas = Enum.GetValues<AwardTier>().Zip(seats.Concat(new byte[5]), (tier, seat) =>
            byShare ? new TierQuota(tier, SharePercent: 1 + (seat % 100)) : new TierQuota(tier, Count: seat % 6)).ToList();
        return (ranking, quotas);
    }

    [Property]
    public bool no_tier_ever_holds_more_awards_than_its_quota(int[] scores, byte[] seats, bool byShare)
    {
        var (ranking, quotas) = Arrange(scores, seats, byShare);
        var allocation = AwardAllocation.Allocate(ranking, quotas, []);
        return quotas.All(quota => allocation.Awarded(quota.Tier) <= quota.SeatsFor(ranking.Count));
    }

    [Property]
    public bool tied_entries_are_never_split(int[] scores, byte[] seats, bool byShare)
    {
        var (ranking, quotas) = Arrange(scores, seats, byShare);
        return AwardAllocation.Allocate(ranking, quotas, []).Entries
            .GroupBy(award => award.Rank)
            .All(group => group.Select(award => award.Tier).Distinct().Count() == 1);
    }

    [Property]
    public bool a_better_rank_never_gets_a_lower_tier(int[] scores, byte[] seats, bool byShare)
    {
        var (ranking, quotas) = Arrange(scores, seats, byShare);
        var entries = AwardAllocation.Allocate(ranking, quotas, []).Entries;
        // No award sorts after every tier.
        static int Order(AwardTier? tier) => tier is { } value ? (int)value : int.MaxValue;
        return entries.All(better => entries.Where(worse => worse.Rank > better.Rank).All(worse => Order(better.Tier) <= Order(worse.Tier)));
    }

    [Property]
    public bool the_order_of_the_input_does_not_matter(int[] scores, byte[] seats, bool byShare, int seed)
    {
        var (ranking, quotas) = Arrange(scores, seats, byShare);
        var random = new Random(seed);
        var shuffled = ranking.OrderBy(_ => random.Next()).ToList();
        var reversedQuotas = quotas.AsEnumerable().Reverse().ToList();
        var expected = AwardAllocation.Allocate(ranking, quotas, []);
        var actual = AwardAllocation.Allocate(shuffled, reversedQuotas, []);
        return expected.Entries.SequenceEqual(actual.Entries)
               && expected.Ties.Select(tie => (tie.Tier, tie.Rank, tie.SeatsLeft, string.Join(',', tie.EntryIds)))
                   .SequenceEqual(actual.Ties.Select(tie => (tie.Tier, tie.Rank, tie.SeatsLeft, string.Join(',', tie.EntryIds))));
    }

    [Property]
    public bool every_entry_is_allocated_once_and_untied_allocations_need_no_decision(int[] scores, byte[] seats, bool byShare)
    {
        var (ranking, quotas) = Arrange(scores, seats, byShare);
        var allocation = AwardAllocation.Allocate(ranking, quotas, []);
        return allocation.Entries.Select(award => award.EntryId).Order().SequenceEqual(ranking.Select(entry => entry.EntryId).Order())
               && allocation.Decidable == (allocation.Ties.Count == 0);
    }
}
