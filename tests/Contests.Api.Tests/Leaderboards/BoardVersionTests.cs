using Alba;
using Contests.Api.Access;
using Contests.Api.Matches;
using Contests.Api.Tests.Matches;
using Contests.Api.Tests.Support;
using Marten;
using Marten.Events;

namespace Contests.Api.Tests.Leaderboards;

[Collection(AppCollection.Name)]
public sealed class BoardVersionTests(AppFixture app)
{
    [Fact]
    public async Task every_push_names_the_version_it_follows_and_the_snapshot_holds_the_last_one()
    {
        var final = await MatchRoundScenario.Create(app, 4);
        var round = await final.Draw(groups: 1);
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var before = (await app.Host.GetAsJson<MatchRoundView>($"{final.Url}/board"))!;
        await using var screen = await BoardScreen.Follow(app, MatchBoard.Name(final.ContestId, final.RoundId));

        foreach (var match in round.Matches.Take(3))
        {
            await final.Play(match.Code, 3, 1);
        }

        var last = await screen.Until(update => update.Data.Matches.Count(match => match.Official) == 3);
        var chain = screen.Updates.ToList();
        Assert.Equal(before.Version, chain[0].Previous);
        Assert.All(chain.Skip(1).Zip(chain), pair => Assert.Equal(pair.Second.Version, pair.First.Previous));
        Assert.All(chain, update => Assert.Equal(update.Version, update.Data.Version));

        var snapshot = (await app.Host.GetAsJson<MatchRoundView>($"{final.Url}/board"))!;
        Assert.Equal(last.Version, snapshot.Version);
        Assert.Equal(3, snapshot.Matches.Count(match => match.Official));
    }

    [Fact]
    public async Task only_organisers_may_follow_the_live_board()
    {
        var final = await MatchRoundScenario.Create(app, 4);
        var board = MatchBoard.Name(final.ContestId, final.RoundId);

        var referee = await app.SessionFor(Roles.Referee);
        await Assert.ThrowsAnyAsync<Exception>(() => BoardScreen.Follow(app, board, referee));
        await using var organiser = await BoardScreen.Follow(app, board, await app.SessionFor(Roles.Organiser));
    }
}
