using Alba;
using Contests.Api.Access;
using Contests.Api.Judging;
using Contests.Api.Tests.Support;
using Contests.Domain.Judging;

namespace Contests.Api.Tests.Judging;

[Collection(AppCollection.Name)]
public sealed class SetRubricTests(AppFixture app)
{
    private Task<IScenarioResult> SetRubric(JudgedContest judged, object body, string? ifMatch, int expectedStatus, string role = Roles.Organiser) =>
        app.Change(HttpMethod.Put, $"{judged.Round}/judging/rubric", body, role, ifMatch, expectedStatus);

    [Fact]
    public async Task a_round_nobody_has_set_up_has_no_criteria_default_settings_and_version_0()
    {
        var judged = await app.CreateJudgedContest();

        var result = await app.Get($"{judged.Round}/judging", role: null);

        var view = (await result.ReadAsJsonAsync<RoundJudgingView>())!;
        Assert.Equal(("Vòng sơ khảo trực tuyến", 0L), (view.RoundName, view.Version));
        Assert.Empty(view.Criteria);
        Assert.Equal((AggregationMethod.Mean, 1, 3), (view.Settings.Method, view.Settings.TrimEachEnd, view.Settings.JudgesPerEntry));
        Assert.Empty(view.Settings.TieBreaks);
        Assert.Equal("\"0\"", result.Context.Response.Headers.ETag.ToString());
    }

    [Fact]
    public async Task an_organiser_sets_the_rubric_of_a_judged_round_and_everyone_can_read_it()
    {
        var judged = await app.CreateJudgedContest();

        var result = await SetRubric(judged, JudgingApi.CreativityRubric, "\"0\"", 200);

        Assert.Equal("\"1\"", result.Context.Response.Headers.ETag.ToString());
        var read = (await (await app.Get($"{judged.Round}/judging", role: null)).ReadAsJsonAsync<RoundJudgingView>())!;
        Assert.Equal(["NOVELTY", "SCIENCE", "USE"], read.Criteria.Select(criterion => criterion.Code));
        Assert.Equal((10m, 0.5m, 2m), (read.Criteria[0].Maximum, read.Criteria[0].Step, read.Criteria[0].Weight));
        Assert.Equal([new DivisionMaximum("THCS", 30m), new DivisionMaximum("THPT", 35m)], read.Maxima);
        Assert.Equal(1, read.Version);
    }

    [Fact]
    public async Task a_second_change_needs_the_version_of_the_first()
    {
        var judged = await app.CreateJudgedContest();
        await SetRubric(judged, JudgingApi.CreativityRubric, "\"0\"", 200);

        var stale = await SetRubric(judged, JudgingApi.CreativityRubric, "\"0\"", 412);
        Assert.Equal("version-stale", (await stale.Problem()).Code);
        await SetRubric(judged, JudgingApi.CreativityRubric, "\"1\"", 200);
        await SetRubric(judged, JudgingApi.CreativityRubric, null, 428);
    }

