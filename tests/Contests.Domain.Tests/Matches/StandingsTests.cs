using Contests.Domain.Matches;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Contests.Domain.Tests.Matches;

public sealed class StandingsTests
{
    private static readonly Guid A = new("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = new("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = new("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid D = new("00000000-0000-0000-0000-00000000000d");
    private static readonly Guid E = new("00000000-0000-0000-0000-00000000000e");

    private static IReadOnlyList<Guid> Order(IReadOnlyList<StandingRow> rows) => rows.Select(row => row.TeamId).ToList();

    [Fact]
    public void wins_draws_and_losses_earn_the_games_ranking_points()
    {
        var rows = Standings.Rank(Games.Robocon, [A, B, C], [Games.Played(A, B, 5, 2), Games.Played(B, C, 3, 3), Games.Played(C, A, 4, 1)], []);

        Assert.Equal([C, A, B], Order(rows));
        Assert.Equal((4, 1, 1, 0, 70, 40), (rows[0].RankingPoints, rows[0].Won, rows[0].Drawn, rows[0].Lost, rows[0].PointsFor, rows[0].PointsAgainst));
        Assert.Equal([1, 2, 3], rows.Select(row => row.Rank));
    }

    [Fact]
    public void two_teams_level_on_ranking_points_are_separated_by_their_own_match_before_total_points()
    {
        // A and B both have 6 points; B scored far more, but A beat B. C and D both have 3; D beat C.
        PlayedMatch[] results =
        [
            Games.Played(A, B, 2, 1), Games.Played(C, A, 1, 0), Games.Played(B, C, 12, 0),
            Games.Played(B, D, 5, 0), Games.Played(A, D, 1, 0), Games.Played(D, C, 1, 0),
        ];

        var rows = Standings.Rank(Games.Robocon, [A, B, C, D], results, []);

        Assert.Equal([A, B, D, C], Order(rows));
        Assert.True(rows[1].PointsFor > rows[0].PointsFor);
    }

    [Fact]
    public void a_three_way_tie_is_settled_by_the_mini_table_among_the_three_not_by_total_points()
    {
        // A, B and C all end on 6 points. Among themselves A beat both, B beat C; C scored by far the most overall.
        PlayedMatch[] results =
        [
            Games.Played(A, B, 2, 1), Games.Played(A, C, 2, 1), Games.Played(B, C, 2, 1),
            Games.Played(C, D, 12, 0), Games.Played(C, E, 12, 0),
            Games.Played(B, D, 2, 1), Games.Played(E, B, 2, 1), Games.Played(D, A, 2, 1), Games.Played(E, A, 2, 1), Games.Played(D, E, 1, 1),
        ];

        var rows = Standings.Rank(Games.Robocon, [A, B, C, D, E], results, []);

        Assert.Equal([E, A, B, C, D], Order(rows));
        Assert.Equal([7, 6, 6, 6, 4], rows.Select(row => row.RankingPoints));
        Assert.Equal([1, 2, 3, 4, 5], rows.Select(row => row.Rank));
    }

    [Fact]
    public void teams_nothing_separates_share_a_rank_until_a_lot_is_drawn()
    {
        PlayedMatch[] results = [Games.Played(A, B, 1, 1), Games.Played(A, C, 3, 0), Games.Played(B, C, 3, 0)];

        var tied = Standings.Rank(Games.Robocon, [A, B, C], results, []);
        Assert.Equal([(1, true), (1, true), (3, false)], tied.Select(row => (row.Rank, row.AwaitingLot)));

        var drawn = Standings.Rank(Games.Robocon, [A, B, C], results, [[B, A]]);
        Assert.Equal([B, A, C], Order(drawn));
        Assert.Equal([1, 2, 3], drawn.Select(row => row.Rank));
        Assert.DoesNotContain(drawn, row => row.AwaitingLot);
    }

    [Fact]
    public void another_game_ranks_by_its_own_points_and_tie_breakers()
    {
        // Sumo: 2 points a win, total match points before head-to-head. B scored most; A and C are level on points, C beat A.
        var push = (int count) => new SideSheet(new Dictionary<string, int> { ["push"] = count }, new Dictionary<string, int>());
        PlayedMatch Sumo(Guid red, Guid blue, int redPushes, int bluePushes) =>
            new(red, blue, MatchScoring.Score(Games.Sumo, new ScoreSheet(push(redPushes), push(bluePushes))));

        var rows = Standings.Rank(Games.Sumo, [A, B, C], [Sumo(A, B, 1, 0), Sumo(B, C, 3, 0), Sumo(C, A, 1, 0)], []);

        Assert.Equal([B, C, A], Order(rows));
        Assert.Equal([2, 2, 2], rows.Select(row => row.RankingPoints));
    }

    private static readonly Guid[] Teams = [A, B, C, D, E];

    /// <summary>A full round robin of five teams with random scores, sometimes ended by an instant win.</summary>
    private static Gen<PlayedMatch[]> RoundRobinResults() =>
        Gen.CollectToArray(RoundRobin.Pairings(Teams).Select(pairing =>
            from red in Gen.Choose(0, 4)
            from blue in Gen.Choose(0, 4)
            from instant in Gen.Elements<Side?>(null, null, null, Side.Red, Side.Blue)
            from seconds in Gen.Choose(20, 180)
            select new PlayedMatch(pairing.Red, pairing.Blue, MatchScoring.Score(
                Games.Robocon, Games.Sheet(red, blue) with { InstantWinBy = instant, InstantWinSeconds = seconds }))));

    [Property]
    public Property standings_do_not_depend_on_the_order_results_arrive_in() =>
        Prop.ForAll(RoundRobinResults().ToArbitrary(), Gen.Choose(0, 10_000).ToArbitrary(), (results, seed) =>
        {
            var random = new Random(seed);
            var shuffled = results.OrderBy(_ => random.Next()).ToArray();
            return Standings.Rank(Games.Robocon, Teams, results, []).SequenceEqual(Standings.Rank(Games.Robocon, Teams, shuffled, []));
        });

    [Property]
    public Property tie_breakers_are_applied_in_order() =>
        Prop.ForAll(RoundRobinResults().ToArbitrary(), results =>
        {
            var game = Games.Robocon with { TieBreakers = [TieBreaker.RankingPoints, TieBreaker.TotalMatchPoints, TieBreaker.FewerPenaltyPoints] };
            var rows = Standings.Rank(game, Teams, results, []);
            return rows.Zip(rows.Skip(1)).All(pair =>
            {
                var (above, below) = pair;
                var keyAbove = (above.RankingPoints, above.PointsFor, -above.PenaltyPoints);
                var keyBelow = (below.RankingPoints, below.PointsFor, -below.PenaltyPoints);
                var comparison = keyAbove.CompareTo(keyBelow);
                return comparison > 0 ? above.Rank < below.Rank : comparison == 0 && above.Rank == below.Rank;
            });
        });

    [Property]
    public Property ranking_points_never_increase_down_the_table_and_ranks_count_the_teams_above() =>
        Prop.ForAll(RoundRobinResults().ToArbitrary(), results =>
        {
            var rows = Standings.Rank(Games.Robocon, Teams, results, []);
            return rows.Zip(rows.Skip(1)).All(pair => pair.First.RankingPoints >= pair.Second.RankingPoints)
                && rows.All(row => row.Rank == 1 + rows.Count(other => other.Rank < row.Rank));
        });
}
