using Contests.Browser.Tests.Support;
using Microsoft.Playwright;

namespace Contests.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class TeamRegistrationTests(BrowserFixture browser)
{
    [Fact]
    public async Task a_team_registers_on_the_portal_and_the_audience_board_counts_it_without_reload()
    {
        var contestId = await browser.CreateContestAsync("Cuộc thi Robocon thử nghiệm trình duyệt");

        var board = await browser.NewPageAsync(1920, 1080);
        await board.GotoAsync($"/board/?contest={contestId}");
        var vietYen = board.Locator("[data-district='Việt Yên'] [data-testid='district-count']");
        await Assertions.Expect(vietYen).ToHaveTextAsync("0");
        await Assertions.Expect(board.GetByTestId("total-teams")).ToHaveTextAsync("0");
        var boardUrl = board.Url;

        var portal = await browser.NewPageAsync(820, 1180);
        await portal.GotoAsync($"/team/?contest={contestId}");
        await portal.Locator("[name='name']").FillAsync("Tia Chớp Việt Yên");
        await portal.Locator("[name='school']").FillAsync("Trường THCS Nguyễn Khắc Nhu");
        await portal.Locator("[name='district']").SelectOptionAsync("Việt Yên");
        await portal.Locator("[name='divisionCode']").SelectOptionAsync("THCS");
        await portal.Locator("[name='contactPhone']").FillAsync("0912 345 678");
        await portal.Locator("[name='contactEmail']").FillAsync("tiachop@thcs.edu.vn");
        await portal.Locator("[name='members[0].fullName']").FillAsync("Nguyễn Văn An");
        await portal.Locator("[name='members[0].dateOfBirth']").FillAsync("2011-03-14");
        await portal.Locator("[name='members[0].grade']").FillAsync("8");
        await BrowserFixture.ScreenshotAsync(portal, "team-portal-filled");
        await portal.GetByTestId("register-submit").ClickAsync();

        await Assertions.Expect(portal.GetByTestId("registration-confirmed")).ToBeVisibleAsync();
        await Assertions.Expect(portal.GetByTestId("team-code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[2-9A-Z]{4}-[2-9A-Z]{4}$"));
        await BrowserFixture.ScreenshotAsync(portal, "team-portal-confirmed");

        await Assertions.Expect(vietYen).ToHaveTextAsync("1", new() { Timeout = 20_000 });
        await Assertions.Expect(board.GetByTestId("total-teams")).ToHaveTextAsync("1");
        Assert.Equal(boardUrl, board.Url);
        await BrowserFixture.ScreenshotAsync(board, "audience-board-live");
    }

    [Fact]
    public async Task a_refused_registration_shows_each_error_beside_its_field()
    {
        var contestId = await browser.CreateContestAsync("Cuộc thi thử lỗi nhập liệu");
        var portal = await browser.NewPageAsync(820, 1180);
        await portal.GotoAsync($"/team/?contest={contestId}");
        await portal.Locator("[name='name']").FillAsync("Đội Thiếu Thông Tin");
        await portal.Locator("[name='contactPhone']").FillAsync("12345");
        await portal.GetByTestId("register-submit").ClickAsync();

        await Assertions.Expect(portal.GetByTestId("form-errors")).ToBeVisibleAsync();
        await Assertions.Expect(portal.GetByText("Số điện thoại phải có 10 chữ số và bắt đầu bằng 0.").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(portal, "team-portal-errors");
    }
}
