using Contests.Browser.Tests.Support;
using Microsoft.Playwright;

namespace Contests.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class EntryPointTests(BrowserFixture browser)
{
    [Fact]
    public async Task the_landing_page_links_the_four_entry_points_with_no_script_errors()
    {
        await browser.CreateContestAsync("Cuộc thi trên trang chủ");
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        await page.GotoAsync("/");
        foreach (var path in new[] { "/board/", "/team/", "/judge/", "/organiser/" })
        {
            await Assertions.Expect(page.Locator($"a[href^='{path}']").First).ToBeVisibleAsync();
        }

        await Assertions.Expect(page.GetByText("Cuộc thi trên trang chủ").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "landing");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task the_language_toggle_switches_to_english_and_is_remembered()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");

        await page.GetByTestId("language-toggle").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    [Fact]
    public async Task an_organiser_signs_in_to_the_console_and_sees_the_contests()
    {
        await browser.CreateContestAsync("Cuộc thi trong bảng điều khiển");
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/organiser/");
        await page.GetByTestId("email").FillAsync(BrowserFixture.OrganiserEmail);
        await page.GetByTestId("password").FillAsync(BrowserFixture.OrganiserPassword);
        await page.GetByTestId("sign-in").ClickAsync();

        await Assertions.Expect(page.GetByText("Cuộc thi trong bảng điều khiển").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "organiser-console");

        await page.GetByText("Cuộc thi trong bảng điều khiển").First.ClickAsync();
        await page.GetByText("Các vòng thi", new() { Exact = true }).ClickAsync();
        await page.Locator("[name='rounds[0].name']").FillAsync("Vòng loại trực tuyến");
        await page.GetByText("+ Thêm vòng").ClickAsync();
        await page.Locator("[name='rounds[1].name']").FillAsync("Chung kết");
        await page.Locator("[name='rounds[1].type']").SelectOptionAsync("Matches");
        await page.GetByText("Lưu các vòng thi").ClickAsync();
        await Assertions.Expect(page.GetByTestId("rounds-saved")).ToBeVisibleAsync();

        await page.GetByText("Thời gian đăng ký và điều kiện", new() { Exact = true }).ClickAsync();
        await page.Locator("[name='opensAt']").FillAsync("2026-01-01T08:00");
        await page.Locator("[name='closesAt']").FillAsync("2030-12-31T17:00");
        await page.Locator("[name='grades.THCS.min']").FillAsync("6");
        await page.Locator("[name='grades.THCS.max']").FillAsync("9");
        await page.Locator("[name='required.Phone']").CheckAsync();
        await page.GetByText("Lưu điều kiện").ClickAsync();
        await Assertions.Expect(page.GetByTestId("rules-saved")).ToBeVisibleAsync();

        // What was saved is what the console shows after a reload.
        await page.ReloadAsync();
        await page.GetByText("Cuộc thi trong bảng điều khiển").First.ClickAsync();
        await page.GetByText("Các vòng thi", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[name='rounds[1].name']")).ToHaveValueAsync("Chung kết");
        await Assertions.Expect(page.Locator("[name='rounds[1].type']")).ToHaveValueAsync("Matches");
        await page.GetByText("Thời gian đăng ký và điều kiện", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[name='grades.THCS.max']")).ToHaveValueAsync("9");
        await Assertions.Expect(page.Locator("[name='closesAt']")).ToHaveValueAsync("2030-12-31T17:00");
        await Assertions.Expect(page.Locator("[name='required.Phone']")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task markup_typed_into_a_team_name_is_shown_as_text_and_never_run()
    {
        const string hostileName = "<b>Đội In Đậm</b><img src=x onerror=\"window.pwned=1\">";
        var contestId = await browser.CreateContestAsync("Cuộc thi thử mã độc trong tên");
        await browser.RegisterTeamAsync(contestId, hostileName, "Việt Yên");

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/organiser/");
        await page.GetByTestId("email").FillAsync(BrowserFixture.OrganiserEmail);
        await page.GetByTestId("password").FillAsync(BrowserFixture.OrganiserPassword);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.GetByText("Cuộc thi thử mã độc trong tên").First.ClickAsync();

        await Assertions.Expect(page.GetByText(hostileName)).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("td b, td img").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.pwned === undefined"));
    }

    [Fact]
    public async Task a_judge_signs_in_on_a_tablet_from_the_link_in_the_qr_code()
    {
        var code = await browser.IssueCodeAsync("Judge", "Giám khảo Trần Minh Đức");
        var tablet = await browser.NewPageAsync(1024, 768);
        await tablet.GotoAsync($"/judge/#code={code}");

        await Assertions.Expect(tablet.GetByTestId("signed-in-as")).ToContainTextAsync("Giám khảo Trần Minh Đức");
        Assert.DoesNotContain(code, tablet.Url, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(tablet, "judge-tablet");
    }
}
