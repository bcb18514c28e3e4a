using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Contests.Browser.Tests.Support;
using Microsoft.Playwright;
using Contests.Testing;

namespace Contests.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class StandingsScreenTests(BrowserFixture browser)
{
    private const string ContestName = "Robocon Bắc Giang 2024 — Chung kết trên màn hình lớn";

    private static readonly string[] Names = ["Rồng Vàng Việt Yên", "Tia Chớp Hiệp Hòa", "Sao Mai Lục Nam", "Đại Bàng Yên Thế", "Phượng Hoàng Tân Yên", "Hải Âu Lục Ngạn"];
    private static readonly string[] Districts = ["Việt Yên", "Hiệp Hòa", "Lục Nam", "Yên Thế", "Tân Yên", "Lục Ngạn"];

    /// <summary>A final of six teams in two groups of three, set up through the API as the organisers' console would.</summary>
    private sealed class Final(HttpClient organiser, HttpClient headReferee, Guid contestId, Guid roundId) : IDisposable
    {
        public Guid ContestId { get; } = contestId;

        public Guid RoundId { get; } = roundId;

        private string Url => $"/api/contests/{ContestId}/rounds/{RoundId}/matches";

        private string FreezeUrl => $"/api/contests/{ContestId}/boards/matches/{RoundId}";

        public static Task<JsonElement> Send(HttpClient client, HttpMethod method, string url, object? body, string? ifMatch = null, bool idempotent = false) =>
            client.SendJsonAsync(method, url, body ?? new { }, ifMatch, idempotent ? Guid.NewGuid().ToString() : null);

        public async Task<JsonElement> Round()
        {
            using var round = JsonDocument.Parse(await organiser.GetStringAsync(new Uri(Url, UriKind.Relative)));
            return round.RootElement.Clone();
        }

        public async Task<string> Version() => $"\"{(await Round()).GetProperty("version").GetInt64()}\"";

        public async Task<(string Code, string Red)> Match(int index)
        {
            var match = (await Round()).GetProperty("matches")[index];
            var red = match.GetProperty("red").GetGuid();
            var name = (await Round()).GetProperty("teams").EnumerateArray().Single(team => team.GetProperty("teamId").GetGuid() == red).GetProperty("name").GetString()!;
            return (match.GetProperty("code").GetString()!, name);
        }

        /// <summary>Red wins the match: the referee's sheet and the head referee's confirmation, through the API.</summary>
        public async Task<string> RedWins(int index)
        {
            var (code, red) = await Match(index);
            await Send(headReferee, HttpMethod.Post, $"{Url}/{code}/result", new { sheet = new { red = new { tasks = new { seed = 3 } }, blue = new { tasks = new { seed = 1 } } } }, idempotent: true);
            await Send(headReferee, HttpMethod.Post, $"{Url}/{code}/confirm", null, "\"1\"");
            return red;
        }

        public async Task<JsonElement> Freeze(string action)
        {
            var current = await organiser.GetAsync(new Uri($"{FreezeUrl}/freeze", UriKind.Relative));
            return await Send(organiser, HttpMethod.Post, $"{FreezeUrl}/{action}", null, current.Headers.ETag!.Tag);
        }

        public void Dispose()
        {
            organiser.Dispose();
            headReferee.Dispose();
        }
    }

