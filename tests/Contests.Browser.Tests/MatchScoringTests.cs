using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Contests.Browser.Tests.Support;
using Microsoft.Playwright;
using Contests.Testing;

namespace Contests.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class MatchScoringTests(BrowserFixture browser)
{
    private sealed class Final(HttpClient organiser, Guid contestId, Guid roundId) : IDisposable
    {
        public Guid ContestId { get; } = contestId;

        public Guid RoundId { get; } = roundId;

        public string Url => $"/api/contests/{ContestId}/rounds/{RoundId}/matches";

        public async Task<JsonElement> Round()
        {
            using var round = JsonDocument.Parse(await organiser.GetStringAsync(new Uri(Url, UriKind.Relative)));
            return round.RootElement.Clone();
        }

        public Task<JsonElement> Send(HttpMethod method, string path, object body, string? ifMatch = null, string? idempotencyKey = null, HttpClient? client = null) =>
            (client ?? organiser).SendJsonAsync(method, Url + path, body, ifMatch, idempotencyKey);

        public async Task<string> Version() => $"\"{(await Round()).GetProperty("version").GetInt64()}\"";

        public async Task<JsonElement> Match(string code) =>
            (await Round()).GetProperty("matches").EnumerateArray().Single(match => match.GetProperty("code").GetString() == code);

        public void Dispose() => organiser.Dispose();
    }

