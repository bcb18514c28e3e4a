using Alba;
using Contests.Api.Access;
using Contests.Api.Matches;
using Contests.Api.Tests.Support;

namespace Contests.Api.Tests.Matches;

[Collection(AppCollection.Name)]
public sealed class KnockoutTests(AppFixture app)
{
    /// <summary>Six teams in two groups of three, every group match played: the red side wins by its match number.</summary>
    private async Task<(MatchRoundScenario Final, MatchRoundView Round)> FinishedGroups()
    {
        var final = await MatchRoundScenario.Create(app, 6);
        var drawn = await final.Draw(groups: 2);
        foreach (var match in drawn.Matches)
        {
            await final.Play(match.Code, 3, 1);
        }

        return (final, await final.Round());
    }

    private async Task<MatchRoundView> DrawBracket(MatchRoundScenario final, MatchRoundView round, int expectedStatus = 200)
    {
        var result = await app.Change(HttpMethod.Post, $"{final.Url}/bracket", new { advancePerGroup = 2, thirdPlace = true }, Roles.Organiser, MatchRoundScenario.ETag(round), expectedStatus);
        return expectedStatus == 200 ? (await result.ReadAsJsonAsync<MatchRoundView>())! : round;
    }

    [Fact]
    public async Task the_bracket_pairs_group_winners_with_the_other_groups_runners_up_and_advances_on_confirmation()
    {
        var (final, round) = await FinishedGroups();
        var (a, b) = (round.Groups[0].Rows, round.Groups[1].Rows);

        var bracket = await DrawBracket(final, round);

        var semiFinals = bracket.Matches.Where(match => match.Code.StartsWith("SF", StringComparison.Ordinal)).OrderBy(match => match.Code, StringComparer.Ordinal).ToList();
        Assert.Equal([(a[0].TeamId, b[1].TeamId), (b[0].TeamId, a[1].TeamId)], semiFinals.Select(match => (match.Red!.Value, match.Blue!.Value)));
        Assert.All(semiFinals, match => Assert.True(match.StartsAt > round.Matches.Max(group => group.StartsAt)));
        Assert.Null(bracket.Matches.Single(match => match.Code == "F").Red);

        await final.Play("SF1", 1, 4);
        var after = await final.Round();
        Assert.Equal(b[1].TeamId, after.Matches.Single(match => match.Code == "F").Red);
        Assert.Equal(a[0].TeamId, after.Matches.Single(match => match.Code == "3P").Red);
    }

    [Fact]
    public async Task a_knockout_match_needs_a_winner_even_when_level_on_points()
    {
        var (final, round) = await FinishedGroups();
        await DrawBracket(final, round);

        var refused = await final.Submit("SF1", MatchRoundScenario.Sheet(2, 2), expectedStatus: 422);
        Assert.Equal(["knockout-needs-winner"], (await refused.ReadAsJsonAsync<ProblemBody>())!.Rules!["decidedWinner"]);
        await final.Play("SF1", 2, 2, decidedWinner: "Blue");
        Assert.NotNull((await final.Round()).Matches.Single(match => match.Code == "F").Red);
        var unknownTeams = await final.Submit("F", MatchRoundScenario.Sheet(2, 1), expectedStatus: 409);
        Assert.Equal("match-teams-not-known", (await unknownTeams.ReadAsJsonAsync<ProblemBody>())!.Code);
    }

    [Fact]
    public async Task correcting_a_semi_final_after_the_final_was_played_flags_the_final_for_review()
    {
        var (final, round) = await FinishedGroups();
        await DrawBracket(final, round);
        await final.Play("SF1", 5, 1);
        await final.Play("SF2", 5, 1);
        await final.Play("F", 3, 2);
        var played = (await final.Round()).Matches.Single(match => match.Code == "F");

        var semiFinal = await final.Match("SF1");
        await app.Change(HttpMethod.Post, $"{final.Url}/SF1/correction", new { sheet = MatchRoundScenario.Sheet(1, 5), reason = "Đội đỏ bị truất quyền" },
            Roles.HeadReferee, $"\"{semiFinal.Match.Version}\"", 200);

        var after = (await final.Round()).Matches.Single(match => match.Code == "F");
        Assert.True(after.NeedsReview);
        Assert.Equal((played.Red, played.Blue, MatchStatus.Confirmed), (after.Red, after.Blue, after.Status));
    }

    [Fact]
    public async Task the_bracket_waits_for_every_group_match_to_be_confirmed()
    {
        var final = await MatchRoundScenario.Create(app, 4);
        var round = await final.Draw(groups: 2);
        await final.Submit(round.Matches[0].Code, MatchRoundScenario.Sheet(1, 0));

        var refused = await app.Change(HttpMethod.Post, $"{final.Url}/bracket", new { advancePerGroup = 1 }, Roles.Organiser, MatchRoundScenario.ETag(round), 409);

        Assert.Equal("group-stage-unfinished", (await refused.ReadAsJsonAsync<ProblemBody>())!.Code);
        await app.Change(HttpMethod.Post, $"{final.Url}/bracket", new { advancePerGroup = 1 }, Roles.HeadReferee, MatchRoundScenario.ETag(round), 403);
    }

    [Fact]
    public async Task teams_level_on_everything_wait_for_a_lot_recorded_as_an_event()
    {
        var final = await MatchRoundScenario.Create(app, 3);
        var round = await final.Draw(groups: 1);
        foreach (var match in round.Matches)
        {
            await final.Play(match.Code, 2, 2);
        }

        var tied = await final.Round();
        Assert.All(tied.Groups[0].Rows, row => Assert.True(row.AwaitingLot));
        var refused = await app.Change(HttpMethod.Post, $"{final.Url}/bracket", new { advancePerGroup = 2 }, Roles.Organiser, MatchRoundScenario.ETag(tied), 409);
        Assert.Equal("lot-needed", (await refused.ReadAsJsonAsync<ProblemBody>())!.Code);

        await app.Change(HttpMethod.Post, $"{final.Url}/lots", new { group = "A" }, Roles.Referee, MatchRoundScenario.ETag(tied), 403);
        var drawn = (await (await app.Change(HttpMethod.Post, $"{final.Url}/lots", new { group = "A" }, Roles.HeadReferee, MatchRoundScenario.ETag(tied), 200))
            .ReadAsJsonAsync<MatchRoundView>())!;
        Assert.Equal([1, 2, 3], drawn.Groups[0].Rows.Select(row => row.Rank));
        var again = await app.Change(HttpMethod.Post, $"{final.Url}/lots", new { group = "A" }, Roles.Organiser, MatchRoundScenario.ETag(drawn), 409);
        Assert.Equal("no-tie-to-draw", (await again.ReadAsJsonAsync<ProblemBody>())!.Code);
        await app.Change(HttpMethod.Post, $"{final.Url}/bracket", new { advancePerGroup = 2 }, Roles.Organiser, MatchRoundScenario.ETag(drawn), 200);
    }
}
