using Contests.Api.Access;
using Alba;
using Contests.Api.Judging;
using Contests.Api.Tests.Rounds;
using Contests.Api.Tests.Support;

namespace Contests.Api.Tests.Judging;

/// <summary>Everyone sees a judged round's ranking per division, ties as ties, only from the round's publication time.</summary>
[Collection(AppCollection.Name)]
public sealed class PublicRankingTests(AppFixture app)
{
    [Fact]
    public async Task the_public_ranking_is_hidden_until_publication_and_then_shows_ties_as_ties()
    {
        var contest = await app.ContestWithRounds();
        var round = $"/api/contests/{contest.ContestId}/rounds/{contest.QualifyingId}";
        await app.Change(HttpMethod.Put, $"{round}/judging/rubric", JudgingApi.CreativityRubric, Roles.Organiser, "\"0\"", 200);
        var scoring = new ScoringStreams(app, contest.ContestId, contest.QualifyingId);
        var entries = await scoring.Entries(3, "Đội Bảng Xếp Hạng");
        var judge = Guid.NewGuid();
        await scoring.Assign(entries, judge);
        await scoring.Submit(entries[0], judge, 7, 6);
        await scoring.Submit(entries[1], judge, 9, 9);
        await scoring.Submit(entries[2], judge, 7, 6);
        await scoring.Settled();
        var ranking = $"{round}/results/public";

        var unscheduled = await Ranking(ranking);
        Assert.Equal((false, null, 0), (unscheduled.Published, unscheduled.PublishAt, unscheduled.Divisions.Count));

        var now = app.LocalNow();
        var schedule = await app.SetSchedule(contest.ContestId, contest.QualifyingId, RoundScenarios.Schedule(now.AddDays(-3), now.AddDays(-2), publish: now.AddHours(1)));
        var beforePublication = await Ranking(ranking);
        Assert.False(beforePublication.Published);
        Assert.Equal(app.Clock.GetUtcNow().AddHours(1), beforePublication.PublishAt);
        Assert.Empty(beforePublication.Divisions);
        Assert.DoesNotContain("Đội Bảng Xếp Hạng", await (await app.Get(ranking, null)).ReadAsTextAsync(), StringComparison.Ordinal);

        await app.SetSchedule(contest.ContestId, contest.QualifyingId, RoundScenarios.Schedule(now.AddDays(-3), now.AddDays(-2), publish: now.AddMinutes(-1)), schedule.Version);
        var published = await Ranking(ranking);

        Assert.True(published.Published);
        var division = Assert.Single(published.Divisions);
        Assert.Equal(("THCS", 30m), (division.DivisionCode, division.Maximum));
        // Totals 2 × 9 + 9 = 27 first, then 2 × 7 + 6 = 20 twice: both second, and nobody third.
        Assert.Equal(
            [(1, false, "Đội Bảng Xếp Hạng B", 27m), (2, true, "Đội Bảng Xếp Hạng A", 20m), (2, true, "Đội Bảng Xếp Hạng C", 20m)],
            division.Rows.Select(row => (row.Rank, row.Tied, row.TeamName, row.Score)).OrderBy(row => row.Rank).ThenBy(row => row.TeamName, StringComparer.Ordinal));
        Assert.All(division.Rows, row => Assert.Equal("Việt Yên", row.District));
    }

    [Fact]
    public async Task an_unknown_round_is_404_and_a_match_round_has_no_judged_ranking()
    {
        var contest = await app.ContestWithRounds();

        await app.Get($"/api/contests/{contest.ContestId}/rounds/{Guid.NewGuid()}/results/public", null, 404);
        await app.Get($"/api/contests/{Guid.NewGuid()}/rounds/{contest.QualifyingId}/results/public", null, 404);
        await app.Get($"/api/contests/{contest.ContestId}/rounds/{contest.FinalId}/results/public", null, 409);
    }

    private async Task<PublicRankingView> Ranking(string url) => (await (await app.Get(url, null)).ReadAsJsonAsync<PublicRankingView>())!;
}
