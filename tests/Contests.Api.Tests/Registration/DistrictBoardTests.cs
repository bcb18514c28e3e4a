using Alba;
using Contests.Api.Leaderboards;
using Contests.Api.Registration;
using Contests.Api.Tests.Support;
using Marten.Events;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Contests.Api.Tests.Registration;

[Collection(AppCollection.Name)]
public sealed class DistrictBoardTests(AppFixture app)
{
    private Task Register(Guid contestId, string name, string district) =>
        app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(Requests.Team(name, district)).ToUrl($"/api/contests/{contestId}/teams");
            scenario.StatusCodeShouldBe(201);
        });

    /// <summary>The test server has no real sockets, so the hub is reached over long polling through its handler.</summary>
    private HubConnection Connect() =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(app.Host.Server.BaseAddress, LiveHub.Path), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => app.Host.Server.CreateHandler();
            })
            .Build();

    [Fact]
    public async Task the_board_counts_teams_and_people_per_district_listing_every_district()
    {
        var contest = await app.CreateContest();
        await Register(contest.Id, "Đội Một", "Việt Yên");
        await Register(contest.Id, "Đội Hai", "Việt Yên");
        await Register(contest.Id, "Đội Ba", "Yên Thế");
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var board = (await app.Host.GetAsJson<DistrictBoardView>($"/api/contests/{contest.Id}/districts"))!;

        Assert.Equal(10, board.Districts.Count);
        Assert.Equal(new DistrictTally("Việt Yên", 2, 6), board.Districts.Single(tally => tally.District == "Việt Yên"));
        Assert.Equal(new DistrictTally("Yên Thế", 1, 3), board.Districts.Single(tally => tally.District == "Yên Thế"));
        Assert.Equal((3, 9), (board.TotalTeams, board.TotalPeople));
        Assert.Equal(4, board.Version);
    }

    [Fact]
    public async Task the_board_as_of_an_instant_is_rebuilt_from_the_events_before_it()
    {
        var contest = await app.CreateContest();
        await Register(contest.Id, "Đội Một", "Việt Yên");
        await Register(contest.Id, "Đội Hai", "Yên Thế");
        await Task.Delay(50);
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        await Register(contest.Id, "Đội Ba", "Yên Thế");
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        string Url(DateTimeOffset instant) =>
            $"/api/contests/{contest.Id}/districts?asOf={Uri.EscapeDataString(instant.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture))}";

        var then = (await app.Host.GetAsJson<DistrictBoardView>(Url(between)))!;
        var now = (await app.Host.GetAsJson<DistrictBoardView>($"/api/contests/{contest.Id}/districts"))!;
        var nowAsOf = (await app.Host.GetAsJson<DistrictBoardView>(Url(DateTimeOffset.UtcNow.AddSeconds(1))))!;

        Assert.Equal((2, 3), (then.TotalTeams, now.TotalTeams));
        Assert.Equal(new DistrictTally("Yên Thế", 1, 3), then.Districts.Single(tally => tally.District == "Yên Thế"));
        Assert.Equal(3, then.Version);
        Assert.Equal(now, nowAsOf with { Districts = now.Districts });
        Assert.Equal(now.Districts, nowAsOf.Districts);
    }

    [Fact]
    public async Task before_the_contest_there_is_no_board_and_a_malformed_instant_is_refused()
    {
        var contest = await app.CreateContest();

        await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url($"/api/contests/{contest.Id}/districts?asOf=2020-01-01T08:00:00%2B07:00");
            scenario.StatusCodeShouldBe(404);
        });
        var refused = await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url($"/api/contests/{contest.Id}/districts?asOf=yesterday");
            scenario.StatusCodeShouldBe(400);
        });
        Assert.Equal("as-of-invalid", (await refused.ReadAsJsonAsync<ProblemBody>())!.Code);
    }

    [Fact]
    public async Task a_subscribed_client_receives_the_new_board_when_a_team_registers()
    {
        var contest = await app.CreateContest();
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var received = new List<BoardUpdate<DistrictBoardView>>();
        var arrived = new SemaphoreSlim(0);

        await using var connection = Connect();
        connection.On<BoardUpdate<DistrictBoardView>>(LiveHub.BoardUpdated, update =>
        {
            lock (received)
            {
                received.Add(update);
            }

            arrived.Release();
        });
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", LiveHub.DistrictBoard(contest.Id));

        await Register(contest.Id, "Đội Trực Tiếp", "Lục Ngạn");

        Assert.True(await arrived.WaitAsync(TimeSpan.FromSeconds(30)), "no board update arrived");
        var update = received[^1];
        Assert.Equal(LiveHub.DistrictBoard(contest.Id), update.Board);
        Assert.Equal(2, update.Version);
        Assert.Equal(1, update.Data.Districts.Single(tally => tally.District == "Lục Ngạn").Teams);
    }

    [Fact]
    public async Task a_client_cannot_subscribe_to_a_made_up_group()
    {
        await using var connection = Connect();
        await connection.StartAsync();

        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("Subscribe", "organisers-only"));
    }

    [Fact]
    public async Task the_board_of_an_unknown_contest_is_404()
    {
        await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url($"/api/contests/{Guid.NewGuid()}/districts");
            scenario.StatusCodeShouldBe(404);
        });
    }
}
