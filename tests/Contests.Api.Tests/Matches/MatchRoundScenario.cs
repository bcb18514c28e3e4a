using Alba;
using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Matches;
using Contests.Api.Registration;
using Contests.Api.Tests.Support;
using Contests.Domain.Matches;

namespace Contests.Api.Tests.Matches;

/// <summary>A contest of the test's own with a final played as matches, driven through the HTTP API.</summary>
public sealed class MatchRoundScenario(AppFixture app, Guid contestId, Guid roundId, IReadOnlyList<Guid> teamIds)
{
    public static readonly object Game = new
    {
        name = "Robocon 2024 — Gieo hạt",
        tasks = new[] { new { name = "Gieo hạt", points = 10, maxCount = 12, code = "seed" }, new { name = "Vào kho", points = 50, maxCount = 2, code = "silo" } },
        penalties = new[] { new { name = "Chạm vùng đối phương", points = 10, effect = "ToOpponent", maxCount = 5, code = "cross" } },
        instantWin = "Chiến thắng tuyệt đối",
        matchSeconds = 180,
    };

    public Guid ContestId { get; } = contestId;

    public Guid RoundId { get; } = roundId;

    public IReadOnlyList<Guid> TeamIds { get; } = teamIds;

    public string Url => $"/api/contests/{ContestId}/rounds/{RoundId}/matches";

    /// <summary>A contest with a qualifying round and a match final, <paramref name="teams"/> teams from a few districts, the game set.</summary>
    public static async Task<MatchRoundScenario> Create(AppFixture app, int teams)
    {
        var contest = await app.CreateContest();
        var rounds = await app.Change(HttpMethod.Put, $"/api/contests/{contest.Id}/rounds", new
        {
            rounds = new[]
            {
                new { name = "Vòng loại trực tuyến", level = "Province", type = "JudgedSubmissions" },
                new { name = "Chung kết", level = "Province", type = "Matches" },
            },
        }, Roles.Organiser, "\"1\"", 200);
        var roundId = (await rounds.ReadAsJsonAsync<ContestView>())!.Rounds[1].Id;

        var ids = new List<Guid>();
        for (var index = 0; index < teams; index++)
        {
            var registered = await app.Host.Scenario(scenario =>
            {
                scenario.Post.Json(Requests.Team($"Đội Robot số {index + 1}", Requests.Districts[index % 4])).ToUrl($"/api/contests/{contest.Id}/teams");
                scenario.StatusCodeShouldBe(201);
            });
            ids.Add((await registered.ReadAsJsonAsync<TeamRegistration>())!.Team.Id);
        }

        var scenario = new MatchRoundScenario(app, contest.Id, roundId, ids);
        await app.Change(HttpMethod.Put, $"{scenario.Url}/game", Game, Roles.Organiser, null, 201);
        return scenario;
    }

    public async Task<MatchRoundView> Round()
    {
        var organiser = await app.SessionFor(Roles.Organiser);
        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url(Url);
            organiser.Apply(scenario);
        });
        return (await result.ReadAsJsonAsync<MatchRoundView>())!;
    }

    public static string ETag(MatchRoundView round) => $"\"{round.Version}\"";

    /// <summary>Chooses all the teams in seed order and draws <paramref name="groups"/> groups over two fields.</summary>
    public async Task<MatchRoundView> Draw(int groups, int seed = 42)
    {
        var chosen = await app.Change(HttpMethod.Put, $"{Url}/teams", new { teamIds = TeamIds }, Roles.Organiser, ETag(await Round()), 200);
        var drawn = await app.Change(HttpMethod.Post, $"{Url}/draw", new
        {
            groupCount = groups,
            fields = new[] { "Sân A", "Sân B" },
            startsAt = new DateTime(2024, 8, 10, 8, 0, 0),
            slotMinutes = 5,
            minRestMinutes = 5,
            seed,
        }, Roles.Organiser, ETag((await chosen.ReadAsJsonAsync<MatchRoundView>())!), 200);
        return (await drawn.ReadAsJsonAsync<MatchRoundView>())!;
    }

    public static object Sheet(int redSeeds, int blueSeeds, string? decidedWinner = null) => new
    {
        red = new { tasks = new Dictionary<string, int> { ["seed"] = redSeeds }, penalties = new Dictionary<string, int>() },
        blue = new { tasks = new Dictionary<string, int> { ["seed"] = blueSeeds }, penalties = new Dictionary<string, int>() },
        decidedWinner,
    };

    public async Task<IScenarioResult> Submit(string code, object sheet, string role = Roles.Referee, string? idempotencyKey = null, int expectedStatus = 201)
    {
        var session = await app.SessionFor(role);
        return await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(new { sheet }).ToUrl($"{Url}/{code}/result");
            session.Apply(scenario);
            scenario.WithRequestHeader("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString());
            scenario.StatusCodeShouldBe(expectedStatus);
        });
    }

    public async Task<MatchDetails> Match(string code)
    {
        var organiser = await app.SessionFor(Roles.Organiser);
        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url($"{Url}/{code}");
            organiser.Apply(scenario);
        });
        return (await result.ReadAsJsonAsync<MatchDetails>())!;
    }

    public async Task<IScenarioResult> Confirm(string code, string role = Roles.HeadReferee, int expectedStatus = 200) =>
        await app.Change(HttpMethod.Post, $"{Url}/{code}/confirm", null, role, $"\"{(await Match(code)).Match.Version}\"", expectedStatus);

    /// <summary>Submits and confirms: red wins by <paramref name="redSeeds"/> to <paramref name="blueSeeds"/> seeds.</summary>
    public async Task Play(string code, int redSeeds, int blueSeeds, string? decidedWinner = null)
    {
        await Submit(code, Sheet(redSeeds, blueSeeds, decidedWinner));
        await Confirm(code);
    }
}
