using Contests.Api.Access;
using Contests.Api.Demo;
using Contests.Api.Entries;
using Contests.Api.Judging;
using Contests.Api.Tests.Support;
using Marten;
using Marten.Events;

namespace Contests.Api.Tests.Judging;

[Collection(AppCollection.Name)]
public sealed class JudgingDemoTests(AppFixture app)
{
    [Fact]
    public async Task the_demo_round_is_mostly_scored_with_one_judge_behind_and_one_severe_once_however_often_it_is_started()
    {
        // An organisation of its own, so that the default organisation's demo test still loads everything first.
        var organisation = await app.CreateOrganisation("demo-cham");
        var firstOfJuly = new DateTimeOffset(2024, 7, 1, 1, 0, 0, TimeSpan.Zero);
        await DemoSeeder.LoadContestAsync(app.Store, organisation, firstOfJuly, CancellationToken.None);
        await EntriesDemo.LoadAsync(app.Store, organisation, firstOfJuly, CancellationToken.None);

        Assert.InRange(await JudgingDemo.LoadAsync(app.Store, organisation, CancellationToken.None), 950, 1200);
        Assert.Equal(0, await JudgingDemo.LoadAsync(app.Store, organisation, CancellationToken.None));
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        await using var query = app.Store.QuerySession(organisation);
        var contest = (await query.LoadAsync<Api.Contests.Contest>(DemoSeeder.ContestId))!;
        var headJudge = await query.Query<Judge>().SingleAsync(judge => judge.ContestId == contest.Id && judge.HeadJudge);
        var session = await app.SignInWithCode(await app.IssueCode(Roles.HeadJudge, headJudge.Name, principalId: headJudge.Id, organisation: organisation), organisation);
        var round = AppFixture.Under(organisation, $"/api/contests/{contest.Id}/rounds/{contest.Rounds[0].Id}/judging");

        var progress = await (await app.Send(HttpMethod.Get, $"{round}/progress", session)).Json<JudgingProgressView>();
        Assert.InRange(progress.Scored, progress.Assigned * 0.8, progress.Assigned * 0.98);
        Assert.Equal(3, progress.Panels.Count);
        Assert.NotEmpty(progress.Missing);
        var late = progress.Judges.Single(judge => judge.Name == JudgingDemo.LateJudge);
        Assert.True(late.Scored < late.Assigned * 0.8);

        var outliers = await (await app.Send(HttpMethod.Get, $"{round}/outliers", session)).Json<OutliersView>();
        Assert.Equal([JudgingDemo.SevereJudge], outliers.Judges.Where(judge => judge.Outlier).Select(judge => judge.Name));

        var results = await (await app.Send(HttpMethod.Get, $"{round}/results", session)).Json<JudgingResultsView>();
        Assert.Equal(["TH", "THCS", "THPT"], results.Divisions.Select(division => division.Division));
        Assert.All(results.Divisions, division => Assert.Equal(1, division.Rows[0].Rank));
    }
}
