using System.Net;
using System.Net.Http.Json;
using Contests.Browser.Tests.Support;
using Microsoft.Playwright;

namespace Contests.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class MatchRoundSetupTests(BrowserFixture browser)
{
    [Fact]
    public async Task an_organiser_sets_the_game_seeds_the_teams_draws_the_groups_and_prints_the_schedule()
    {
        var contestId = await browser.CreateContestAsync("Robocon thử xếp lịch");
        string[] names = ["Hải Âu Tân Yên", "Mặt Trời Lục Ngạn", "Ngôi Sao Sơn Động", "Vươn Xa Yên Dũng"];
        foreach (var name in names)
        {
            await browser.RegisterTeamAsync(contestId, name, "Tân Yên");
        }

        using (var organiser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = browser.Server.BaseAddress })
        {
            (await organiser.PostAsJsonAsync("/api/auth/sign-in", new { email = BrowserFixture.OrganiserEmail, password = BrowserFixture.OrganiserPassword })).EnsureSuccessStatusCode();
            using var me = System.Text.Json.JsonDocument.Parse(await organiser.GetStringAsync(new Uri("/api/auth/me", UriKind.Relative)));
            organiser.DefaultRequestHeaders.Add("X-XSRF-TOKEN", me.RootElement.GetProperty("antiforgeryToken").GetString());
            using var rounds = new HttpRequestMessage(HttpMethod.Put, $"/api/contests/{contestId}/rounds")
            {
                Content = JsonContent.Create(new { rounds = new[] { new { name = "Chung kết", level = "Province", type = "Matches" } } }),
            };
            rounds.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            (await organiser.SendAsync(rounds)).EnsureSuccessStatusCode();
        }

        var page = await browser.NewPageAsync(1366, 1000);
        await page.GotoAsync("/organiser/");
        await page.GetByTestId("email").FillAsync(BrowserFixture.OrganiserEmail);
        await page.GetByTestId("password").FillAsync(BrowserFixture.OrganiserPassword);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.GetByText("Robocon thử xếp lịch").First.ClickAsync();
        var panel = page.Locator("[data-match-round='Chung kết']");
        await panel.Locator("summary").First.ClickAsync();

        await panel.GetByTestId("game-form").Locator("[name='name']").FillAsync("Robocon thử — Gieo hạt");
        await panel.GetByTestId("game-form").GetByRole(AriaRole.Button).ClickAsync();
        await panel.GetByText("Các đội (0)").ClickAsync();
        await panel.GetByTestId("team-codes").FillAsync(string.Join("\n", names));
        await panel.GetByTestId("teams-form").GetByRole(AriaRole.Button).ClickAsync();
        await panel.Locator("summary").Filter(new() { HasText = "Bốc thăm chia bảng và xếp lịch" }).ClickAsync();
        var draw = panel.GetByTestId("draw-form");
        await draw.Locator("[name='groupCount']").FillAsync("1");
        await draw.Locator("[name='fields']").FillAsync("Sân 1, Sân 2");
        await draw.Locator("[name='startsAt']").FillAsync("2024-08-10T08:00");
        await draw.Locator("[name='slotMinutes']").FillAsync("5");
        await draw.Locator("[name='minRestMinutes']").FillAsync("0");
        await draw.GetByRole(AriaRole.Button).ClickAsync();

        await Assertions.Expect(panel.GetByText("Lịch thi đấu (6 trận)")).ToBeVisibleAsync();
        await Assertions.Expect(panel.Locator("[data-group='A'] tbody tr")).ToHaveCountAsync(4);
        await BrowserFixture.ScreenshotAsync(page, "organiser-match-round");

        await panel.GetByText("Lịch in theo sân và đội").ClickAsync();
        await Assertions.Expect(page.Locator("[data-print-field='Sân 1'] tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-print-team]")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("[data-print-team='Hải Âu Tân Yên'] tbody tr")).ToHaveCountAsync(3);
        await BrowserFixture.ScreenshotAsync(page, "printable-schedule");
    }
}
