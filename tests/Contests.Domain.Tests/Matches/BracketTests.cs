using Contests.Domain.Matches;

namespace Contests.Domain.Tests.Matches;

public sealed class BracketTests
{
    private static readonly Guid[] Seeds = Enumerable.Range(1, 8).Select(index => new Guid(index, 0, 0, new byte[8])).ToArray();

    private static Guid Seed(int number) => Seeds[number - 1];

    [Fact]
    public void eight_seeds_make_quarter_finals_where_one_and_two_can_only_meet_in_the_final()
    {
        var bracket = Brackets.Build(Seeds, thirdPlace: true);

        Assert.Equal(["QF1", "QF2", "QF3", "QF4", "SF1", "SF2", "F", "3P"], bracket.Select(match => match.Code));
        Assert.Equal(
            [(1, 8), (4, 5), (2, 7), (3, 6)],
            bracket.Take(4).Select(match => (Array.IndexOf(Seeds, match.Red.Team!.Value) + 1, Array.IndexOf(Seeds, match.Blue.Team!.Value) + 1)));
        Assert.Equal(Entrant.Winner("QF1"), bracket.Single(match => match.Code == "SF1").Red);
        Assert.Equal((Entrant.Loser("SF1"), Entrant.Loser("SF2")), (bracket[^1].Red, bracket[^1].Blue));
    }

    [Fact]
    public void with_six_teams_the_top_two_seeds_get_byes_into_the_semi_finals()
    {
        var bracket = Brackets.Build(Seeds[..6], thirdPlace: false);

        Assert.Equal(["QF1", "QF2", "SF1", "SF2", "F"], bracket.Select(match => match.Code));
        var semiFinal = bracket.Single(match => match.Code == "SF1");
        Assert.Equal((Entrant.Seeded(Seed(1)), Entrant.Winner("QF1")), (semiFinal.Red, semiFinal.Blue));
    }

    [Fact]
    public void group_winners_meet_runners_up_of_another_group()
    {
        var groups = Enumerable.Range(0, 4).Select(group => (IReadOnlyList<Guid>)[Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()]).ToList();

        var bracket = Brackets.Build(Brackets.SeedFromGroups(groups, advancePerGroup: 2), thirdPlace: false);

        var firstRound = bracket.Where(match => match.Round == 1).Select(match => (match.Red.Team!.Value, match.Blue.Team!.Value)).ToList();
        Assert.Equal(4, firstRound.Count);
        for (var group = 0; group < 4; group++)
        {
            var winner = groups[group][0];
            var opponent = firstRound.Single(pair => pair.Item1 == winner).Item2;
            Assert.Equal(groups[(group + 1) % 4][1], opponent);
        }
    }

    [Fact]
    public void a_winner_advances_when_the_result_is_confirmed()
    {
        var bracket = Brackets.Build(Seeds[..4], thirdPlace: true);

        var before = Brackets.Resolve(bracket, new Dictionary<string, KnockoutResult>());
        Assert.Null(before.Single(match => match.Code == "F").Red);

        var results = new Dictionary<string, KnockoutResult> { ["SF1"] = new(Seed(1), Seed(4), Side.Blue) };
        var after = Brackets.Resolve(bracket, results);
        Assert.Equal(Seed(4), after.Single(match => match.Code == "F").Red);
        Assert.Equal(Seed(1), after.Single(match => match.Code == "3P").Red);
    }

    [Fact]
    public void a_correction_upstream_of_a_played_match_flags_it_for_review_instead_of_rewriting_it()
    {
        var bracket = Brackets.Build(Seeds[..4], thirdPlace: false);
        var results = new Dictionary<string, KnockoutResult>
        {
            ["SF1"] = new(Seed(1), Seed(4), Side.Red),
            ["SF2"] = new(Seed(2), Seed(3), Side.Red),
            ["F"] = new(Seed(1), Seed(2), Side.Red),
        };
        Assert.DoesNotContain(Brackets.Resolve(bracket, results), match => match.NeedsReview);

        results["SF1"] = new(Seed(1), Seed(4), Side.Blue);
        var corrected = Brackets.Resolve(bracket, results);

        var final = corrected.Single(match => match.Code == "F");
        Assert.True(final.NeedsReview);
        Assert.Equal((Seed(1), Seed(2), Seed(1)), (final.Red!.Value, final.Blue!.Value, final.Winner!.Value));
    }
}
