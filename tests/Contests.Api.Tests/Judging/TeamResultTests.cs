using Alba;
using Contests.Api.Access;
using Contests.Api.Entries;
using Contests.Api.Judging;
using Contests.Api.Tests.Rounds;
using Contests.Api.Tests.Support;

namespace Contests.Api.Tests.Judging;

/// <summary>A team sees its own result — score, rank, criteria, unnamed judges' sheets and comments — only once the round is published.</summary>
[Collection(AppCollection.Name)]
public sealed class TeamResultTests(AppFixture app)
{
    [Fact]
    public async Task a_team_sees_its_own_scores_and_comments_only_from_publication_and_nobody_elses()
    {
        var contest = await app.ContestWithRounds();
        var now = app.LocalNow();
        var schedule = await app.SetSchedule(contest.ContestId, contest.QualifyingId, RoundScenarios.Schedule(now.AddDays(-3), now.AddDays(-2), publish: now.AddDays(1)));
        var round = $"/api/contests/{contest.ContestId}/rounds/{contest.QualifyingId}";
        await app.Change(HttpMethod.Put, $"{round}/judging/rubric", JudgingApi.CreativityRubric, Roles.Organiser, "\"0\"", 200);
        var first = await app.RegisterTeam(contest.ContestId, "Đội Kết Quả A");
        var second = await app.RegisterTeam(contest.ContestId, "Đội Kết Quả B");
        var entries = new[] { first, second }.Select(team => new ScoredEntry(Entry.IdFor(contest.QualifyingId, team.Id), team.Id, "THCS")).ToList();
        var scoring = new ScoringStreams(app, contest.ContestId, contest.QualifyingId);
        Guid[] judges = [Guid.NewGuid(), Guid.NewGuid()];
        await scoring.Assign(entries, judges);
        await scoring.Submit(entries[0], judges[0], 9, 8, "Ý tưởng mới, cần đo đạc kỹ hơn.");
        await scoring.Submit(entries[0], judges[1], 8, 6);
        await scoring.Submit(entries[1], judges[0], 5, 5);
        await scoring.Submit(entries[1], judges[1], 6, 4);
        await scoring.Settled();
        var mine = $"{round}/results/teams/{first.Id}";

        var before = await Result(mine, first.Session);
        Assert.Equal((false, null), (before.Published, before.Result));
        Assert.Equal(app.Clock.GetUtcNow().AddDays(1), before.PublishAt);

        await app.SetSchedule(contest.ContestId, contest.QualifyingId, RoundScenarios.Schedule(now.AddDays(-3), now.AddDays(-2), publish: now.AddMinutes(-1)), schedule.Version);
        var after = (await Result(mine, first.Session)).Result!;
        Assert.Equal(("THCS", 1, false, 2), (after.Division, after.Rank, after.Tied, after.RankedInDivision));
        // Totals 2 × 9 + 8 = 26 and 2 × 8 + 6 = 22: the mean is 24, out of 2 × 10 + 10 = 30.
        Assert.Equal((24m, 30m), (after.Score, after.Maximum));
        Assert.Equal([("NOVELTY", 8.5m), ("SCIENCE", 7m)], after.Criteria.Select(criterion => (criterion.Code, criterion.Mean)));
        Assert.Equal([1, 2], after.Sheets.Select(sheet => sheet.Judge));
        Assert.Equal(
            [(22m, null), (26m, "Ý tưởng mới, cần đo đạc kỹ hơn.")],
            after.Sheets.Select(sheet => (sheet.Total, sheet.Comment)).OrderBy(sheet => sheet.Total));
        var json = await (await Get(mine, first.Session, 200)).ReadAsTextAsync();
        Assert.DoesNotContain(judges[0].ToString(), json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Giám khảo", json, StringComparison.Ordinal);
        Assert.Equal(2, (await Result($"{round}/results/teams/{second.Id}", second.Session)).Result!.Rank);

        await Refused(mine, second.Session, 403);
        await Refused(mine, await app.SessionFor(Roles.Judge), 403);
        await Refused($"/api/contests/{contest.ContestId}/rounds/{Guid.NewGuid()}/results/teams/{first.Id}", first.Session, 404);
    }

    [Fact]
    public async Task a_judged_rounds_awards_follow_its_judging_ranking_when_the_organiser_gives_none()
    {
        var contest = await app.ContestWithRounds();
        var round = $"/api/contests/{contest.ContestId}/rounds/{contest.QualifyingId}";
        await app.Change(HttpMethod.Put, $"{round}/judging/rubric", JudgingApi.CreativityRubric, Roles.Organiser, "\"0\"", 200);
        var scoring = new ScoringStreams(app, contest.ContestId, contest.QualifyingId);
        var entries = await scoring.Entries(3, "Đội Xếp Giải");
        var judge = Guid.NewGuid();
        await scoring.Assign(entries, judge);
        await scoring.Submit(entries[0], judge, 6, 6);
        await scoring.Submit(entries[1], judge, 9, 9);
        await scoring.Submit(entries[2], judge, 3, 3);
        await scoring.Settled();
        await app.Change(HttpMethod.Put, $"{round}/awards", new
        {
            divisions = new[] { new { divisionCode = "THCS", tiers = new object[] { new { tier = "First", count = 1 }, new { tier = "Second", count = 1 } } } },
        }, Roles.Organiser, "\"0\"", 200);

        var preview = await app.Change(HttpMethod.Post, $"{round}/awards/THCS/preview", new { }, Roles.Organiser, null, 200);

        var allocation = (await preview.ReadAsJsonAsync<Api.Awards.AllocationView>())!;
        Assert.Equal(3, allocation.RankedEntries);
        Assert.Equal(
            [(entries[1].TeamId, 1, (Domain.Awards.AwardTier?)Domain.Awards.AwardTier.First), (entries[0].TeamId, 2, Domain.Awards.AwardTier.Second), (entries[2].TeamId, 3, null)],
            allocation.Entries.OrderBy(entry => entry.Rank).Select(entry => (entry.TeamId, entry.Rank, entry.Tier)));
    }

    private async Task<TeamResultView> Result(string url, SignedInSession session) =>
        (await (await Get(url, session, 200)).ReadAsJsonAsync<TeamResultView>())!;

    private Task Refused(string url, SignedInSession session, int status) => Get(url, session, status);

    private Task<IScenarioResult> Get(string url, SignedInSession session, int status) => app.Host.Scenario(scenario =>
    {
        scenario.Get.Url(url);
        session.Apply(scenario);
        scenario.StatusCodeShouldBe(status);
    });
}