    private async Task<HttpClient> SignedIn(string path, object body)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = browser.Server.BaseAddress };
        (await client.PostAsJsonAsync(path, body)).EnsureSuccessStatusCode();
        using var me = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/auth/me", UriKind.Relative)));
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", me.RootElement.GetProperty("antiforgeryToken").GetString());
        return client;
    }

    /// <summary>A final of four teams in two groups of two over two fields, set up through the API as the console would.</summary>
    private async Task<Final> SetUpFinal()
    {
        var contestId = await browser.CreateContestAsync("Chung kết Robocon thử");
        string[] names = ["Rồng Vàng Việt Yên", "Tia Chớp Hiệp Hòa", "Sao Mai Lục Nam", "Đại Bàng Yên Thế"];
        string[] districts = ["Việt Yên", "Hiệp Hòa", "Lục Nam", "Yên Thế"];
        for (var index = 0; index < names.Length; index++)
        {
            await browser.RegisterTeamAsync(contestId, names[index], districts[index]);
        }

        var organiser = await SignedIn("/api/auth/sign-in", new { email = BrowserFixture.OrganiserEmail, password = BrowserFixture.OrganiserPassword });
        using var teams = JsonDocument.Parse(await organiser.GetStringAsync(new Uri($"/api/contests/{contestId}/teams", UriKind.Relative)));
        var ids = names.Select(name => teams.RootElement.EnumerateArray().Single(team => team.GetProperty("name").GetString() == name).GetProperty("id").GetGuid()).ToList();
        using var rounds = new HttpRequestMessage(HttpMethod.Put, $"/api/contests/{contestId}/rounds")
        {
            Content = JsonContent.Create(new { rounds = new[] { new { name = "Chung kết", level = "Province", type = "Matches" } } }),
        };
        rounds.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        using var roundsSet = JsonDocument.Parse(await (await organiser.SendAsync(rounds)).EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        var final = new Final(organiser, contestId, roundsSet.RootElement.GetProperty("rounds")[0].GetProperty("id").GetGuid());

        await final.Send(HttpMethod.Put, "/game", new
        {
            name = "Gieo hạt",
            tasks = new[] { new { name = "Gieo hạt", points = 10, maxCount = 12, code = "seed" } },
            penalties = new[] { new { name = "Phạm luật", points = 10, effect = "ToOpponent", maxCount = 5, code = "foul" } },
            instantWin = "Chiến thắng tuyệt đối",
            matchSeconds = 180,
        });
        await final.Send(HttpMethod.Put, "/teams", new { teamIds = ids }, await final.Version());
        await final.Send(HttpMethod.Post, "/draw", new
        {
            groupCount = 2, fields = new[] { "Sân 1", "Sân 2" }, startsAt = new DateTime(2024, 8, 10, 8, 0, 0), slotMinutes = 5, minRestMinutes = 0, seed = 1,
        }, await final.Version());
        return final;
    }

    private async Task<IPage> SignInOnTablet(Final final, string role, string name)
    {
        var code = await browser.IssueCodeAsync(role, name);
        var tablet = await browser.NewPageAsync(1180, 820);
        await tablet.GotoAsync($"/referee/?contest={final.ContestId}&round={final.RoundId}");
        await tablet.GetByTestId("code-input").FillAsync(code);
        await tablet.GetByTestId("code-submit").ClickAsync();
        await Assertions.Expect(tablet.GetByTestId("signed-in-as")).ToContainTextAsync(name);
        return tablet;
    }

    private static async Task Score(IPage tablet, string field, string code, int redSeeds, int blueSeeds, string? screenshot = null)
    {
        await tablet.Locator($"[data-field='{field}']").ClickAsync();
        await Assertions.Expect(tablet.GetByTestId("scoring-match")).ToContainTextAsync(code);
        for (var tap = 0; tap < redSeeds; tap++)
        {
            await tablet.GetByTestId("red-seed-plus").ClickAsync();
        }

        for (var tap = 0; tap < blueSeeds; tap++)
        {
            await tablet.GetByTestId("blue-seed-plus").ClickAsync();
        }

        await tablet.GetByTestId("blue-seed-plus").ClickAsync();
        await tablet.GetByTestId("undo").ClickAsync();
        await Assertions.Expect(tablet.GetByTestId("red-total")).ToHaveTextAsync((redSeeds * 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(tablet.GetByTestId("blue-total")).ToHaveTextAsync((blueSeeds * 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (screenshot is not null)
        {
            await BrowserFixture.ScreenshotAsync(tablet, screenshot);
        }

        await tablet.GetByTestId("submit-result").ClickAsync();
        await Assertions.Expect(tablet.Locator($"[data-testid='on-server'][data-match='{code}']")).ToContainTextAsync("chờ trọng tài chính xác nhận");
    }

    [Fact]
    public async Task a_referee_scores_on_a_tablet_the_head_referee_confirms_and_the_hall_screen_follows_without_reload()
    {
        using var final = await SetUpFinal();
        var audience = await browser.NewPageAsync(1920, 1080);
        await audience.GotoAsync($"/matches/?contest={final.ContestId}&round={final.RoundId}");
        await Assertions.Expect(audience.GetByTestId("link-state")).ToHaveTextAsync("Trực tiếp");
        var referee = await SignInOnTablet(final, "Referee", "Trọng tài Sân");
        var head = await SignInOnTablet(final, "HeadReferee", "Trọng tài chính Hà");

        // Group B's only match, scored on the tablet and confirmed by the head referee.
        var groupMatch = await final.Match("B1");
        await Score(referee, groupMatch.GetProperty("field").GetString()!, "B1", 3, 1, "referee-tablet-scoring");
        await BrowserFixture.ScreenshotAsync(referee, "referee-tablet-submitted");
        await Assertions.Expect(audience.GetByTestId("unofficial")).ToBeVisibleAsync();
        await head.GetByTestId("confirm-B1").ClickAsync();
        await Assertions.Expect(head.GetByTestId("referee-message")).ToContainTextAsync("Đã xác nhận trận B1");
        await BrowserFixture.ScreenshotAsync(head, "head-referee-confirmed");

        var groupB = audience.Locator("[data-group='B'] [data-testid='ranking-points']");
        await Assertions.Expect(groupB.First).ToHaveTextAsync("3");
        await BrowserFixture.ScreenshotAsync(audience, "hall-screen-standings");

        // Group A through the API, then the bracket; the semi-final is scored on the tablet and the final fills in.
        using var refereeApi = await SignedIn("/api/auth/sign-in-code", new { code = await browser.IssueCodeAsync("HeadReferee", "Trọng tài chính API") });
        await final.Send(HttpMethod.Post, "/A1/result", new { sheet = new { red = new { tasks = new { seed = 2 } }, blue = new { tasks = new { seed = 1 } } } },
            idempotencyKey: Guid.NewGuid().ToString(), client: refereeApi);
        await final.Send(HttpMethod.Post, "/A1/confirm", new { }, "\"1\"", client: refereeApi);
        await final.Send(HttpMethod.Post, "/bracket", new { advancePerGroup = 2, thirdPlace = false }, await final.Version());

        var semiFinal = await final.Match("SF1");
        var winner = semiFinal.GetProperty("red").GetGuid();
        await Assertions.Expect(audience.Locator("[data-match='SF1']")).ToBeVisibleAsync();
        await Score(referee, semiFinal.GetProperty("field").GetString()!, "SF1", 5, 2);
        await head.GetByTestId("confirm-SF1").ClickAsync();

        var winnerName = (await final.Round()).GetProperty("teams").EnumerateArray().Single(team => team.GetProperty("teamId").GetGuid() == winner).GetProperty("name").GetString()!;
        await Assertions.Expect(audience.Locator("[data-match='F'] .bracket-team").First).ToHaveTextAsync(winnerName);
        await Assertions.Expect(audience.Locator("[data-match='SF1'] .bracket-team.winner")).ToHaveTextAsync(winnerName);
        await BrowserFixture.ScreenshotAsync(audience, "hall-screen-bracket");
    }

    [Fact]
    public async Task a_sheet_submitted_without_network_stays_on_the_tablet_and_is_sent_once_when_the_network_returns()
    {
        using var final = await SetUpFinal();
        var referee = await SignInOnTablet(final, "Referee", "Trọng tài mất sóng");
        var match = await final.Match("A1");
        await referee.Locator($"[data-field='{match.GetProperty("field").GetString()}']").ClickAsync();
        await Assertions.Expect(referee.GetByTestId("scoring-match")).ToContainTextAsync("A1");

        await referee.Context.SetOfflineAsync(true);
        await referee.GetByTestId("red-seed-plus").ClickAsync();
        await referee.GetByTestId("red-seed-plus").ClickAsync();
        await referee.GetByTestId("submit-result").ClickAsync();
        await Assertions.Expect(referee.GetByTestId("on-device")).ToContainTextAsync("A1: chỉ có trên máy này, chưa gửi được");
        await BrowserFixture.ScreenshotAsync(referee, "referee-tablet-offline");

        await referee.Context.SetOfflineAsync(false);
        await referee.EvaluateAsync("() => window.dispatchEvent(new Event('online'))");
        await Assertions.Expect(referee.Locator("[data-testid='on-server'][data-match='A1']")).ToContainTextAsync("chờ trọng tài chính xác nhận");
        await Assertions.Expect(referee.GetByTestId("on-device")).ToHaveCountAsync(0);

        // One submission on the server (its stream at version 1), with what was tapped while offline.
        var submitted = await final.Match("A1");
        Assert.Equal((20, 1L), (submitted.GetProperty("score").GetProperty("red").GetProperty("points").GetInt32(), submitted.GetProperty("version").GetInt64()));
    }
}
