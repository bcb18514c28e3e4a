using System.Text.Json.Serialization;
using Alba;
using Contests.Api.Access;
using Contests.Api.Leaderboards;
using Contests.Api.Matches;
using Contests.Api.Tests.Support;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Contests.Api.Tests.Matches;

[Collection(AppCollection.Name)]
public sealed class MatchBoardTests(AppFixture app)
{
    private HubConnection Connect() =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(app.Host.Server.BaseAddress, LiveHub.Path), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => app.Host.Server.CreateHandler();
            })
            .AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();

    [Fact]
    public async Task the_public_board_shows_official_standings_and_marks_a_waiting_result_unofficial()
    {
        var final = await MatchRoundScenario.Create(app, 4);
        var round = await final.Draw(groups: 1);
        await final.Play(round.Matches[0].Code, 4, 1);
        await final.Submit(round.Matches[1].Code, MatchRoundScenario.Sheet(2, 1));
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var board = (await app.Host.GetAsJson<MatchRoundView>($"{final.Url}/board"))!;

        Assert.Equal((true, false), (board.Matches[0].Official, board.Matches[1].Official));
        Assert.Equal(1, board.Groups[0].Rows.Sum(row => row.Won));
        Assert.Equal(MatchStatus.AwaitingConfirmation, board.Matches[1].Status);
        Assert.True(board.Version >= 5);
    }

    [Fact]
    public async Task a_subscribed_screen_receives_the_board_after_a_confirmation_and_the_live_score_while_scoring()
    {
        var final = await MatchRoundScenario.Create(app, 4);
        var round = await final.Draw(groups: 1);
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var boards = new List<BoardUpdate<MatchRoundView>>();
        var live = new List<LiveScore>();
        var arrived = new SemaphoreSlim(0);
        await using var connection = Connect();
        connection.On<BoardUpdate<MatchRoundView>>(LiveHub.BoardUpdated, update =>
        {
            lock (boards)
            {
                boards.Add(update);
            }

            arrived.Release();
        });
        connection.On<LiveScore>(ScoreMatch.LiveScoreMessage, score =>
        {
            lock (live)
            {
                live.Add(score);
            }

            arrived.Release();
        });
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", MatchBoard.Name(final.ContestId, final.RoundId));

        var code = round.Matches[0].Code;
        var referee = await app.SessionFor(Roles.Referee);
        await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(new { sequence = 3, sheet = MatchRoundScenario.Sheet(2, 1) }).ToUrl($"{final.Url}/{code}/live");
            referee.Apply(scenario);
            scenario.StatusCodeShouldBe(202);
        });
        Assert.True(await arrived.WaitAsync(TimeSpan.FromSeconds(30)), "no live score arrived");
        Assert.Equal((code, 3L, 20, 10), (live[0].Code, live[0].Sequence, live[0].Score.Red.Points, live[0].Score.Blue.Points));

        await final.Play(code, 2, 1);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !boards.Any(update => update.Data.Matches.Any(match => match.Code == code && match.Official)))
        {
            await arrived.WaitAsync(TimeSpan.FromSeconds(1));
        }

        var confirmed = boards.Last(update => update.Data.Matches.Any(match => match.Code == code && match.Official));
        Assert.Equal(MatchBoard.Name(final.ContestId, final.RoundId), confirmed.Board);
        Assert.Equal(3, confirmed.Data.Groups[0].Rows[0].RankingPoints);
    }
}
