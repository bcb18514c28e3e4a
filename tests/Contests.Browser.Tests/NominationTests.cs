using Contests.Browser.Tests.Support;
using Microsoft.Playwright;

namespace Contests.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class NominationTests(BrowserFixture browser)
{
    [Fact]
    public async Task a_district_organiser_nominates_a_team_and_closes_the_districts_list()
    {
        var contestId = await browser.CreateContestAsync("Hội thi Sáng tạo vòng huyện");
        await browser.RegisterTeamAsync(contestId, "Mô hình Máy gieo hạt Lục Nam", "Lục Nam");
        await browser.CreateDistrictOrganiserAsync("lucnam@browser.example", "mat-khau-luc-nam", "Lục Nam");

        var page = await browser.NewPageAsync(1366, 900);
        await page.GotoAsync("/organiser/");
        await page.GetByTestId("email").FillAsync("lucnam@browser.example");
        await page.GetByTestId("password").FillAsync("mat-khau-luc-nam");
        await page.GetByTestId("sign-in").ClickAsync();
        await page.GetByText("Hội thi Sáng tạo vòng huyện").First.ClickAsync();

        var row = page.Locator("[data-team='Mô hình Máy gieo hạt Lục Nam']");
        await row.GetByTestId("nominate").ClickAsync();
        await Assertions.Expect(page.Locator("[data-team='Mô hình Máy gieo hạt Lục Nam']").GetByTestId("nominated")).ToBeVisibleAsync();

        await page.Locator("[data-team='Mô hình Máy gieo hạt Lục Nam']").GetByTestId("history").ClickAsync();
        await Assertions.Expect(page.GetByTestId("team-history")).ToContainTextAsync("team nominated");
        await Assertions.Expect(page.GetByTestId("team-history")).ToContainTextAsync("Ban Tổ chức Lục Nam (DistrictOrganiser)");

        await page.GetByText("Đề cử lên vòng tỉnh").ClickAsync();
        await page.Locator("[data-nomination-district='Lục Nam']").GetByRole(AriaRole.Button).ClickAsync();
        await page.GetByText("Đề cử lên vòng tỉnh").ClickAsync();
        await Assertions.Expect(page.GetByTestId("nominations-summary")).ToHaveTextAsync("1/10 huyện đã chốt danh sách, 1 đội được đề cử.");
        await BrowserFixture.ScreenshotAsync(page, "district-organiser-nominations");
    }
}
