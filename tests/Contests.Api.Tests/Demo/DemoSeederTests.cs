using Contests.Api.Demo;
using Contests.Api.Registration;
using Contests.Api.Tests.Support;
using Marten;

namespace Contests.Api.Tests.Demo;

[Collection(AppCollection.Name)]
public sealed class DemoSeederTests(AppFixture app)
{
    [Fact]
    public async Task the_demo_loads_432_teams_once_however_often_it_is_started()
    {
        Assert.Equal(432, await DemoSeeder.LoadContestAsync(app.Store, app.Organisation, app.Clock.GetUtcNow(), CancellationToken.None));
        Assert.Equal(0, await DemoSeeder.LoadContestAsync(app.Store, app.Organisation, app.Clock.GetUtcNow(), CancellationToken.None));

        await using var session = app.QuerySession();
        var teams = await session.Query<Team>().Where(team => team.ContestId == DemoSeeder.ContestId).ToListAsync();
        Assert.Equal(432, teams.Count);
        Assert.Equal(1484, teams.Sum(team => team.People));

        // The qualifying round as it stood on 1 July 2024: entries in, submissions locked, judging under way.
        var firstOfJuly = new DateTimeOffset(2024, 7, 1, 1, 0, 0, TimeSpan.Zero);
        Assert.InRange(await Api.Entries.EntriesDemo.LoadAsync(app.Store, app.Organisation, firstOfJuly, CancellationToken.None), 380, 420);
        Assert.Equal(0, await Api.Entries.EntriesDemo.LoadAsync(app.Store, app.Organisation, firstOfJuly, CancellationToken.None));
        var contest = (await session.LoadAsync<Api.Contests.Contest>(DemoSeeder.ContestId))!;
        var schedule = (await session.LoadAsync<Api.Rounds.RoundSchedule>(Api.Rounds.RoundSchedule.IdFor(contest.Rounds[0].Id)))!;
        Assert.Equal(["open", "reminder-48h", "reminder-2h", "lock"], schedule.Recorded.Select(recorded => recorded.Key));
        Assert.Equal(Domain.Rounds.RoundPhase.Judging, schedule.StateAt(firstOfJuly).Phase);

        // Judging under way, once: the printed judge code's judge has entries assigned and some still to score.
        Assert.True(await Api.Judging.JudgingDemo.LoadAsync(app.Store, app.Organisation, CancellationToken.None) > 0);
        Assert.Equal(0, await Api.Judging.JudgingDemo.LoadAsync(app.Store, app.Organisation, CancellationToken.None));
        var assignments = (await session.LoadAsync<Api.Judging.RoundAssignments>(Api.Judging.RoundAssignments.IdFor(contest.Rounds[0].Id)))!;
        Assert.Equal(1L, assignments.Version);
        var demoJudgeEntries = assignments.Assignments.Where(assignment => assignment.JudgeId == Api.Judging.JudgingDemo.DemoJudgeId).ToList();
        Assert.NotEmpty(demoJudgeEntries);
        var scored = await session.Query<Api.Judging.JudgeSheet>().CountAsync(sheet => sheet.JudgeId == Api.Judging.JudgingDemo.DemoJudgeId);
        Assert.InRange(scored, 1, demoJudgeEntries.Count - 1);
    }
}
