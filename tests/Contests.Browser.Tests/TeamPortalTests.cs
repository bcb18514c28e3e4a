using Contests.Browser.Tests.Support;
using Microsoft.Playwright;

namespace Contests.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class TeamPortalTests(BrowserFixture browser)
{
    [Fact]
    public async Task a_team_registers_edits_within_the_window_and_is_refused_after_it_closes()
    {
        var contestId = await browser.CreateContestAsync("Cuộc thi thử cổng đội");
        var closesAt = DateTime.UtcNow.AddSeconds(25);
        await browser.SetRegistrationWindowAsync(contestId, TimeSpan.FromSeconds(25));

        var page = await browser.NewPageAsync(820, 1180);
        await page.GotoAsync($"/team/?contest={contestId}");
        await page.Locator("[name='name']").FillAsync("Đội Cổng Thông Tin");
        await page.Locator("[name='school']").FillAsync("Trường THCS Lê Lợi");
        await page.Locator("[name='district']").SelectOptionAsync("Tân Yên");
        await page.Locator("[name='divisionCode']").SelectOptionAsync("THCS");
        await page.Locator("[name='contactPhone']").FillAsync("0987 654 321");
        await page.Locator("[name='contactEmail']").FillAsync("cong@thcs.edu.vn");
        await page.Locator("[name='members[0].fullName']").FillAsync("Phạm Thu Trang");
        await page.Locator("[name='members[0].grade']").FillAsync("7");
        await page.GetByTestId("register-submit").ClickAsync();
        await page.GetByTestId("portal-link").ClickAsync();

        await Assertions.Expect(page.GetByTestId("team-status")).ToContainTextAsync("Đã gửi, chờ duyệt");
        await Assertions.Expect(page.Locator("[name='members[0].fullName']")).ToHaveValueAsync("Phạm Thu Trang");
        await page.Locator("[name='school']").FillAsync("Trường THCS Nguyễn Trãi");
        await page.GetByTestId("register-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "team-portal-edited");

        var wait = closesAt - DateTime.UtcNow + TimeSpan.FromSeconds(1);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        await page.Locator("[name='school']").FillAsync("Trường THCS Trễ Hạn");
        await page.GetByTestId("register-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-errors")).ToContainTextAsync("Đã hết thời gian đăng ký.");
        await BrowserFixture.ScreenshotAsync(page, "team-portal-closed");
    }
}
