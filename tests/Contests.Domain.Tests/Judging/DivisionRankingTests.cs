using Contests.Domain.Judging;
using static Contests.Domain.Tests.Judging.JudgingData;

namespace Contests.Domain.Tests.Judging;

public sealed class DivisionRankingTests
{
    private static readonly Rubric Rubric = new(
    [
        new Criterion("NOVELTY", "Tính mới", 10m, 0.5m, 2m, []),
        new Criterion("USE", "Khả năng ứng dụng", 10m, 1m, 1m, ["THPT"]),
    ]);

    private static DivisionSheet Sheet(int entry, int judge, string division, decimal novelty, decimal use = 0m) =>
        new(Entry(entry), Judge(judge), division, [new CriterionScore("NOVELTY", novelty), new CriterionScore("USE", use)]);

    [Fact]
    public void each_division_is_aggregated_and_ranked_on_its_own_criteria()
    {
        var standings = DivisionRanking.Rank(Rubric, JudgingSettings.Default,
        [
            Sheet(1, 1, "THPT", 5, 10), Sheet(1, 2, "THPT", 5, 10),
            Sheet(2, 1, "THPT", 9, 0), Sheet(2, 2, "THPT", 9, 0),
            // USE does not apply to THCS: the 10 given here counts for nothing.
            Sheet(3, 1, "THCS", 4, 10), Sheet(3, 2, "THCS", 6, 10),
        ]);

        Assert.Equal(["THCS", "THPT"], standings.Select(standing => standing.Division));
        Assert.Equal([(Entry(3), 1, 10m)], standings[0].Entries.Select(entry => (entry.Place.EntryId, entry.Place.Rank, entry.Result.Score)));
        Assert.Equal(
            [(Entry(1), 1, 20m), (Entry(2), 2, 18m)],
            standings[1].Entries.Select(entry => (entry.Place.EntryId, entry.Place.Rank, entry.Result.Score)));
    }

    [Fact]
    public void the_organisers_order_for_a_division_settles_a_tie_the_rules_leave()
    {
        var settings = JudgingSettings.Default with { TieBreaks = [new TieBreakRule(TieBreakKind.OrganiserDecision)] };
        IReadOnlyList<DivisionSheet> sheets = [Sheet(1, 1, "THCS", 5), Sheet(2, 1, "THCS", 5), Sheet(3, 1, "THCS", 5)];

        var undecided = DivisionRanking.Rank(Rubric, settings, sheets);
        var decided = DivisionRanking.Rank(Rubric, settings, sheets, new Dictionary<string, IReadOnlyList<Guid>> { ["THCS"] = [Entry(3), Entry(1), Entry(2)] });

        Assert.All(Assert.Single(undecided).Entries, entry => Assert.Equal((1, true), (entry.Place.Rank, entry.Place.Tied)));
        Assert.Equal([(Entry(3), 1), (Entry(1), 2), (Entry(2), 3)], Assert.Single(decided).Entries.Select(entry => (entry.Place.EntryId, entry.Place.Rank)));
    }

    [Fact]
    public void no_sheets_means_no_divisions()
    {
        Assert.Empty(DivisionRanking.Rank(Rubric, JudgingSettings.Default, []));
    }
}
