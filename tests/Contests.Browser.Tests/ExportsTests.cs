using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Contests.Browser.Tests.Support;
using Microsoft.Playwright;
using Contests.Testing;

namespace Contests.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ExportsTests(BrowserFixture browser)
{
    [Fact]
    public async Task an_organiser_downloads_an_export_sets_award_quotas_the_public_sees_the_winners_once_published_and_verifies_a_certificate()
    {
        var contestId = await browser.CreateContestAsync("Hội thi Sáng tạo Kỹ thuật — giải thưởng");
        await browser.RegisterTeamAsync(contestId, "Máy sấy nông sản Lục Ngạn", "Lục Ngạn");
        await browser.RegisterTeamAsync(contestId, "Hệ thống tưới Yên Thế", "Yên Thế");
        using var organiser = await browser.SignedInOrganiserAsync();
        var contest = await JsonCalls.SendJsonAsync(organiser, HttpMethod.Put, $"/api/contests/{contestId}/rounds",
            new { rounds = new[] { new { name = "Chung khảo cấp tỉnh", level = "Province", type = "JudgedSubmissions" } } }, "\"1\"");
        var roundId = contest.GetProperty("rounds")[0].GetProperty("id").GetGuid();

        var page = await browser.OrganiserConsoleAsync("Hội thi Sáng tạo Kỹ thuật — giải thưởng");
        await page.GetByTestId("exports-panel").Locator("summary").ClickAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-registrations-teams-csv").ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.csv");
        await download.SaveAsAsync(file);
        var bytes = await File.ReadAllBytesAsync(file);
        File.Delete(file);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        Assert.Contains("Máy sấy nông sản Lục Ngạn", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);

        // The XLSX comes through the browser as a zip whose first sheet holds the team, and the match results are listed too.
        var workbook = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-registrations-teams-xlsx").ClickAsync());
        using var xlsx = new MemoryStream();
        await using (var downloaded = await workbook.CreateReadStreamAsync())
        {
            await downloaded.CopyToAsync(xlsx);
        }

        xlsx.Position = 0;
        using (var zip = new ZipArchive(xlsx))
        using (var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()))
        {
            Assert.Contains("Máy sấy nông sản Lục Ngạn", await sheet.ReadToEndAsync(), StringComparison.Ordinal);
        }

        await Assertions.Expect(page.GetByTestId("export-match-results-xlsx")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("export-judging-ranking-xlsx")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Phiếu chấm điểm của giám khảo (mỗi phiếu một dòng)")).ToBeVisibleAsync();

        await page.Locator("input[name='quota.THCS.First.count']").FillAsync("1");
        await page.Locator("input[name='quota.THCS.Second.count']").FillAsync("1");
        await page.GetByTestId("quotas-form").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByTestId("quotas-saved")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "organiser-exports-and-award-quotas");

        var teams = (await organiser.GetFromJsonAsync<JsonElement>($"/api/contests/{contestId}/teams")).EnumerateArray()
            .ToDictionary(team => team.GetProperty("name").GetString()!, team => team.GetProperty("id").GetGuid());
        var decided = await JsonCalls.SendJsonAsync(organiser, HttpMethod.Post, $"/api/contests/{contestId}/rounds/{roundId}/awards/THCS/decision",
            new { entries = new[] { new { teamId = teams["Máy sấy nông sản Lục Ngạn"], score = 92m }, new { teamId = teams["Hệ thống tưới Yên Thế"], score = 81m } } }, "\"1\"");
        var code = decided.GetProperty("decision").GetProperty("awards").EnumerateArray()
            .Single(award => award.GetProperty("tier").GetString() == "First").GetProperty("certificateCode").GetString()!;

        var awards = await browser.NewPageAsync(1366, 900);
        await awards.GotoAsync($"/awards/?contest={contestId}");
        await Assertions.Expect(awards.Locator($"[data-round='{roundId}'][data-published='false']")).ToContainTextAsync("Kết quả chưa được công bố");
        await Assertions.Expect(awards.GetByText("Máy sấy nông sản Lục Ngạn")).ToHaveCountAsync(0);

        // The round took its entries last week; the organiser publishes its results from the console.
        var vietnamNow = DateTime.UtcNow.AddHours(7);
        await JsonCalls.SendJsonAsync(organiser, HttpMethod.Put, $"/api/contests/{contestId}/rounds/{roundId}/schedule",
            new { opensAt = vietnamNow.AddDays(-10), closesAt = vietnamNow.AddDays(-5) }, "\"0\"");
        await page.PublishNowInConsoleAsync("Chung khảo cấp tỉnh", "organiser-publishes-results");
        await awards.ReloadAsync();
        var first = awards.Locator($"[data-round='{roundId}'][data-published='true'] [data-division='THCS'] tr[data-tier='First']");
        await Assertions.Expect(first).ToContainTextAsync("Máy sấy nông sản Lục Ngạn");
        await Assertions.Expect(first).ToContainTextAsync("Giải Nhất");
        await BrowserFixture.ScreenshotAsync(awards, "public-award-list");

        var certificate = await browser.NewPageAsync(1240, 900);
        await certificate.GotoAsync($"/certificates/{code}");
        await Assertions.Expect(certificate.Locator(".tier")).ToHaveTextAsync("GIẢI NHẤT");
        Assert.Equal("rgb(155, 28, 28)", await certificate.Locator("h1").EvaluateAsync<string>("element => getComputedStyle(element).color"));
        await BrowserFixture.ScreenshotAsync(certificate, "certificate");

        var verify = await browser.NewPageAsync(390, 844);
        await verify.GotoAsync($"/verify/?code={code}");
        await Assertions.Expect(verify.GetByTestId("verify-result").Locator("[data-status='Valid']")).ToContainTextAsync("Máy sấy nông sản Lục Ngạn");
        await Assertions.Expect(verify.GetByTestId("verify-result")).ToContainTextAsync("Giải Nhất");
        await BrowserFixture.ScreenshotAsync(verify, "verify-genuine-certificate");

        var forged = code[..^4] + (code[^4..] == "AAAA" ? "BBBB" : "AAAA");
        await verify.GetByTestId("verify-code").FillAsync(forged);
        await verify.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra" }).ClickAsync();
        await Assertions.Expect(verify.GetByTestId("verify-result").Locator("[data-status='Invalid']")).ToContainTextAsync("Không xác thực được");
        await BrowserFixture.ScreenshotAsync(verify, "verify-forged-code");
    }
}
