using Contests.Domain.Rounds;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Contests.Domain.Tests.Rounds;

public sealed class AdvancementSelectionTests
{
    private static readonly Guid[] Teams = Enumerable.Range(1, 8).Select(index => new Guid(index, 0, 0, new byte[8])).ToArray();

    private static readonly RankedResult[] Results =
    [
        new(Teams[0], "THCS", 1, 92m), new(Teams[1], "THCS", 2, 88m), new(Teams[2], "THCS", 2, 88m), new(Teams[3], "THCS", 4, 70m),
        new(Teams[4], "THPT", 1, 95m), new(Teams[5], "THPT", 2, 60m),
    ];

    [Fact]
    public void top_two_per_division_takes_every_team_ranked_one_or_two_ties_included()
    {
        var advanced = AdvancementSelection.Select(new AdvancementRule(AdvancementKind.TopPerDivision, 2), Results, []);

        Assert.Equal([Teams[0], Teams[1], Teams[2], Teams[4], Teams[5]], advanced);
    }

    [Fact]
    public void a_threshold_takes_every_team_scoring_at_least_it()
    {
        var advanced = AdvancementSelection.Select(new AdvancementRule(AdvancementKind.ScoreThreshold, MinScore: 88m), Results, []);

        Assert.Equal([Teams[0], Teams[1], Teams[2], Teams[4]], advanced);
    }

    [Fact]
    public void organiser_selection_takes_exactly_the_picked_teams_and_picks_add_to_any_rule_once()
    {
        Assert.Equal([Teams[7], Teams[3]], AdvancementSelection.Select(new AdvancementRule(AdvancementKind.OrganiserSelection), Results, [Teams[7], Teams[3], Teams[7]]));
        Assert.Equal([Teams[0], Teams[4], Teams[6]], AdvancementSelection.Select(new AdvancementRule(AdvancementKind.TopPerDivision, 1), Results, [Teams[6], Teams[0]]));
    }

    [Fact]
    public void no_rule_advances_nobody() =>
        Assert.Empty(AdvancementSelection.Select(AdvancementRule.None, Results, [Teams[0]]));

    private static Arbitrary<RankedResult[]> RankedDivisions() =>
        (from count in Gen.Choose(0, 30)
         from scores in Gen.ArrayOf(Gen.Choose(0, 100), count)
         from divisions in Gen.ArrayOf(Gen.Elements("TH", "THCS", "THPT"), count)
         select Rank(scores, divisions)).ToArbitrary();

    /// <summary>Competition ranking per division: higher score first, equal scores share a rank.</summary>
    private static RankedResult[] Rank(int[] scores, string[] divisions) =>
        scores.Select((score, index) => (Team: new Guid(index + 1, 0, 0, new byte[8]), Division: divisions[index], Score: (decimal)score))
            .GroupBy(result => result.Division)
            .SelectMany(division => division.Select(result => new RankedResult(
                result.Team, result.Division, 1 + division.Count(other => other.Score > result.Score), result.Score)))
            .ToArray();

    [Property]
    public Property top_n_never_takes_a_team_ranked_below_a_team_it_leaves_out_of_the_same_division() =>
        Prop.ForAll(RankedDivisions(), Gen.Choose(1, 10).ToArbitrary(), (results, count) =>
        {
            var advanced = AdvancementSelection.Select(new AdvancementRule(AdvancementKind.TopPerDivision, count), results, []).ToHashSet();
            return results.All(taken => !advanced.Contains(taken.TeamId) || results.All(left =>
                advanced.Contains(left.TeamId) || left.Division != taken.Division || left.Rank > taken.Rank));
        });

    [Property]
    public Property top_n_takes_at_least_n_per_division_when_there_are_that_many_and_raising_n_only_adds() =>
        Prop.ForAll(RankedDivisions(), Gen.Choose(1, 10).ToArbitrary(), (results, count) =>
        {
            var rule = new AdvancementRule(AdvancementKind.TopPerDivision, count);
            var advanced = AdvancementSelection.Select(rule, results, []).ToHashSet();
            var more = AdvancementSelection.Select(rule with { Count = count + 1 }, results, []).ToHashSet();
            var enoughPerDivision = results.GroupBy(result => result.Division)
                .All(division => division.Count(result => advanced.Contains(result.TeamId)) >= Math.Min(count, division.Count()));
            return enoughPerDivision && advanced.IsSubsetOf(more);
        });

    [Property]
    public Property a_threshold_splits_the_results_exactly_at_the_score() =>
        Prop.ForAll(RankedDivisions(), Gen.Choose(0, 100).ToArbitrary(), (results, threshold) =>
        {
            var advanced = AdvancementSelection.Select(new AdvancementRule(AdvancementKind.ScoreThreshold, MinScore: threshold), results, []).ToHashSet();
            return results.All(result => advanced.Contains(result.TeamId) == (result.Score >= threshold));
        });
}
