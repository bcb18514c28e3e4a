using Alba;
using Contests.Api.Matches;
using Contests.Api.Tests.Matches;
using Contests.Api.Tests.Support;
using Marten;
using Marten.Events;

namespace Contests.Api.Tests.Leaderboards;

[Collection(AppCollection.Name)]
public sealed class BoardAsOfTests(AppFixture app)
{
    /// <summary>An instant as people write it, in Vietnam time with its offset, the '+' left unencoded.</summary>
    private static string Local(DateTimeOffset instant) => instant.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task the_board_as_of_an_instant_is_rebuilt_from_the_events_before_it()
    {
        var final = await MatchRoundScenario.Create(app, 4);
        var round = await final.Draw(groups: 1);
        await final.Play(round.Matches[0].Code, 3, 1);
        await Task.Delay(50);
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        await final.Play(round.Matches[1].Code, 0, 5);
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var then = (await app.Host.GetAsJson<MatchRoundView>($"{final.Url}/board?asOf={Local(between)}"))!;
        var now = (await app.Host.GetAsJson<MatchRoundView>($"{final.Url}/board"))!;
        var nowAsOf = (await app.Host.GetAsJson<MatchRoundView>($"{final.Url}/board?asOf={Uri.EscapeDataString(Local(DateTimeOffset.UtcNow.AddSeconds(1)))}"))!;

        Assert.Equal([round.Matches[0].Code], then.Matches.Where(match => match.Official).Select(match => match.Code));
        Assert.Equal(1, then.Groups[0].Rows.Sum(row => row.Won));
        Assert.True(then.Version < now.Version);
        Assert.Equal(now.Version, nowAsOf.Version);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(now, AppJson.Options), System.Text.Json.JsonSerializer.Serialize(nowAsOf, AppJson.Options));
    }

    [Fact]
    public async Task before_the_game_was_set_there_is_no_board_and_a_malformed_instant_is_refused()
    {
        var final = await MatchRoundScenario.Create(app, 2);

        await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url($"{final.Url}/board?asOf=2020-01-01T08:00:00%2B07:00");
            scenario.StatusCodeShouldBe(404);
        });
        var refused = await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url($"{final.Url}/board?asOf=yesterday");
            scenario.StatusCodeShouldBe(400);
        });
        Assert.Equal("as-of-invalid", (await refused.ReadAsJsonAsync<ProblemBody>())!.Code);
    }
}
