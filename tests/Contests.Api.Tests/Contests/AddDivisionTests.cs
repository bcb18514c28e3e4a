using Alba;
using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Tests.Support;

namespace Contests.Api.Tests.Contests;

[Collection(AppCollection.Name)]
public sealed class AddDivisionTests(AppFixture app)
{
    private Task<IScenarioResult> AddDivision(Guid contestId, string? ifMatch, object body, int expectedStatus, string role = Roles.Organiser) =>
        app.Change(HttpMethod.Post, $"/api/contests/{contestId}/divisions", body, role, ifMatch, expectedStatus);

    [Fact]
    public async Task a_division_added_with_the_current_version_answers_the_new_version()
    {
        var contest = await app.CreateContest();
        var result = await AddDivision(contest.Id, "\"1\"", new { code = "th", name = "Tiểu học" }, 200);

        Assert.Equal("\"2\"", result.Context.Response.Headers.ETag.ToString());
        var updated = (await result.ReadAsJsonAsync<ContestView>())!;
        Assert.Contains(updated.Divisions, division => division.Code == "TH" && division.Name == "Tiểu học");
        var fetched = await app.Host.GetAsJson<ContestView>($"/api/contests/{contest.Id}");
        Assert.Equal(2, fetched!.Version);
    }

    [Fact]
    public async Task a_change_without_if_match_is_428()
    {
        var contest = await app.CreateContest();
        var result = await AddDivision(contest.Id, null, new { code = "TH", name = "Tiểu học" }, 428);
        Assert.Equal("if-match-required", (await result.ReadAsJsonAsync<ProblemBody>())!.Code);
    }

    [Fact]
    public async Task a_change_from_a_stale_version_is_412_and_changes_nothing()
    {
        var contest = await app.CreateContest();
        await AddDivision(contest.Id, "\"1\"", new { code = "TH", name = "Tiểu học" }, 200);

        var result = await AddDivision(contest.Id, "\"1\"", new { code = "MN", name = "Mầm non" }, 412);

        Assert.Equal("version-stale", (await result.ReadAsJsonAsync<ProblemBody>())!.Code);
        var fetched = await app.Host.GetAsJson<ContestView>($"/api/contests/{contest.Id}");
        Assert.DoesNotContain(fetched!.Divisions, division => division.Code == "MN");
    }

    [Fact]
    public async Task a_division_code_already_in_the_contest_is_409()
    {
        var contest = await app.CreateContest();
        var result = await AddDivision(contest.Id, "\"1\"", new { code = "thcs", name = "Lặp" }, 409);
        Assert.Equal(["division-exists"], (await result.ReadAsJsonAsync<ProblemBody>())!.Rules!["code"]);
    }

    [Fact]
    public async Task a_division_without_a_name_is_422()
    {
        var contest = await app.CreateContest();
        await AddDivision(contest.Id, "\"1\"", new { code = "TH" }, 422);
    }

    [Fact]
    public async Task a_division_for_an_unknown_contest_is_404()
    {
        await AddDivision(Guid.NewGuid(), "\"1\"", new { code = "TH", name = "Tiểu học" }, 404);
    }

    [Fact]
    public async Task a_judge_cannot_change_a_contest()
    {
        var contest = await app.CreateContest();
        await AddDivision(contest.Id, "\"1\"", new { code = "TH", name = "Tiểu học" }, 403, Roles.Judge);
    }
}
