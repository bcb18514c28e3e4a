using Alba;
using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Judging;
using Contests.Api.Tests.Support;

namespace Contests.Api.Tests.Judging;

/// <summary>A contest with a judged online round and a match final, and the calls the judging tests share.</summary>
public sealed record JudgedContest(ContestView Contest, Guid JudgedRound, Guid MatchRound)
{
    public string Round => $"/api/contests/{Contest.Id}/rounds/{JudgedRound}";

    public string Judges => $"/api/contests/{Contest.Id}/judges";
}

public static class JudgingApi
{
    /// <summary>Roles that must never change rubrics, panels or judges.</summary>
    public static readonly string[] NotOrganisers = [Roles.Team, Roles.Referee, Roles.Judge, Roles.HeadJudge];

    public static readonly object CreativityRubric = new
    {
        criteria = new object[]
        {
            new { code = "NOVELTY", description = "Tính mới, sáng tạo", maximum = 10m, step = 0.5m, weight = 2m },
            new { code = "SCIENCE", description = "Cơ sở khoa học", maximum = 10m, step = 0.5m, weight = 1m },
            new { code = "USE", description = "Khả năng ứng dụng", maximum = 5m, step = 1m, weight = 1m, divisions = new[] { "THPT" } },
        },
    };

    public static async Task<JudgedContest> CreateJudgedContest(this AppFixture app)
    {
        var contest = await app.CreateContest();
        var result = await app.Change(HttpMethod.Put, $"/api/contests/{contest.Id}/rounds", new
        {
            rounds = new[]
            {
                new { name = "Vòng sơ khảo trực tuyến", level = "Province", type = "JudgedSubmissions" },
                new { name = "Chung kết", level = "Province", type = "Matches" },
            },
        }, Roles.Organiser, "\"1\"", 200);
        var rounds = (await result.ReadAsJsonAsync<ContestView>())!.Rounds;
        return new JudgedContest(contest, rounds[0].Id, rounds[1].Id);
    }

    public static async Task<IScenarioResult> Get(this AppFixture app, string url, string? role, int expectedStatus = 200)
    {
        var session = role is null ? null : await app.SessionFor(role);
        return await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url(url);
            session?.Apply(scenario);
            scenario.StatusCodeShouldBe(expectedStatus);
        });
    }

    public static async Task<IScenarioResult> Post(this AppFixture app, string url, object body, string role, int expectedStatus, string? idempotencyKey = null)
    {
        var session = await app.SessionFor(role);
        return await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(body).ToUrl(url);
            session.Apply(scenario);
            if (idempotencyKey is not null)
            {
                scenario.WithRequestHeader("Idempotency-Key", idempotencyKey);
            }

            scenario.StatusCodeShouldBe(expectedStatus);
        });
    }

    public static async Task<JudgeView> AddJudge(this AppFixture app, JudgedContest judged, string name, string[]? schools = null, string[]? districts = null, bool headJudge = false)
    {
        var result = await app.Post(judged.Judges, new { name, schools = schools ?? [], districts = districts ?? [], headJudge }, Roles.Organiser, 201);
        return (await result.ReadAsJsonAsync<JudgeView>())!;
    }

    public static async Task<PanelView> CreatePanel(this AppFixture app, JudgedContest judged, string name, string[] divisions, params Guid[] members)
    {
        var result = await app.Post($"{judged.Round}/panels", new { name, divisions, members }, Roles.Organiser, 201);
        return (await result.ReadAsJsonAsync<PanelView>())!;
    }

    public static async Task<ProblemBody> Problem(this IScenarioResult result) => (await result.ReadAsJsonAsync<ProblemBody>())!;
}
