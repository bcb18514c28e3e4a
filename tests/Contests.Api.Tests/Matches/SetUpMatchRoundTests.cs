using Alba;
using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Matches;
using Contests.Api.Tests.Support;

namespace Contests.Api.Tests.Matches;

[Collection(AppCollection.Name)]
public sealed class SetUpMatchRoundTests(AppFixture app)
{
    [Fact]
    public async Task an_organiser_sets_the_game_which_creates_the_round_and_changes_it_with_its_version()
    {
        var final = await MatchRoundScenario.Create(app, 2);
        var round = await final.Round();
        Assert.Equal(("Robocon 2024 — Gieo hạt", 3, 2), (round.Game.Name, round.Game.RankingPoints.Win, round.Game.Tasks.Count));

        var sumo = new
        {
            name = "Robot Sumo",
            tasks = new[] { new { name = "Đẩy ra khỏi vòng", points = 3, maxCount = 3 } },
            matchSeconds = 120,
            rankingPoints = new { win = 2, draw = 1, loss = 0 },
            tieBreakers = new[] { "RankingPoints", "TotalMatchPoints", "DrawnLot" },
        };
        await app.Change(HttpMethod.Put, $"{final.Url}/game", sumo, Roles.Organiser, null, 428);
        await app.Change(HttpMethod.Put, $"{final.Url}/game", sumo, Roles.Organiser, "\"7\"", 412);
        var changed = await app.Change(HttpMethod.Put, $"{final.Url}/game", sumo, Roles.Organiser, "\"1\"", 200);

        Assert.Equal("\"2\"", changed.Context.Response.Headers.ETag.ToString());
        var game = (await changed.ReadAsJsonAsync<MatchRoundView>())!.Game;
        Assert.Equal(("Robot Sumo", "day-ra-khoi-vong", 2), (game.Name, game.Tasks[0].Code, game.RankingPoints.Win));
    }

    [Fact]
    public async Task a_game_that_breaks_the_rules_is_refused_naming_each_field()
    {
        var final = await MatchRoundScenario.Create(app, 2);
        var result = await app.Change(HttpMethod.Put, $"{final.Url}/game", new
        {
            name = "Trò chơi hỏng",
            tasks = Array.Empty<object>(),
            penalties = new[] { new { name = "Lỗi", points = 5, effect = "Sideways", maxCount = 1 } },
            matchSeconds = 5,
            tieBreakers = new[] { "Coin" },
        }, Roles.Organiser, "\"1\"", 422);

        var rules = (await result.ReadAsJsonAsync<ProblemBody>())!.Rules!;
        Assert.Equal(["game-tasks-required"], rules["tasks"]);
        Assert.Equal(["unknown-penalty-effect"], rules["penalties[0].effect"]);
        Assert.Equal(["match-duration-out-of-range"], rules["matchSeconds"]);
        Assert.Equal(["tie-breaker-invalid"], rules["tieBreakers[0]"]);
    }

    [Fact]
    public async Task only_organisers_set_up_a_round_and_only_a_match_round_can_have_a_game()
    {
        var final = await MatchRoundScenario.Create(app, 2);
        await app.Change(HttpMethod.Put, $"{final.Url}/game", MatchRoundScenario.Game, Roles.HeadReferee, "\"1\"", 403);
        await app.Change(HttpMethod.Put, $"{final.Url}/teams", new { teamIds = final.TeamIds }, Roles.Referee, "\"1\"", 403);

        var contest = await app.Host.GetAsJson<ContestView>($"/api/contests/{final.ContestId}");
        var qualifying = contest!.Rounds[0].Id;
        var refused = await app.Change(HttpMethod.Put, $"/api/contests/{final.ContestId}/rounds/{qualifying}/matches/game", MatchRoundScenario.Game, Roles.Organiser, null, 409);
        Assert.Equal("round-not-matches", (await refused.ReadAsJsonAsync<ProblemBody>())!.Code);
        await app.Change(HttpMethod.Put, $"/api/contests/{final.ContestId}/rounds/{Guid.NewGuid()}/matches/game", MatchRoundScenario.Game, Roles.Organiser, null, 404);
    }

    [Fact]
    public async Task teams_are_chosen_in_seed_order_and_unknown_or_repeated_ones_are_refused()
    {
        var final = await MatchRoundScenario.Create(app, 3);
        var refused = await app.Change(HttpMethod.Put, $"{final.Url}/teams", new { teamIds = new[] { final.TeamIds[0], final.TeamIds[0], Guid.NewGuid() } }, Roles.Organiser, "\"1\"", 422);
        var rules = (await refused.ReadAsJsonAsync<ProblemBody>())!.Rules!;
        Assert.Equal(["duplicate-team"], rules["teamIds[1]"]);
        Assert.Equal(["team-not-found"], rules["teamIds[2]"]);

        var seeded = new[] { final.TeamIds[2], final.TeamIds[0], final.TeamIds[1] };
        var chosen = await app.Change(HttpMethod.Put, $"{final.Url}/teams", new { teamIds = seeded }, Roles.Organiser, "\"1\"", 200);
        Assert.Equal(seeded, (await chosen.ReadAsJsonAsync<MatchRoundView>())!.Teams.Select(team => team.TeamId));
    }

    [Fact]
    public async Task without_ids_the_contests_approved_teams_are_chosen()
    {
        var final = await MatchRoundScenario.Create(app, 3);
        foreach (var teamId in final.TeamIds.Take(2))
        {
            await app.Change(HttpMethod.Post, $"/api/contests/{final.ContestId}/teams/{teamId}/approve", null, Roles.Organiser, "\"1\"", 200);
        }

        var chosen = await app.Change(HttpMethod.Put, $"{final.Url}/teams", new { }, Roles.Organiser, "\"1\"", 200);

        Assert.Equal(final.TeamIds.Take(2), (await chosen.ReadAsJsonAsync<MatchRoundView>())!.Teams.Select(team => team.TeamId));
    }
}
