using Contests.Domain.Matches;
using Contests.Domain.Registration;

namespace Contests.Domain.Tests.Matches;

public sealed class GameRulesTests
{
    private static readonly GameForm Valid = new(
        "Gieo hạt", [new TaskForm("Gieo hạt", 10, 12)], [new PenaltyForm("Phạm luật", 10, "ToOpponent", 5)], null, 180, null, null);

    [Fact]
    public void a_game_gets_codes_from_its_names_and_the_default_ranking_rules()
    {
        var game = GameRules.Decide(Valid);

        Assert.Equal("gieo-hat", game.Tasks[0].Code);
        Assert.Equal("pham-luat", game.Penalties[0].Code);
        Assert.Equal(RankingPoints.Default, game.RankingPoints);
        Assert.Equal(GameDefinition.DefaultTieBreakers, game.TieBreakers);
        Assert.Equal(3, game.MatchMinutes);
    }

    [Fact]
    public void a_game_without_tasks_or_with_bad_numbers_is_refused_naming_each_field()
    {
        var violations = GameRules.Check(Valid with
        {
            Tasks = [],
            Penalties = [new PenaltyForm("Phạm luật", 0, "Sideways", 5)],
            MatchSeconds = 5,
            RankingPoints = new RankingPointsForm(1, 2, 0),
        });

        Assert.Equal(
            [
                new RuleViolation("tasks", "game-tasks-required"),
                new RuleViolation("penalties[0].points", "points-out-of-range", GameRules.MaxPoints),
                new RuleViolation("penalties[0].effect", "unknown-penalty-effect"),
                new RuleViolation("matchSeconds", "match-duration-out-of-range"),
                new RuleViolation("rankingPoints", "ranking-points-invalid"),
            ],
            violations);
    }

    [Fact]
    public void tie_breakers_must_be_known_distinct_and_a_lot_comes_last()
    {
        var violations = GameRules.Check(Valid with { TieBreakers = ["HeadToHead", "DrawnLot", "HeadToHead", "Coin"] });

        Assert.Equal(
            [
                new RuleViolation("tieBreakers[1]", "drawn-lot-must-be-last"),
                new RuleViolation("tieBreakers[2]", "tie-breaker-invalid"),
                new RuleViolation("tieBreakers[3]", "tie-breaker-invalid"),
            ],
            violations);
    }

    [Fact]
    public void two_items_with_one_name_are_refused()
    {
        var violations = GameRules.Check(Valid with { Tasks = [new TaskForm("Gieo hạt", 10, 12), new TaskForm("GIEO HẠT", 5, 1)] });

        Assert.Equal([new RuleViolation("tasks[1].name", "duplicate-game-item")], violations);
    }
}
