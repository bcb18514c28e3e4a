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
    }
}
