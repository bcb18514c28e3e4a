using System.Net;
using Alba;
using Contests.Api.Access;
using Contests.Api.Rounds;
using Contests.Api.Tests.Support;

namespace Contests.Api.Tests.Rounds;

/// <summary>Organisers pick who advances; publication advances them; the next judged round takes only advanced teams.</summary>
[Collection(AppCollection.Name)]
public sealed class AdvancementTests(AppFixture app)
{
    private static string Pick(RoundedContest contest, Guid teamId) => $"/api/contests/{contest.ContestId}/rounds/{contest.QualifyingId}/advancement/{teamId}";

    private async Task<(RoundedContest Contest, Guid SemiFinalId, RegisteredTeam Picked, RegisteredTeam Other, DateTimeOffset PublishAt)> Qualifying(object advancement)
    {
        var contest = await app.ContestWithRounds(middle: "Bán kết trực tuyến");
        var now = app.LocalNow();
        var set = await app.SetSchedule(contest.ContestId, contest.QualifyingId, RoundScenarios.Schedule(
            now.AddHours(-1), now.AddDays(1), publish: now.AddDays(2), advancement: advancement));
        var rounds = (await app.Host.GetAsJson<List<RoundScheduleView>>($"/api/contests/{contest.ContestId}/rounds"))!;
        var picked = await app.RegisterTeam(contest.ContestId, "Đội Được Chọn");
        var other = await app.RegisterTeam(contest.ContestId, "Đội Không Được Chọn");
        return (contest, rounds[1].RoundId, picked, other, set.Times!.PublishAt!.Value);
    }

