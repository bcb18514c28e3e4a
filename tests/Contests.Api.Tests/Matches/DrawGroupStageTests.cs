using Alba;
using Contests.Api.Access;
using Contests.Api.Matches;
using Contests.Api.Tests.Support;

namespace Contests.Api.Tests.Matches;

[Collection(AppCollection.Name)]
public sealed class DrawGroupStageTests(AppFixture app)
{
    [Fact]
    public async Task the_draw_makes_seeded_groups_and_a_round_robin_timetable_over_the_fields()
    {
        var final = await MatchRoundScenario.Create(app, 8);

        var round = await final.Draw(groups: 2);

        Assert.Equal(["A", "B"], round.Groups.Select(group => group.Group));
        Assert.Equal([final.TeamIds[0], final.TeamIds[1]], round.Groups.Select(group => group.Rows[0].TeamId));
        Assert.Equal(12, round.Matches.Count);
        Assert.All(round.Matches, match => Assert.Contains(match.Field, new[] { "Sân A", "Sân B" }));
        Assert.Equal(new DateTimeOffset(2024, 8, 10, 8, 0, 0, TimeSpan.FromHours(7)), round.Matches.Min(match => match.StartsAt));
        Assert.Equal(42, round.Seed);
        Assert.All(round.Matches.GroupBy(match => match.StartsAt), slot =>
            Assert.Equal(slot.Count() * 2, slot.SelectMany(match => new[] { match.Red, match.Blue }).Distinct().Count()));
    }

    [Fact]
    public async Task the_same_seed_draws_the_same_groups_and_timetable()
    {
        var final = await MatchRoundScenario.Create(app, 6);
        var first = await final.Draw(groups: 2, seed: 7);
        var again = await app.Change(HttpMethod.Post, $"{final.Url}/draw", new
        {
            groupCount = 2, fields = new[] { "Sân A", "Sân B" }, startsAt = new DateTime(2024, 8, 10, 8, 0, 0), slotMinutes = 5, minRestMinutes = 5, seed = 7,
        }, Roles.Organiser, MatchRoundScenario.ETag(first), 200);

        var second = (await again.ReadAsJsonAsync<MatchRoundView>())!;
        Assert.Equal(first.Matches.Select(match => (match.Code, match.Red, match.Blue, match.Field, match.StartsAt)),
            second.Matches.Select(match => (match.Code, match.Red, match.Blue, match.Field, match.StartsAt)));
    }

    [Fact]
    public async Task an_impossible_draw_is_refused_and_teams_are_fixed_once_drawn()
    {
        var final = await MatchRoundScenario.Create(app, 4);
        var chosen = await app.Change(HttpMethod.Put, $"{final.Url}/teams", new { teamIds = final.TeamIds }, Roles.Organiser, "\"1\"", 200);
        var refused = await app.Change(HttpMethod.Post, $"{final.Url}/draw", new
        {
            groupCount = 3, fields = Array.Empty<string>(), startsAt = new DateTime(2024, 8, 10, 8, 0, 0), slotMinutes = 2, minRestMinutes = 5,
        }, Roles.Organiser, "\"2\"", 422);
        var rules = (await refused.ReadAsJsonAsync<ProblemBody>())!.Rules!;
        Assert.Equal(["group-count-out-of-range"], rules["groupCount"]);
        Assert.Equal(["fields-invalid"], rules["fields"]);
        Assert.Equal(["slot-shorter-than-match"], rules["slotMinutes"]);

        var drawn = await final.Draw(groups: 1);
        var late = await app.Change(HttpMethod.Put, $"{final.Url}/teams", new { teamIds = final.TeamIds.Take(2) }, Roles.Organiser, MatchRoundScenario.ETag(drawn), 409);
        Assert.Equal("match-round-drawn", (await late.ReadAsJsonAsync<ProblemBody>())!.Code);
    }

    [Fact]
    public async Task once_a_result_exists_the_groups_cannot_be_drawn_again_and_only_organisers_draw()
    {
        var final = await MatchRoundScenario.Create(app, 4);
        var round = await final.Draw(groups: 1);
        await app.Change(HttpMethod.Post, $"{final.Url}/draw", new { groupCount = 1 }, Roles.HeadReferee, MatchRoundScenario.ETag(round), 403);
        await final.Submit(round.Matches[0].Code, MatchRoundScenario.Sheet(3, 1));

        var refused = await app.Change(HttpMethod.Post, $"{final.Url}/draw", new
        {
            groupCount = 1, fields = new[] { "Sân A" }, startsAt = new DateTime(2024, 8, 10, 8, 0, 0), slotMinutes = 5, minRestMinutes = 0,
        }, Roles.Organiser, MatchRoundScenario.ETag(round), 409);
        Assert.Equal("match-round-started", (await refused.ReadAsJsonAsync<ProblemBody>())!.Code);
    }
}
