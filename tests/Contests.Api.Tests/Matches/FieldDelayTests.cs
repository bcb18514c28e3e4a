using Alba;
using Contests.Api.Access;
using Contests.Api.Matches;
using Contests.Api.Tests.Support;

namespace Contests.Api.Tests.Matches;

[Collection(AppCollection.Name)]
public sealed class FieldDelayTests(AppFixture app)
{
    [Fact]
    public async Task a_delay_moves_the_fields_unplayed_matches_only()
    {
        var final = await MatchRoundScenario.Create(app, 8);
        var round = await final.Draw(groups: 2);
        var played = round.Matches.First(match => match.Field == "Sân A");
        await final.Submit(played.Code, MatchRoundScenario.Sheet(1, 0));

        var delayed = (await (await app.Change(HttpMethod.Post, $"{final.Url}/delays", new { field = "Sân A", minutes = 15, reason = "Robot đội đỏ hỏng bánh" },
            Roles.HeadReferee, MatchRoundScenario.ETag(round), 200)).ReadAsJsonAsync<MatchRoundView>())!;

        var before = round.Matches.ToDictionary(match => match.Code, match => match.StartsAt);
        Assert.All(delayed.Matches, match =>
        {
            var moved = match.Field == "Sân A" && match.Code != played.Code;
            Assert.Equal(before[match.Code].AddMinutes(moved ? 15 : 0), match.StartsAt);
        });
    }

    [Fact]
    public async Task a_delay_on_an_unknown_field_or_by_a_referee_is_refused()
    {
        var final = await MatchRoundScenario.Create(app, 4);
        var round = await final.Draw(groups: 1);

        var refused = await app.Change(HttpMethod.Post, $"{final.Url}/delays", new { field = "Sân Z", minutes = 0, reason = "" }, Roles.Organiser, MatchRoundScenario.ETag(round), 422);
        var rules = (await refused.ReadAsJsonAsync<ProblemBody>())!.Rules!;
        Assert.Equal(["unknown-field"], rules["field"]);
        Assert.Equal(["delay-out-of-range"], rules["minutes"]);
        Assert.Equal(["required"], rules["reason"]);
        await app.Change(HttpMethod.Post, $"{final.Url}/delays", new { field = "Sân A", minutes = 5, reason = "Mất điện" }, Roles.Referee, MatchRoundScenario.ETag(round), 403);
    }
}
