using Alba;
using Contests.Api.Access;
using Contests.Api.Leaderboards;
using Contests.Api.Matches;
using Contests.Api.Tests.Matches;
using Contests.Api.Tests.Support;
using Marten;
using Marten.Events;

namespace Contests.Api.Tests.Leaderboards;

[Collection(AppCollection.Name)]
public sealed class FreezeBoardTests(AppFixture app)
{
    private static string FreezeUrl(MatchRoundScenario final) => $"/api/contests/{final.ContestId}/boards/matches/{final.RoundId}";

    private async Task<BoardFreezeState> Freeze(MatchRoundScenario final, string action)
    {
        var organiser = await app.SessionFor(Roles.Organiser);
        var current = await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url($"{FreezeUrl(final)}/freeze");
            organiser.Apply(scenario);
        });
        var changed = await app.Change(HttpMethod.Post, $"{FreezeUrl(final)}/{action}", null, Roles.Organiser, current.Context.Response.Headers.ETag.ToString(), 200);
        return (await changed.ReadAsJsonAsync<BoardFreezeState>())!;
    }

    private async Task<MatchRoundView> LiveBoard(MatchRoundScenario final)
    {
        var organiser = await app.SessionFor(Roles.Organiser);
        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url($"{final.Url}/board/live");
            organiser.Apply(scenario);
        });
        return (await result.ReadAsJsonAsync<MatchRoundView>())!;
    }

    private async Task<MatchRoundView> PublicBoard(MatchRoundScenario final) =>
        (await app.Host.GetAsJson<MatchRoundView>($"{final.Url}/board"))!;

    [Fact]
    public async Task the_public_sees_the_board_as_of_the_freeze_while_organisers_see_it_live()
    {
        var final = await MatchRoundScenario.Create(app, 4);
        var round = await final.Draw(groups: 1);
        await final.Play(round.Matches[0].Code, 3, 1);
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        await using var audience = await BoardScreen.Follow(app, MatchBoard.Name(final.ContestId, final.RoundId));
        await using var organisers = await BoardScreen.Follow(app, MatchBoard.Name(final.ContestId, final.RoundId), await app.SessionFor(Roles.Organiser));

        var frozen = await Freeze(final, "freeze");
        await final.Play(round.Matches[1].Code, 0, 4);
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        Assert.True(frozen.Frozen);
        var seen = await PublicBoard(final);
        Assert.NotNull(seen.Freeze);
        Assert.Equal(1, seen.Groups[0].Rows.Sum(row => row.Won));
        Assert.False(seen.Matches.Single(match => match.Code == round.Matches[1].Code).Official);
        var live = await LiveBoard(final);
        Assert.Equal(2, live.Groups[0].Rows.Sum(row => row.Won));
        Assert.Equal(seen.Version, live.Version);

        var pushedToAudience = await audience.Until(update => update.Version == live.Version);
        var pushedToOrganisers = await organisers.Until(update => update.Version == live.Version);
        Assert.Equal(1, pushedToAudience.Data.Groups[0].Rows.Sum(row => row.Won));
        Assert.Equal(2, pushedToOrganisers.Data.Groups[0].Rows.Sum(row => row.Won));
    }

    [Fact]
    public async Task the_reveal_uncovers_one_row_per_step_from_the_bottom_and_the_last_step_shows_the_live_board()
    {
        var final = await MatchRoundScenario.Create(app, 4);
        var round = await final.Draw(groups: 1);
        await Freeze(final, "freeze");
        foreach (var match in round.Matches.Take(4))
        {
            await final.Play(match.Code, 2, 1);
        }

        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        await using var audience = await BoardScreen.Follow(app, MatchBoard.Name(final.ContestId, final.RoundId));
        var live = await LiveBoard(final);
        Assert.Equal(0, (await PublicBoard(final)).Groups[0].Rows.Sum(row => row.Played));

        for (var step = 1; step <= 3; step++)
        {
            var state = await Freeze(final, "reveal/next");
            Assert.Equal((true, step, 4), (state.Frozen, state.Revealed, state.Steps));
            await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
            var shown = (await PublicBoard(final)).Groups[0];
            Assert.Equal(4 - step, shown.Concealed);
            Assert.Equal(live.Groups[0].Rows.TakeLast(step).Select(row => row.TeamId), shown.Rows.Select(row => row.TeamId));
            var pushed = await audience.Until(update => update.Data.Freeze?.Revealed == step);
            Assert.Equal(4 - step, pushed.Data.Groups[0].Concealed);
        }

        var revealed = await Freeze(final, "reveal/next");
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var all = await PublicBoard(final);
        Assert.False(revealed.Frozen);
        Assert.Null(all.Freeze);
        Assert.Equal(live.Groups[0].Rows.Select(row => row.TeamId), all.Groups[0].Rows.Select(row => row.TeamId));
        Assert.Equal(4, all.Matches.Count(match => match.Official));
        await audience.Until(update => update.Data.Freeze is null && update.Data.Matches.Count(match => match.Official) == 4);
    }

    [Fact]
    public async Task the_public_looking_back_past_the_freeze_sees_the_frozen_board()
    {
        var final = await MatchRoundScenario.Create(app, 4);
        var round = await final.Draw(groups: 1);
        await Freeze(final, "freeze");
        await final.Play(round.Matches[0].Code, 3, 1);
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var asOf = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddSeconds(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        var seen = (await app.Host.GetAsJson<MatchRoundView>($"{final.Url}/board?asOf={asOf}"))!;
        Assert.Equal(0, seen.Matches.Count(match => match.Official));
        Assert.NotNull(seen.Freeze);
    }

    [Fact]
    public async Task freezing_is_for_organisers_with_the_current_version_and_only_once()
    {
        var final = await MatchRoundScenario.Create(app, 4);
        await final.Draw(groups: 1);
        var url = FreezeUrl(final);

        await app.Change(HttpMethod.Post, $"{url}/freeze", null, Roles.HeadReferee, "\"0\"", 403);
        await app.Host.Scenario(scenario =>
        {
            scenario.Post.Url($"{url}/freeze");
            scenario.StatusCodeShouldBe(401);
        });
        await app.Change(HttpMethod.Post, $"{url}/freeze", null, Roles.Organiser, null, 428);
        await app.Change(HttpMethod.Post, $"{url}/reveal", null, Roles.Organiser, "\"0\"", 409);
        await app.Change(HttpMethod.Post, $"{url}/freeze", null, Roles.Organiser, "\"0\"", 200);
        await app.Change(HttpMethod.Post, $"{url}/freeze", null, Roles.Organiser, "\"0\"", 412);
        var twice = await app.Change(HttpMethod.Post, $"{url}/freeze", null, Roles.Organiser, "\"1\"", 409);
        Assert.Equal("board-already-frozen", (await twice.ReadAsJsonAsync<ProblemBody>())!.Code);
        await app.Change(HttpMethod.Post, $"/api/contests/{final.ContestId}/boards/nothing/{final.RoundId}/freeze", null, Roles.Organiser, "\"0\"", 404);
        await app.Change(HttpMethod.Post, $"{url}/reveal", null, Roles.Organiser, "\"1\"", 200);
        await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url($"{final.Url}/board/live");
            scenario.StatusCodeShouldBe(401);
        });
    }
}
