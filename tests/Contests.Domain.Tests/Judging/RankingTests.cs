using Contests.Domain.Judging;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Contests.Domain.Tests.Judging.JudgingData;

namespace Contests.Domain.Tests.Judging;

public sealed class RankingTests
{
    private static EntryResult Result(int entry, decimal score, decimal? median = null, decimal? novelty = null) =>
        new(Entry(entry), score, median ?? score, 3, novelty is { } value ? new Dictionary<string, decimal> { ["NOVELTY"] = value } : new Dictionary<string, decimal>());

    private static (int Entry, int Rank, bool Tied)[] Places(IReadOnlyList<RankedEntry> ranked) =>
        ranked.Select(entry => (int.Parse(entry.EntryId.ToString()[^12..], System.Globalization.CultureInfo.InvariantCulture), entry.Rank, entry.Tied)).ToArray();

    [Fact]
    public void remaining_ties_share_a_rank_and_the_next_rank_skips()
    {
        var ranked = Ranking.Rank([Result(1, 30m), Result(2, 28m), Result(3, 28m), Result(4, 25m)], []);

        Assert.Equal([(1, 1, false), (2, 2, true), (3, 2, true), (4, 4, false)], Places(ranked));
        Assert.All(ranked, entry => Assert.Null(entry.DecidedBy));
    }

    [Fact]
    public void tie_breaks_apply_in_order_and_only_to_entries_still_tied()
    {
        TieBreakRule novelty = new(TieBreakKind.HigherCriterion, "NOVELTY");
        TieBreakRule median = new(TieBreakKind.HigherMedian);
        var ranked = Ranking.Rank(
            [Result(1, 28m, median: 27m, novelty: 8m), Result(2, 28m, median: 29m, novelty: 8m), Result(3, 28m, median: 20m, novelty: 9m), Result(4, 30m, novelty: 1m)],
            [novelty, median]);

        Assert.Equal([(4, 1, false), (3, 2, false), (2, 3, false), (1, 4, false)], Places(ranked));
        Assert.Equal([null, novelty, median, median], ranked.Select(entry => entry.DecidedBy));
    }

    [Fact]
    public void the_organisers_decision_breaks_a_tie_it_covers_completely()
    {
        TieBreakRule decision = new(TieBreakKind.OrganiserDecision);
        EntryResult[] results = [Result(1, 28m), Result(2, 28m), Result(3, 28m), Result(4, 20m), Result(5, 20m)];

        // Entries 1–3 are all in the decision; of 4 and 5 only 4 is, so that tie stays a tie.
        var ranked = Ranking.Rank(results, [decision], [Entry(3), Entry(4), Entry(1), Entry(2)]);

        Assert.Equal([(3, 1, false), (1, 2, false), (2, 3, false), (4, 4, true), (5, 4, true)], Places(ranked));
    }

    [Fact]
    public void a_criterion_some_tied_entries_lack_breaks_nothing()
    {
        var ranked = Ranking.Rank([Result(1, 28m, novelty: 9m), Result(2, 28m)], [new TieBreakRule(TieBreakKind.HigherCriterion, "NOVELTY")]);

        Assert.Equal([(1, 1, true), (2, 1, true)], Places(ranked));
    }

    private static readonly TieBreakRule[] AllRules =
        [new(TieBreakKind.HigherCriterion, "NOVELTY"), new(TieBreakKind.HigherMedian), new(TieBreakKind.OrganiserDecision)];

    /// <summary>Results with few distinct values (so ties abound), some tie-break rules in some order, a partial organiser order.</summary>
    private static Gen<(EntryResult[] Results, TieBreakRule[] Rules, Guid[] Decision)> Rankings() =>
        from count in Gen.Choose(1, 10)
        from cells in Gen.ArrayOf(Gen.Zip(Gen.Zip(Gen.Choose(0, 4), Gen.Choose(0, 3)), Gen.Zip(Gen.Choose(0, 2), Gen.Elements(true, false))), count)
        let results = cells.Select((cell, index) => Result(
            index, 20m + (cell.Item1.Item1 / 2m), 20m + cell.Item1.Item2, cell.Item2.Item2 ? cell.Item2.Item1 : null)).ToArray()
        from rules in Gen.SubListOf(AllRules)
        from shuffledRules in Gen.Shuffle(rules.ToArray())
        from decision in Gen.SubListOf(results.Select(result => result.EntryId))
        from shuffledDecision in Gen.Shuffle(decision.ToArray())
        select (results, shuffledRules, shuffledDecision);

    [Property]
    public Property ranking_is_competition_ranking_of_a_total_preorder() =>
        Prop.ForAll(Rankings().ToArbitrary(), input =>
        {
            var ranked = Ranking.Rank(input.Results, input.Rules, input.Decision);
            return ranked.Count == input.Results.Length
                && ranked.Select(entry => entry.EntryId).Distinct().Count() == ranked.Count
                && ranked.All(entry => entry.Rank == 1 + ranked.Count(other => other.Rank < entry.Rank))
                && ranked.All(entry => entry.Tied == ranked.Any(other => other.EntryId != entry.EntryId && other.Rank == entry.Rank))
                && ranked.Zip(ranked.Skip(1)).All(pair => pair.First.Rank <= pair.Second.Rank);
        });

    [Property]
    public Property ranking_is_consistent_with_the_scores() =>
        Prop.ForAll(Rankings().ToArbitrary(), input =>
        {
            var ranked = Ranking.Rank(input.Results, input.Rules, input.Decision);
            return ranked.All(first => ranked.All(second =>
                (first.Score <= second.Score || first.Rank < second.Rank) &&
                (first.Rank >= second.Rank || first.Score >= second.Score)));
        });

    [Property]
    public Property without_tie_breaks_equal_scores_and_only_they_share_a_rank() =>
        Prop.ForAll(Rankings().ToArbitrary(), input =>
        {
            var ranked = Ranking.Rank(input.Results, []);
            return ranked.All(first => ranked.All(second => (first.Rank == second.Rank) == (first.Score == second.Score)));
        });

    [Property]
    public Property ranking_does_not_depend_on_the_order_of_its_input() =>
        Prop.ForAll(Rankings().SelectMany(input => Gen.Shuffle(input.Results).Select(shuffled => (input, shuffled))).ToArbitrary(), pair =>
            Ranking.Rank(pair.input.Results, pair.input.Rules, pair.input.Decision)
                .SequenceEqual(Ranking.Rank(pair.shuffled, pair.input.Rules, pair.input.Decision)));
}