    private async Task<HttpClient> SignedIn(string path, object body)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = browser.Server.BaseAddress };
        (await client.PostAsJsonAsync(path, body)).EnsureSuccessStatusCode();
        using var me = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/auth/me", UriKind.Relative)));
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", me.RootElement.GetProperty("antiforgeryToken").GetString());
        return client;
    }

    private async Task<Final> SetUpFinal(string contestName, int? teamCount = null)
    {
        var contestId = await browser.CreateContestAsync(contestName);
        var names = teamCount is { } count ? Enumerable.Range(1, count).Select(number => $"Đội Robot số {number}").ToArray() : Names;
        for (var index = 0; index < names.Length; index++)
        {
            await browser.RegisterTeamAsync(contestId, names[index], Districts[index % Districts.Length]);
        }

        var organiser = await browser.SignedInOrganiserAsync();
        using var teams = JsonDocument.Parse(await organiser.GetStringAsync(new Uri($"/api/contests/{contestId}/teams", UriKind.Relative)));
        var ids = names.Select(name => teams.RootElement.EnumerateArray().Single(team => team.GetProperty("name").GetString() == name).GetProperty("id").GetGuid()).ToList();
        var rounds = await Final.Send(organiser, HttpMethod.Put, $"/api/contests/{contestId}/rounds",
            new { rounds = new[] { new { name = "Chung kết", level = "Province", type = "Matches" } } }, "\"1\"");
        var headReferee = await SignedIn("/api/auth/sign-in-code", new { code = await browser.IssueCodeAsync("HeadReferee", "Trọng tài chính bảng") });
        var final = new Final(organiser, headReferee, contestId, rounds.GetProperty("rounds")[0].GetProperty("id").GetGuid());
        var url = $"/api/contests/{contestId}/rounds/{final.RoundId}/matches";
        await Final.Send(organiser, HttpMethod.Put, $"{url}/game", new
        {
            name = "Gieo hạt",
            tasks = new[] { new { name = "Gieo hạt", points = 10, maxCount = 12, code = "seed" } },
            penalties = Array.Empty<object>(),
            instantWin = "Chiến thắng tuyệt đối",
            matchSeconds = 180,
        });
        await Final.Send(organiser, HttpMethod.Put, $"{url}/teams", new { teamIds = ids }, await final.Version());
        await Final.Send(organiser, HttpMethod.Post, $"{url}/draw", new
        {
            groupCount = 2, fields = new[] { "Sân 1", "Sân 2" }, startsAt = new DateTime(2024, 8, 10, 8, 0, 0), slotMinutes = 5, minRestMinutes = 0, seed = 1,
        }, await final.Version());
        return final;
    }

    private static ILocator Points(IPage page, string team) => page.Locator($"[data-team='{team}'] [data-testid='points']");

    [Fact]
    public async Task the_big_screen_follows_results_catches_up_after_going_offline_and_shows_the_freeze_and_each_reveal_step()
    {
        using var final = await SetUpFinal(ContestName);
        var screen = await browser.NewPageAsync(1920, 1080);
        await screen.GotoAsync($"/screen/?contest={final.ContestId}&round={final.RoundId}");
        await Assertions.Expect(screen.GetByTestId("link-state")).ToHaveTextAsync("Trực tiếp");
        await Assertions.Expect(screen.Locator("[data-testid='standings'] tr[data-key]")).ToHaveCountAsync(6);
        await Assertions.Expect(screen.GetByTestId("phone-url")).ToContainTextAsync("/standings/?contest=");

        var first = await final.RedWins(0);
        await Assertions.Expect(Points(screen, first)).ToHaveTextAsync("3");
        await BrowserFixture.ScreenshotAsync(screen, "big-screen-standings");

        // Away while a result lands; back, the screen shows the board as it is now.
        await screen.Context.SetOfflineAsync(true);
        var second = await final.RedWins(1);
        await screen.Context.SetOfflineAsync(false);
        await screen.EvaluateAsync("() => window.dispatchEvent(new Event('online'))");
        await Assertions.Expect(Points(screen, second)).ToHaveTextAsync(second == first ? "6" : "3");

        // The organisers freeze from their console: a later result stays off the public screen.
        var console = await browser.NewPageAsync(1366, 1000);
        await console.GotoAsync("/organiser/");
        await console.GetByTestId("email").FillAsync(BrowserFixture.OrganiserEmail);
        await console.GetByTestId("password").FillAsync(BrowserFixture.OrganiserPassword);
        await console.GetByTestId("sign-in").ClickAsync();
        await console.GetByText(ContestName).First.ClickAsync();
        var panel = console.GetByTestId("board-freeze");
        await panel.Locator("summary").ClickAsync();
        await Assertions.Expect(panel.GetByTestId("freeze-state")).ToHaveTextAsync("Bảng công khai đang trực tiếp.");
        await panel.GetByTestId("freeze-board").ClickAsync();
        await Assertions.Expect(panel.GetByTestId("freeze-state")).ToContainTextAsync("đã công bố 0/3 bước");
        await Assertions.Expect(screen.GetByTestId("freeze-notice")).ToContainTextAsync("Bảng đã khóa");
        var later = await final.RedWins(2);
        var pointsBefore = await Points(screen, later).TextContentAsync();
        await panel.GetByTestId("reveal-next").ClickAsync();
        await Assertions.Expect(panel.GetByTestId("freeze-state")).ToContainTextAsync("đã công bố 1/3 bước");
        await BrowserFixture.ScreenshotAsync(console, "organiser-freeze-panel");
        await Assertions.Expect(screen.GetByTestId("freeze-notice")).ToContainTextAsync("Đang công bố kết quả: 1/3");
        await Assertions.Expect(screen.GetByTestId("concealed-line")).ToHaveCountAsync(4);
        await BrowserFixture.ScreenshotAsync(screen, "big-screen-reveal-step-1");
        await final.Freeze("reveal/next");
        await Assertions.Expect(screen.GetByTestId("concealed-line")).ToHaveCountAsync(2);
        await final.Freeze("reveal/next");
        await Assertions.Expect(screen.GetByTestId("concealed-line")).ToHaveCountAsync(0);
        await Assertions.Expect(screen.GetByTestId("freeze-notice")).ToBeHiddenAsync();
        await Assertions.Expect(Points(screen, later)).Not.ToHaveTextAsync(pointsBefore!);
        await BrowserFixture.ScreenshotAsync(screen, "big-screen-revealed");
    }

    [Fact]
    public async Task on_a_phone_people_find_their_team_and_follow_it()
    {
        using var final = await SetUpFinal("Robocon Bắc Giang 2024 — Chung kết trên điện thoại");
        var winner = await final.RedWins(0);
        var phone = await browser.NewPageAsync(390, 844);
        await phone.GotoAsync($"/standings/?contest={final.ContestId}&round={final.RoundId}");
        await Assertions.Expect(phone.GetByTestId("link-state")).ToHaveTextAsync("Trực tiếp");

        await phone.GetByTestId("team-search").FillAsync("hai au luc ngan");
        await Assertions.Expect(phone.Locator("[data-testid='standings'] li[data-team]")).ToHaveCountAsync(1);
        await phone.GetByTestId("follow").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("followed")).ToContainTextAsync("Hải Âu Lục Ngạn");
        await phone.GetByTestId("team-search").FillAsync("");
        await Assertions.Expect(Points(phone, winner)).ToHaveTextAsync("3");
        await BrowserFixture.ScreenshotAsync(phone, "phone-board");

        await phone.ReloadAsync();
        await Assertions.Expect(phone.GetByTestId("followed")).ToContainTextAsync("Hải Âu Lục Ngạn");
    }

    [Fact]
    public async Task a_long_board_turns_its_pages_by_itself()
    {
        using var final = await SetUpFinal("Robocon Bắc Giang 2024 — Chung kết nhiều đội", teamCount: 14);
        await final.Freeze("freeze");
        var screen = await browser.NewPageAsync(1920, 1080);
        await screen.GotoAsync($"/screen/?contest={final.ContestId}&round={final.RoundId}&seconds=3");
        await Assertions.Expect(screen.GetByTestId("page-number")).ToHaveTextAsync("Trang 1/2");
        await Assertions.Expect(screen.Locator("[data-testid='standings'] tr[data-key]")).ToHaveCountAsync(11);
        await BrowserFixture.ScreenshotAsync(screen, "big-screen-page-1");
        await Assertions.Expect(screen.GetByTestId("page-number")).ToHaveTextAsync("Trang 2/2");
        await Assertions.Expect(screen.Locator("[data-testid='standings'] tr[data-key]")).ToHaveCountAsync(3);
    }
}
