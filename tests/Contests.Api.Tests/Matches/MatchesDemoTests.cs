using Contests.Api.Demo;
using Contests.Api.Matches;
using Contests.Api.Tests.Support;
using Marten;

namespace Contests.Api.Tests.Matches;

[Collection(AppCollection.Name)]
public sealed class MatchesDemoTests(AppFixture app)
{
    [Fact]
    public async Task the_demo_final_has_groups_in_progress_and_a_partly_played_bracket_loaded_once()
    {
        await DemoSeeder.LoadContestAsync(app.Store, app.Organisation, app.Clock.GetUtcNow(), CancellationToken.None);
        await MatchesDemo.LoadAsync(app.Store, app.Organisation, DemoSeeder.ContestId, DemoSeeder.DemoTeamId, app.Clock.GetUtcNow(), CancellationToken.None);
        await MatchesDemo.LoadAsync(app.Store, app.Organisation, DemoSeeder.ContestId, DemoSeeder.DemoTeamId, app.Clock.GetUtcNow(), CancellationToken.None);

        await using var session = app.QuerySession();
        var lower = (await session.LoadAsync<MatchRound>(MatchRound.IdFor(MatchesDemo.RoundId(DemoSeeder.ContestId, "Chung kết THCS"))))!;
        var lowerView = await MatchRounds.View(session, lower, CancellationToken.None);
        Assert.Equal((32, 8, 48), (lowerView.Teams.Count, lowerView.Groups.Count, lowerView.Matches.Count));
        Assert.Equal(32, lowerView.Matches.Count(match => match.Status == MatchStatus.Confirmed));
        Assert.Equal(1, lowerView.Matches.Count(match => match.Status == MatchStatus.AwaitingConfirmation));
        Assert.All(lowerView.Groups, table => Assert.False(table.Complete));

        var upper = (await session.LoadAsync<MatchRound>(MatchRound.IdFor(MatchesDemo.RoundId(DemoSeeder.ContestId, "Chung kết THPT"))))!;
        var upperView = await MatchRounds.View(session, upper, CancellationToken.None);
        Assert.All(upperView.Groups, table => Assert.True(table.Complete));
        var final = upperView.Matches.Single(match => match.Code == "F");
        Assert.Equal((true, false, MatchStatus.Scheduled), (final.Red is not null, final.Blue is not null, final.Status));
        Assert.Equal(MatchStatus.AwaitingConfirmation, upperView.Matches.Single(match => match.Code == "SF2").Status);
    }
}
