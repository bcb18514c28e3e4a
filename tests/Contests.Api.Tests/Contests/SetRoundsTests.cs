using Alba;
using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Tests.Support;

namespace Contests.Api.Tests.Contests;

[Collection(AppCollection.Name)]
public sealed class SetRoundsTests(AppFixture app)
{
    private static readonly object OnlineThenFinal = new
    {
        rounds = new[]
        {
            new { name = "Vòng loại trực tuyến", level = "Province", type = "JudgedSubmissions" },
            new { name = "Chung kết", level = "Province", type = "Matches" },
        },
    };

    private Task<IScenarioResult> SetRounds(Guid contestId, object body, string? ifMatch, int expectedStatus, string role = Roles.Organiser) =>
        app.Change(HttpMethod.Put, $"/api/contests/{contestId}/rounds", body, role, ifMatch, expectedStatus);

    [Fact]
    public async Task an_organiser_sets_the_ordered_rounds_of_a_contest()
    {
        var contest = await app.CreateContest();
        var result = await SetRounds(contest.Id, OnlineThenFinal, "\"1\"", 200);

        var view = (await result.ReadAsJsonAsync<ContestView>())!;
        Assert.Equal(
            [(1, "Vòng loại trực tuyến", RoundLevel.Province, RoundType.JudgedSubmissions), (2, "Chung kết", RoundLevel.Province, RoundType.Matches)],
            view.Rounds.Select(round => (round.Order, round.Name, round.Level, round.Type)));
        Assert.Equal("\"2\"", result.Context.Response.Headers.ETag.ToString());
        Assert.Equal(2, view.Rounds.Select(round => round.Id).Distinct().Count());
    }

    [Fact]
    public async Task a_round_keeps_its_id_when_renamed_and_moved()
    {
        var contest = await app.CreateContest();
        var first = (await (await SetRounds(contest.Id, OnlineThenFinal, "\"1\"", 200)).ReadAsJsonAsync<ContestView>())!;
        var online = first.Rounds[0];
        var final = first.Rounds[1];

        var reordered = new
        {
            rounds = new object[]
            {
                new { id = final.Id, name = "Chung kết tỉnh", level = "Province", type = "Matches" },
                new { id = online.Id, name = "Vòng loại online", level = "Province", type = "JudgedSubmissions" },
            },
        };
        var second = (await (await SetRounds(contest.Id, reordered, "\"2\"", 200)).ReadAsJsonAsync<ContestView>())!;

        Assert.Equal([(final.Id, 1, "Chung kết tỉnh"), (online.Id, 2, "Vòng loại online")], second.Rounds.Select(round => (round.Id, round.Order, round.Name)));
    }

    [Fact]
    public async Task an_id_that_is_not_one_of_the_contests_rounds_is_refused()
    {
        var contest = await app.CreateContest();
        var result = await SetRounds(contest.Id, new { rounds = new[] { new { id = Guid.NewGuid(), name = "Vòng 1", level = "Province", type = "Matches" } } }, "\"1\"", 422);

        Assert.Equal(["unknown-round"], (await result.ReadAsJsonAsync<ProblemBody>())!.Rules!["rounds[0].id"]);
    }

    [Fact]
    public async Task unknown_levels_and_types_are_refused_naming_the_round()
    {
        var contest = await app.CreateContest();
        var result = await SetRounds(contest.Id, new { rounds = new[] { new { name = "Vòng xã", level = "Commune", type = "Quiz" } } }, "\"1\"", 422);

        var rules = (await result.ReadAsJsonAsync<ProblemBody>())!.Rules!;
        Assert.Equal(["unknown-round-level"], rules["rounds[0].level"]);
        Assert.Equal(["unknown-round-type"], rules["rounds[0].type"]);
    }

    [Fact]
    public async Task rounds_need_the_current_version_and_an_organiser()
    {
        var contest = await app.CreateContest();
        await SetRounds(contest.Id, OnlineThenFinal, null, 428);
        await SetRounds(contest.Id, OnlineThenFinal, "\"9\"", 412);
        await SetRounds(contest.Id, OnlineThenFinal, "\"1\"", 403, Roles.Referee);
        await SetRounds(Guid.NewGuid(), OnlineThenFinal, "\"1\"", 404);
    }
}
