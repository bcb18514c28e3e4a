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
            [new RoundDefinition(1, "Vòng loại trực tuyến", RoundLevel.Province, RoundType.JudgedSubmissions), new RoundDefinition(2, "Chung kết", RoundLevel.Province, RoundType.Matches)],
            view.Rounds);
        Assert.Equal("\"2\"", result.Context.Response.Headers.ETag.ToString());
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
