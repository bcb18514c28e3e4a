using Contests.Domain.Matches;
using Contests.Domain.Registration;

namespace Contests.Domain.Tests.Matches;

public sealed class MatchScoringTests
{
    private static SideSheet Of(Dictionary<string, int> tasks, Dictionary<string, int>? penalties = null) => new(tasks, penalties ?? []);

    [Fact]
    public void points_come_from_task_counts_and_penalties_given_to_the_opponent_or_subtracted()
    {
        var sheet = new ScoreSheet(
            Of(new() { ["seed"] = 4, ["ball"] = 1 }, new() { ["cross"] = 1, ["early"] = 1 }),
            Of(new() { ["seed"] = 6 }));

        var score = MatchScoring.Score(Games.Robocon, sheet);

        Assert.Equal(new SideScore(40 + 30 - 5, 70, 15), score.Red);
        Assert.Equal(new SideScore(60 + 10, 60, 0), score.Blue);
        Assert.Equal(Side.Blue, score.Winner);
    }

    [Fact]
    public void an_instant_win_wins_whatever_the_points()
    {
        var sheet = Games.Sheet(10, 1) with { InstantWinBy = Side.Blue, InstantWinSeconds = 95 };

        var score = MatchScoring.Score(Games.Robocon, sheet);

        Assert.Equal((Side.Blue, 95), (score.Winner!.Value, score.InstantWinSeconds!.Value));
    }

    [Fact]
    public void level_points_are_a_draw_unless_a_winner_is_decided()
    {
        Assert.Null(MatchScoring.Score(Games.Robocon, Games.Sheet(3, 3)).Winner);
        Assert.Equal(Side.Red, MatchScoring.Score(Games.Robocon, Games.Sheet(3, 3) with { DecidedWinner = Side.Red }).Winner);
    }

    [Fact]
    public void the_same_sheet_scores_differently_in_another_game()
    {
        var sheet = new ScoreSheet(Of(new() { ["push"] = 2 }, new() { ["leave"] = 1 }), Of(new() { ["flip"] = 1 }));

        var score = MatchScoring.Score(Games.Sumo, sheet);

        Assert.Equal((5, 5), (score.Red.Points, score.Blue.Points));
        Assert.Null(score.Winner);
    }

    [Fact]
    public void unknown_items_counts_over_the_maximum_and_an_instant_win_the_game_lacks_are_refused()
    {
        var sheet = new ScoreSheet(Of(new() { ["seed"] = 13, ["laser"] = 1 }), Of(new() { ["flip"] = 1 }), Side.Red, 10);

        Assert.Equal(
            [
                new RuleViolation("red.tasks.seed", "count-out-of-range", 12),
                new RuleViolation("red.tasks.laser", "unknown-game-item"),
                new RuleViolation("blue.tasks.flip", "unknown-game-item"),
            ],
            MatchScoring.Check(Games.Robocon, sheet, winnerRequired: false));
        Assert.Equal(
            [new RuleViolation("instantWinBy", "game-has-no-instant-win")],
            MatchScoring.Check(Games.Sumo, ScoreSheet.Empty with { InstantWinBy = Side.Red, InstantWinSeconds = 10 }, winnerRequired: false));
    }

    [Fact]
    public void an_instant_win_needs_a_time_within_the_match()
    {
        var sheet = Games.Sheet(1, 1) with { InstantWinBy = Side.Red, InstantWinSeconds = 200 };

        Assert.Equal([new RuleViolation("instantWinSeconds", "instant-win-time-out-of-range", 180)], MatchScoring.Check(Games.Robocon, sheet, false));
    }

    [Fact]
    public void a_knockout_match_needs_a_winner_and_a_decided_winner_only_when_level()
    {
        Assert.Equal([new RuleViolation("decidedWinner", "knockout-needs-winner")], MatchScoring.Check(Games.Robocon, Games.Sheet(2, 2), winnerRequired: true));
        Assert.Empty(MatchScoring.Check(Games.Robocon, Games.Sheet(2, 2) with { DecidedWinner = Side.Blue }, winnerRequired: true));
        Assert.Equal(
            [new RuleViolation("decidedWinner", "decided-winner-not-level")],
            MatchScoring.Check(Games.Robocon, Games.Sheet(3, 2) with { DecidedWinner = Side.Blue }, winnerRequired: true));
    }
}