    [Fact]
    public async Task two_organisers_setting_the_first_rubric_at_once_get_one_success_and_one_conflict()
    {
        var judged = await app.CreateJudgedContest();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            var session = await app.SessionFor(Roles.Organiser);
            var result = await app.Host.Scenario(scenario =>
            {
                scenario.Put.Json(JudgingApi.CreativityRubric).ToUrl($"{judged.Round}/judging/rubric");
                session.Apply(scenario);
                scenario.WithRequestHeader("If-Match", "\"0\"");
                scenario.IgnoreStatusCode();
            });
            return result.Context.Response.StatusCode;
        }));

        Assert.Equal([200, 412], statuses.Order());
    }

    [Fact]
    public async Task every_broken_rule_is_named_and_nothing_is_stored()
    {
        var judged = await app.CreateJudgedContest();
        var body = new
        {
            criteria = new object[]
            {
                new { code = "A", description = "Tính mới", maximum = 10m, step = 3m, weight = 1m },
                new { code = "a", description = "", maximum = 0m, step = 0.5m, weight = -1m, divisions = new[] { "MAM-NON" } },
            },
        };

        var problem = await (await SetRubric(judged, body, "\"0\"", 422)).Problem();

        Assert.Equal(["step-not-dividing-maximum"], problem.Rules!["criteria[0].step"]);
        Assert.Equal(["duplicate-criterion"], problem.Rules["criteria[1].code"]);
        Assert.Equal(["required"], problem.Rules["criteria[1].description"]);
        Assert.Equal(["maximum-not-positive"], problem.Rules["criteria[1].maximum"]);
        Assert.Equal(["weight-not-positive"], problem.Rules["criteria[1].weight"]);
        Assert.Equal(["unknown-division"], problem.Rules["criteria[1].divisions"]);
        Assert.Equal(0, (await (await app.Get($"{judged.Round}/judging", role: null)).ReadAsJsonAsync<RoundJudgingView>())!.Version);
    }

    [Fact]
    public async Task an_empty_rubric_is_refused() =>
        Assert.Equal("criteria-required", (await (await SetRubric(await app.CreateJudgedContest(), new { criteria = Array.Empty<object>() }, "\"0\"", 422)).Problem()).Code);

    [Fact]
    public async Task a_criterion_a_tie_break_names_cannot_be_dropped()
    {
        var judged = await app.CreateJudgedContest();
        await SetRubric(judged, JudgingApi.CreativityRubric, "\"0\"", 200);
        await app.Change(HttpMethod.Put, $"{judged.Round}/judging/settings",
            new { tieBreaks = new[] { new { kind = "HigherCriterion", criterion = "NOVELTY" } } }, Roles.Organiser, "\"1\"", 200);

        var problem = await (await SetRubric(judged, new { criteria = new[] { new { code = "SCIENCE", description = "Khoa học", maximum = 10m } } }, "\"2\"", 422)).Problem();

        Assert.Equal("criterion-used-by-tie-break", problem.Code);
    }

    [Fact]
    public async Task only_a_judged_round_of_an_existing_contest_has_a_rubric()
    {
        var judged = await app.CreateJudgedContest();
        var matchRound = judged with { JudgedRound = judged.MatchRound };

        Assert.Equal("round-not-judged", (await (await SetRubric(matchRound, JudgingApi.CreativityRubric, "\"0\"", 409)).Problem()).Code);
        Assert.Equal("round-not-found", (await (await SetRubric(judged with { JudgedRound = Guid.NewGuid() }, JudgingApi.CreativityRubric, "\"0\"", 404)).Problem()).Code);
        await app.Change(HttpMethod.Put, $"/api/contests/{Guid.NewGuid()}/rounds/{judged.JudgedRound}/judging/rubric", JudgingApi.CreativityRubric, Roles.Organiser, "\"0\"", 404);
        await app.Get($"/api/contests/{judged.Contest.Id}/rounds/{judged.MatchRound}/judging", role: null, 409);
        await app.Get($"/api/contests/{judged.Contest.Id}/rounds/{Guid.NewGuid()}/judging", role: null, 404);
        await app.Get($"/api/contests/{Guid.NewGuid()}/rounds/{judged.JudgedRound}/judging", role: null, 404);
    }

    [Fact]
    public async Task teams_referees_and_judges_may_not_set_a_rubric_and_nobody_anonymous()
    {
        var judged = await app.CreateJudgedContest();
        foreach (var role in JudgingApi.NotOrganisers)
        {
            await SetRubric(judged, JudgingApi.CreativityRubric, "\"0\"", 403, role);
        }

        await app.Host.Scenario(scenario =>
        {
            scenario.Put.Json(JudgingApi.CreativityRubric).ToUrl($"{judged.Round}/judging/rubric");
            scenario.WithRequestHeader("If-Match", "\"0\"");
            scenario.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task an_unchanged_rubric_is_not_sent_again()
    {
        var judged = await app.CreateJudgedContest();
        await SetRubric(judged, JudgingApi.CreativityRubric, "\"0\"", 200);

        await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url($"{judged.Round}/judging");
            scenario.WithRequestHeader("If-None-Match", "\"1\"");
            scenario.StatusCodeShouldBe(304);
        });
    }
}
