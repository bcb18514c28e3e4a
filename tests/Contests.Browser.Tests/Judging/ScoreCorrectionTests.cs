using Contests.Browser.Tests.Support;
using Contests.Testing;
using Microsoft.Playwright;

namespace Contests.Browser.Tests.Judging;

/// <summary>
/// After judging locked, a judge reports they typed 8 instead of 3 on a criterion: the head judge corrects the sheet on
/// the tablet, an organiser in the console's entry history, each with a reason, and both see the new version.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScoreCorrectionTests(BrowserFixture browser)
{
    private const string Reason = "Giám khảo báo nhập 8 thay vì 3 ở tiêu chí MOI";

    /// <summary>
    /// The judge submits every entry but the last (the first with MOI 8 by mistake: total 20; the others 14), then the
    /// organiser locks judging with the last entry's sheet still owed.
    /// </summary>
    private async Task<(JudgedRoundSetup Setup, Guid MistakenEntry, Guid UnscoredEntry)> ScoredAndLocked(string contestName)
    {
        var setup = await browser.JudgedRoundAsync(contestName, withHeadJudge: true);
        var round = $"/api/contests/{setup.ContestId}/rounds/{setup.RoundId}";
        var mistaken = Guid.Empty;
        var unscored = Guid.Empty;
        using (var judge = await browser.SignedInWithCodeAsync(setup.JudgeCode))
        {
            var worklist = await JsonCalls.SendJsonAsync(judge, HttpMethod.Get, "/api/judging/worklist", null);
            foreach (var entry in worklist.GetProperty("rounds")[0].GetProperty("entries").EnumerateArray())
            {
                var entryId = entry.GetProperty("entryId").GetGuid();
                var title = entry.GetProperty("title").GetString();
                if (title == setup.Titles[^1])
                {
                    unscored = entryId;
                    continue;
                }

                var first = title == setup.Titles[0];
                mistaken = first ? entryId : mistaken;
                var sheet = new { scores = new[] { new { code = "MOI", value = first ? 8m : 5m }, new { code = "KH", value = 4m } }, comment = (string?)null };
                await JsonCalls.SendJsonAsync(judge, HttpMethod.Post, $"{round}/scoring/{entryId}/submit", sheet, idempotencyKey: Guid.NewGuid().ToString());
            }
        }

        using var organiser = await browser.SignedInOrganiserAsync();
        var judging = await JsonCalls.SendJsonAsync(organiser, HttpMethod.Get, $"{round}/judging", null);
        await JsonCalls.SendJsonAsync(organiser, HttpMethod.Post, $"{round}/judging/lock", new { reason = "Hết giờ chấm" }, $"\"{judging.GetProperty("version").GetInt64()}\"");
        return (setup, mistaken, unscored);
    }

    /// <summary>Brings MOI from 8 down to 3 with the form's − button (step 0.5: ten taps).</summary>
    private static async Task EightToThree(ILocator form)
    {
        await Assertions.Expect(form.GetByTestId("value-MOI")).ToHaveTextAsync("8");
        for (var tap = 0; tap < 10; tap++)
        {
            await form.GetByTestId("minus-MOI").ClickAsync();
        }

        await Assertions.Expect(form.GetByTestId("value-MOI")).ToHaveTextAsync("3");
        await Assertions.Expect(form.GetByTestId("correction-total")).ToHaveTextAsync("Tổng: 10/25");
    }

    [Fact]
    public async Task the_head_judge_corrects_another_judges_sheet_on_the_tablet_after_the_lock()
    {
        var (setup, mistaken, unscored) = await ScoredAndLocked("Sáng tạo: trưởng ban sửa điểm");
        var tablet = await browser.NewPageAsync(1180, 820);
        await tablet.GotoAsync("/judge/");
        await tablet.GetByTestId("code-input").FillAsync(setup.HeadJudgeCode!);
        await tablet.GetByTestId("code-submit").ClickAsync();
        await tablet.GetByTestId("open-head-judge").ClickAsync();
        // Every entry is listed, the one whose sheet is still owed too, each with its sheets in of assigned.
        await Assertions.Expect(tablet.GetByTestId("head-judge-entry")).ToHaveCountAsync(4);
        var owedEntry = tablet.Locator($"[data-testid='head-judge-entry'][data-entry='{unscored}']");
        await Assertions.Expect(owedEntry.GetByTestId("head-judge-entry-sheets")).ToHaveTextAsync("0/1 phiếu");
        await Assertions.Expect(tablet.Locator($"[data-testid='head-judge-entry'][data-entry='{mistaken}']").GetByTestId("head-judge-entry-sheets")).ToHaveTextAsync("1/1 phiếu");
        await BrowserFixture.ScreenshotAsync(tablet, "head-judge-entries");

        // It opens showing who owes a sheet, with nothing to correct.
        await owedEntry.ClickAsync();
        var owed = tablet.GetByTestId("judge-sheet-owed");
        await Assertions.Expect(owed).ToContainTextAsync("ThS. Nguyễn Thị Chấm");
        await Assertions.Expect(owed).ToContainTextAsync("Chưa có phiếu");
        await Assertions.Expect(tablet.GetByTestId("head-judge-nothing-to-correct")).ToBeVisibleAsync();
        await Assertions.Expect(tablet.GetByTestId("correct-sheet")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(tablet, "head-judge-entry-without-sheets");
        await tablet.GetByTestId("head-judge-entries-back").ClickAsync();

        await tablet.GetByTestId("head-judge-search").FillAsync("tuoi cay");
        await Assertions.Expect(tablet.GetByTestId("head-judge-entry")).ToHaveCountAsync(1);
        await Assertions.Expect(tablet.GetByTestId("head-judge-count")).ToHaveTextAsync("1/4 bài");

        await tablet.Locator($"[data-testid='head-judge-entry'][data-entry='{mistaken}']").ClickAsync();
        var sheet = tablet.GetByTestId("judge-sheet");
        await Assertions.Expect(sheet).ToHaveCountAsync(1);
        await Assertions.Expect(sheet.GetByTestId("sheet-current")).ToHaveTextAsync("Lần 1 · tổng 20");
        await sheet.GetByTestId("correct-sheet").ClickAsync();
        var form = tablet.GetByTestId("correction-form");
        await EightToThree(form);

        // Without a reason the server refuses (422), and the form says why beside the reason.
        await form.GetByTestId("correction-send").ClickAsync();
        await Assertions.Expect(form.Locator("[data-error-for='reason']")).ToHaveTextAsync("Cần ghi lý do sửa điểm.");
        await BrowserFixture.ScreenshotAsync(tablet, "head-judge-correction-reason-missing");
        await form.GetByTestId("correction-reason").FillAsync(Reason);
        await form.GetByTestId("correction-send").ClickAsync();
        await Assertions.Expect(tablet.GetByTestId("correction-notice")).ToContainTextAsync("Đã lưu: phiếu của ThS. Nguyễn Thị Chấm nay là lần 2, tổng 10.");
        await Assertions.Expect(sheet.GetByTestId("sheet-current")).ToHaveTextAsync("Lần 2 · tổng 10");
        await Assertions.Expect(sheet.GetByTestId("sheet-reason")).ToHaveTextAsync($"Lý do: {Reason}");
        await Assertions.Expect(sheet).ToContainTextAsync("GS. Trần Văn Trưởng");
        await BrowserFixture.ScreenshotAsync(tablet, "head-judge-corrected");

        // Someone else corrects the sheet while the head judge has the form open: 412, and the newest version is shown.
        await sheet.GetByTestId("correct-sheet").ClickAsync();
        using (var organiser = await browser.SignedInOrganiserAsync())
        {
            var round = $"/api/contests/{setup.ContestId}/rounds/{setup.RoundId}";
            var history = await JsonCalls.SendJsonAsync(organiser, HttpMethod.Get, $"{round}/judging/entries/{mistaken}/history", null);
            var judged = history.GetProperty("sheets")[0];
            await JsonCalls.SendJsonAsync(
                organiser, HttpMethod.Post, $"{round}/scoring/{mistaken}/judges/{judged.GetProperty("judge").GetProperty("judgeId").GetGuid()}/correction",
                new { scores = new[] { new { code = "MOI", value = 3.5m }, new { code = "KH", value = 4m } }, reason = "Phúc khảo" },
                $"\"{judged.GetProperty("version").GetInt64()}\"", Guid.NewGuid().ToString());
        }

        await form.GetByTestId("correction-reason").FillAsync("Sửa thêm");
        await form.GetByTestId("correction-send").ClickAsync();
        await Assertions.Expect(tablet.GetByTestId("correction-notice")).ToContainTextAsync("Dữ liệu đã được người khác thay đổi.");
        await Assertions.Expect(sheet.GetByTestId("sheet-current")).ToHaveTextAsync("Lần 3 · tổng 11");
        await BrowserFixture.ScreenshotAsync(tablet, "head-judge-correction-stale");
    }

    [Fact]
    public async Task an_organiser_corrects_a_sheet_from_the_entry_history_in_the_console()
    {
        const string contest = "Sáng tạo: Ban Tổ chức sửa điểm";
        var (setup, mistaken, _) = await ScoredAndLocked(contest);
        var page = await browser.NewPageAsync(1366, 900);
        await page.GotoAsync("/organiser/");
        await page.GetByTestId("email").FillAsync(BrowserFixture.OrganiserEmail);
        await page.GetByTestId("password").FillAsync(BrowserFixture.OrganiserPassword);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.GetByText(contest).First.ClickAsync();

        var results = page.Locator($"[data-testid='judging-results'][data-round='{setup.RoundId}']");
        await results.Locator("> summary").ClickAsync();
        var mistakenRow = results.GetByTestId("results-ranking").Locator($"tr:has(button[data-entry='{mistaken}'])");
        await Assertions.Expect(mistakenRow).ToHaveAttributeAsync("data-rank", "1");
        await Assertions.Expect(mistakenRow.Locator(".results-score")).ToHaveTextAsync("20");
        await mistakenRow.Locator($"button[data-entry='{mistaken}']").ClickAsync();
        var history = results.GetByTestId("results-history");
        await history.GetByTestId("correct-sheet").ClickAsync();
        var form = history.GetByTestId("correction-form");
        await EightToThree(form);
        await form.GetByTestId("correction-reason").FillAsync(Reason);
        await form.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "organiser-score-correction-form.png") });
        await form.GetByTestId("correction-send").ClickAsync();

        await Assertions.Expect(history.GetByTestId("correction-notice")).ToContainTextAsync("nay là lần 2, tổng 10");
        await Assertions.Expect(history.Locator("li[data-version='2']")).ToContainTextAsync("Lần 2 · Sửa");
        await Assertions.Expect(history.Locator("li[data-version='2']")).ToContainTextAsync($"Lý do: {Reason}");
        await history.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "organiser-score-corrected.png") });

        // The panel read again around the history, without "refresh": the entry drops from first (20) to last (10).
        await Assertions.Expect(mistakenRow).ToHaveAttributeAsync("data-rank", "3");
        await Assertions.Expect(mistakenRow.Locator(".results-score")).ToHaveTextAsync("10");
        await Assertions.Expect(results.GetByTestId("results-side-by-side").Locator($"tr:has(button[data-entry='{mistaken}']) .results-score")).ToHaveTextAsync("10");
        await Assertions.Expect(history.GetByTestId("results-owed")).ToHaveCountAsync(0);
        await results.GetByTestId("results-ranking").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "organiser-ranking-after-correction.png") });
    }
}
