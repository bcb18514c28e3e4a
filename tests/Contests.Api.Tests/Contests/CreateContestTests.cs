using Alba;
using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Tests.Support;

namespace Contests.Api.Tests.Contests;

[Collection(AppCollection.Name)]
public sealed class CreateContestTests(AppFixture app)
{
    [Fact]
    public async Task organiser_creates_a_contest_and_gets_its_location_and_version()
    {
        var organiser = await app.SessionFor(Roles.Organiser);
        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(Requests.Contest("Cuộc thi Robocon tỉnh Bắc Giang 2024")).ToUrl("/api/contests");
            organiser.Apply(scenario);
            scenario.StatusCodeShouldBe(201);
            scenario.Header("ETag").SingleValueShouldEqual("\"1\"");
        });

        var contest = (await result.ReadAsJsonAsync<ContestView>())!;
        Assert.Equal($"/api/contests/{contest.Id}", result.Context.Response.Headers.Location.ToString());
        Assert.Equal(ContestKind.Robocon, contest.Kind);
        Assert.Equal(10, contest.Districts.Count);
        Assert.Equal(["THCS", "THPT"], contest.Divisions.Select(division => division.Code));

        var fetched = await app.Host.GetAsJson<ContestView>($"/api/contests/{contest.Id}");
        Assert.Equivalent(contest, fetched, strict: true);
    }

    [Fact]
    public async Task a_contest_with_missing_and_repeated_setup_is_refused_with_422_naming_each_field()
    {
        var organiser = await app.SessionFor(Roles.Organiser);
        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(new
            {
                name = "",
                kind = "Chess",
                edition = 0,
                organisingBody = "LHH",
                districts = new[] { "Việt Yên", "viet yen" },
                divisions = Array.Empty<object>(),
            }).ToUrl("/api/contests");
            organiser.Apply(scenario);
            scenario.StatusCodeShouldBe(422);
        });

        var problem = await result.ReadAsJsonAsync<ProblemBody>();
        Assert.Equal(["required"], problem!.Rules!["name"]);
        Assert.Equal(["unknown-kind"], problem.Rules["kind"]);
        Assert.Equal(["edition-out-of-range"], problem.Rules["edition"]);
        Assert.Equal(["duplicate-district"], problem.Rules["districts[1]"]);
        Assert.Equal(["divisions-required"], problem.Rules["divisions"]);
    }

    [Fact]
    public async Task anonymous_visitors_cannot_create_contests()
    {
        await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(Requests.Contest("Không được phép")).ToUrl("/api/contests");
            scenario.StatusCodeShouldBe(401);
        });
    }

    [Theory]
    [InlineData(Roles.Judge)]
    [InlineData(Roles.Referee)]
    [InlineData(Roles.Team)]
    public async Task only_organisers_create_contests(string role)
    {
        var session = await app.SessionFor(role);
        await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(Requests.Contest("Không được phép")).ToUrl("/api/contests");
            session.Apply(scenario);
            scenario.StatusCodeShouldBe(403);
        });
    }

    [Fact]
    public async Task a_signed_in_write_without_the_antiforgery_token_is_refused()
    {
        var organiser = await app.SessionFor(Roles.Organiser);
        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(Requests.Contest("Giả mạo")).ToUrl("/api/contests");
            scenario.WithRequestHeader("Cookie", organiser.Cookie);
            scenario.StatusCodeShouldBe(400);
        });

        Assert.Equal("antiforgery-failed", (await result.ReadAsJsonAsync<ProblemBody>())!.Code);
    }

    [Fact]
    public async Task an_unknown_contest_is_404_with_a_message()
    {
        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url($"/api/contests/{Guid.NewGuid()}");
            scenario.StatusCodeShouldBe(404);
        });

        Assert.Equal("contest-not-found", (await result.ReadAsJsonAsync<ProblemBody>())!.Code);
    }

    [Fact]
    public async Task a_client_holding_the_current_version_gets_304()
    {
        var contest = await app.CreateContest();
        await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url($"/api/contests/{contest.Id}");
            scenario.WithRequestHeader("If-None-Match", $"\"{contest.Version}\"");
            scenario.StatusCodeShouldBe(304);
        });
    }

    [Fact]
    public async Task the_contest_list_shows_each_contest_with_its_team_count()
    {
        var contest = await app.CreateContest();
        await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(Requests.Team("Đội đếm số")).ToUrl($"/api/contests/{contest.Id}/teams");
            scenario.StatusCodeShouldBe(201);
        });

        var contests = await app.Host.GetAsJson<ContestSummary[]>("/api/contests");
        Assert.Equal(1, contests!.Single(summary => summary.Id == contest.Id).TeamCount);
    }
}