    [Fact]
    public async Task picked_teams_advance_at_publication_and_only_they_may_enter_the_next_judged_round()
    {
        var (contest, semiFinal, picked, other, publishAt) = await Qualifying(new { kind = "OrganiserSelection" });
        var now = app.LocalNow();
        await app.SetSchedule(contest.ContestId, semiFinal, RoundScenarios.Schedule(now.AddHours(-1), now.AddDays(5)));
        var selected = await app.Change(HttpMethod.Post, Pick(contest, picked.Id), null, Roles.Organiser, "\"0\"", 200);
        var beforePublication = (await selected.ReadAsJsonAsync<AdvancementView>())!;
        Assert.Equal([picked.Id], beforePublication.Selected.Select(team => team.TeamId));
        Assert.Empty(beforePublication.Advanced);
        Assert.Equal("\"1\"", selected.Context.Response.Headers.ETag.ToString());

        await app.JobAt(publishAt).CatchUp(app.Organisation, contest.QualifyingId, CancellationToken.None);

        var organiser = await app.SessionFor(Roles.Organiser);
        var published = (await (await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url($"/api/contests/{contest.ContestId}/rounds/{contest.QualifyingId}/advancement");
            organiser.Apply(scenario);
        })).ReadAsJsonAsync<AdvancementView>())!;
        Assert.True(published.Published);
        Assert.Equal([(picked.Id, AdvancementBasis.OrganiserSelection)], published.Advanced.Select(team => (team.Team.TeamId, team.Basis)));
        Assert.Equal("Bán kết trực tuyến", published.NextRoundName);

        var semiFinalEntry = (Guid team) => $"/api/contests/{contest.ContestId}/rounds/{semiFinal}/entries/{team}";
        Assert.Equal(HttpStatusCode.Created, (await app.Submit(semiFinalEntry(picked.Id), picked.Session, 0)).StatusCode);
        var refused = await app.Submit(semiFinalEntry(other.Id), other.Session, 0);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("team-not-advanced", (await refused.Read<ProblemBody>()).Code);
    }

    [Fact]
    public async Task an_advancement_is_reversed_with_a_reason_and_after_publication_a_pick_advances_at_once()
    {
        var (contest, _, picked, other, publishAt) = await Qualifying(new { kind = "OrganiserSelection" });
        await app.Change(HttpMethod.Post, Pick(contest, picked.Id), null, Roles.Organiser, "\"0\"", 200);
        await app.JobAt(publishAt).CatchUp(app.Organisation, contest.QualifyingId, CancellationToken.None);

        await app.Change(HttpMethod.Post, Pick(contest, picked.Id) + "/reverse", new { reason = "" }, Roles.Organiser, "\"2\"", 422);
        var reversed = await app.Change(HttpMethod.Post, Pick(contest, picked.Id) + "/reverse", new { reason = "Phát hiện video không phải của đội" }, Roles.Organiser, "\"2\"", 200);
        var afterReversal = (await reversed.ReadAsJsonAsync<AdvancementView>())!;
        Assert.Empty(afterReversal.Advanced);
        var reversal = Assert.Single(afterReversal.Reversals);
        Assert.Equal(("Phát hiện video không phải của đội", false), (reversal.Reason, reversal.BeforePublication));

        var late = await app.Change(HttpMethod.Post, Pick(contest, other.Id), null, Roles.Organiser, "\"3\"", 200);
        Assert.Equal([other.Id], (await late.ReadAsJsonAsync<AdvancementView>())!.Advanced.Select(team => team.Team.TeamId));
        var twice = await app.Change(HttpMethod.Post, Pick(contest, other.Id), null, Roles.Organiser, "\"4\"", 409);
        Assert.Equal("team-already-advancing", (await twice.ReadAsJsonAsync<ProblemBody>())!.Code);
        var notAdvancing = await app.Change(HttpMethod.Post, Pick(contest, picked.Id) + "/reverse", new { reason = "Lần nữa" }, Roles.Organiser, "\"4\"", 409);
        Assert.Equal("team-not-advancing", (await notAdvancing.ReadAsJsonAsync<ProblemBody>())!.Code);
        await app.Change(HttpMethod.Post, Pick(contest, picked.Id), null, Roles.Organiser, "\"2\"", 412);
        await app.Change(HttpMethod.Post, Pick(contest, picked.Id), null, Roles.Organiser, null, 428);
    }

    [Fact]
    public async Task a_score_rule_without_judging_results_advances_only_picks_and_says_it_awaits_results()
    {
        var (contest, _, picked, _, publishAt) = await Qualifying(new { kind = "TopPerDivision", count = 5 });
        await app.Change(HttpMethod.Post, Pick(contest, picked.Id), null, Roles.Organiser, "\"0\"", 200);

        await app.JobAt(publishAt).CatchUp(app.Organisation, contest.QualifyingId, CancellationToken.None);

        var timeline = await app.Timeline(contest.ContestId, contest.QualifyingId);
        Assert.Equal("Đã công bố; 1 đội đi tiếp theo lựa chọn của Ban Tổ chức, chờ kết quả chấm để áp dụng quy định.",
            timeline.Steps.Single(step => step.Key == "publish").Outcome);
    }

    [Fact]
    public async Task a_round_without_a_rule_or_without_a_next_round_takes_no_picks_and_only_organisers_pick()
    {
        var contest = await app.ContestWithRounds();
        var now = app.LocalNow();
        await app.SetSchedule(contest.ContestId, contest.QualifyingId, RoundScenarios.Schedule(now.AddHours(-1), now.AddDays(1)));
        var team = await app.RegisterTeam(contest.ContestId, "Đội Không Có Quy Định");

        var refused = await app.Change(HttpMethod.Post, Pick(contest, team.Id), null, Roles.Organiser, "\"0\"", 409);
        Assert.Equal("advancement-not-configured", (await refused.ReadAsJsonAsync<ProblemBody>())!.Code);
        await app.Change(HttpMethod.Post, Pick(contest, team.Id), null, Roles.Judge, "\"0\"", 403);
        await app.Change(HttpMethod.Post, Pick(contest, team.Id), null, Task.FromResult(team.Session), "\"0\"", 403);
        await app.Change(HttpMethod.Post, Pick(contest, Guid.NewGuid()), null, Roles.Organiser, "\"0\"", 404);
    }
}
