using Contests.Browser.Tests.Support;
using Microsoft.Playwright;

namespace Contests.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ImportTests(BrowserFixture browser)
{
    [Fact]
    public async Task an_organiser_imports_a_messy_district_spreadsheet_after_previewing_its_errors()
    {
        await browser.CreateContestAsync("Hội thi nhập danh sách huyện");
        var page = await browser.NewPageAsync(1366, 900);
        await page.GotoAsync("/organiser/");
        await page.GetByTestId("email").FillAsync(BrowserFixture.OrganiserEmail);
        await page.GetByTestId("password").FillAsync(BrowserFixture.OrganiserPassword);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.GetByText("Hội thi nhập danh sách huyện").First.ClickAsync();
        await page.GetByText("Nhập danh sách từ tệp Excel/CSV").ClickAsync();

        await page.GetByTestId("import-file").SetInputFilesAsync(Path.Combine(AppContext.BaseDirectory, "data", "danh-sach-3-huyen.csv"));
        await page.GetByTestId("import-preview").ClickAsync();

        await Assertions.Expect(page.GetByTestId("import-summary")).ToHaveTextAsync("5 đội: 2 nhập được, 3 có lỗi, 0 đã nhập trước đó.");
        await Assertions.Expect(page.Locator("[data-import-team='Sao Khuê']")).ToContainTextAsync("Số điện thoại phải có 10 chữ số");
        await BrowserFixture.ScreenshotAsync(page, "organiser-import-preview");

        // The columns were recognised from the headers; confirming the mapping previews the same sheet again.
        await page.GetByText("Ghép cột với thông tin").ClickAsync();
        await Assertions.Expect(page.Locator("select[name='column-1']")).ToHaveValueAsync("TeamName");
        await page.GetByTestId("apply-mapping").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-summary")).ToHaveTextAsync("5 đội: 2 nhập được, 3 có lỗi, 0 đã nhập trước đó.");

        await page.GetByTestId("import-commit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-done")).ToHaveTextAsync("Đã nhập 2 đội.");
        await Assertions.Expect(page.Locator("[data-team='Tia Chớp Lục Nam']")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "organiser-imported");
    }
}
