using System.Net.Http.Json;
using System.Text.Json;
using Contests.Browser.Tests.Support;
using Microsoft.Playwright;

namespace Contests.Browser.Tests.Judging;

[Collection(BrowserCollection.Name)]
public sealed class JudgingSetupTests(BrowserFixture browser)
{
    private const string RoundName = "Vòng sơ khảo trực tuyến";

    /// <summary>A contest with a judged online round and a match final, set up through the API as the console would.</summary>
    private async Task<Guid> ContestWithJudgedRound(string name)
    {
        var contestId = await browser.CreateContestAsync(name);
        using var client = await browser.SignedInOrganiserAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/contests/{contestId}/rounds")
        {
            Content = JsonContent.Create(new
            {
                rounds = new[]
                {
                    new { name = RoundName, level = "Province", type = "JudgedSubmissions" },
                    new { name = "Chung kết", level = "Province", type = "Matches" },
                },
            }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
        return contestId;
    }

    private static async Task AddJudge(IPage page, string name, string schools, string districts, bool headJudge = false)
    {
        var form = page.GetByTestId("judge-form");
        await form.Locator("[name='name']").FillAsync(name);
        await form.Locator("[name='schools']").FillAsync(schools);
        await form.Locator("[name='districts']").FillAsync(districts);
        if (headJudge)
        {
            await form.Locator("[name='headJudge']").CheckAsync();
        }

        await form.GetByTestId("save-judge").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-judge='{name}']")).ToBeVisibleAsync();
    }

    private static async Task FillCriterion(IPage page, int index, string description, string maximum, string step, string weight)
    {
        await page.Locator($"[name='criteria[{index}].description']").FillAsync(description);
        await page.Locator($"[name='criteria[{index}].maximum']").FillAsync(maximum);
        await page.Locator($"[name='criteria[{index}].step']").FillAsync(step);
        await page.Locator($"[name='criteria[{index}].weight']").FillAsync(weight);
    }

    /// <summary>Only the panel under test, so the screenshot is readable at full size.</summary>
    private static Task Screenshot(ILocator panel, string name) =>
        panel.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png") });

    [Fact]
    public async Task an_organiser_sets_a_rubric_and_a_panel_of_judges_with_their_affiliations()
    {
        var contestId = await ContestWithJudgedRound("Hội thi Sáng tạo chấm điểm");
        var page = await browser.NewPageAsync(1366, 900);
        await page.GotoAsync("/organiser/");
        await page.GetByTestId("email").FillAsync(BrowserFixture.OrganiserEmail);
        await page.GetByTestId("password").FillAsync(BrowserFixture.OrganiserPassword);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.GetByText("Hội thi Sáng tạo chấm điểm").First.ClickAsync();

        // Judges, with the schools and districts that keep them from judging their own.
        await page.Locator("[data-testid='judges-panel'] > summary").ClickAsync();
        await AddJudge(page, "PGS. TS. Nguyễn Văn Hùng", "Trường THPT Ngô Sĩ Liên", "TP Bắc Giang", headJudge: true);
        await AddJudge(page, "ThS. Trần Thị Mai", "THCS Lê Quý Đôn\nTHCS Nguyễn Khắc Nhu", "viet yen");
        await AddJudge(page, "KS. Lê Minh Tuấn", "", "Hiệp Hòa");
        await Assertions.Expect(page.Locator("[data-judge='ThS. Trần Thị Mai'] [data-testid='affiliations']"))
            .ToHaveTextAsync("THCS Lê Quý Đôn · THCS Nguyễn Khắc Nhu · Việt Yên");

        // Affiliations are corrected in place, at the version the console read.
        await page.Locator("[data-judge='KS. Lê Minh Tuấn']").GetByTestId("edit-judge").ClickAsync();
        await page.GetByTestId("judge-form").Locator("[name='organisations']").FillAsync("Trường THCS Đồng Tâm");
        await page.GetByTestId("judge-form").GetByTestId("save-judge").ClickAsync();
        await Assertions.Expect(page.Locator("[data-judge='KS. Lê Minh Tuấn'] [data-testid='affiliations']")).ToHaveTextAsync("Hiệp Hòa · Trường THCS Đồng Tâm");

        await page.Locator("[data-judge='PGS. TS. Nguyễn Văn Hùng']").GetByTestId("issue-judge-code").ClickAsync();
        await Assertions.Expect(page.GetByTestId("judge-code").Locator("img.qr")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("judge-code-value")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[2-9A-Z]{12}$"));
        await Screenshot(page.GetByTestId("judges-panel"), "organiser-judges");

        // The rubric: a refusal lands beside its input, then three criteria, the last for secondary schools only.
        var round = page.Locator($"[data-round='{RoundName}']");
        await round.Locator("> summary").ClickAsync();
        await FillCriterion(page, 0, "Tính mới, sáng tạo", "10", "3", "2");
        await round.GetByTestId("save-rubric").ClickAsync();
        await Assertions.Expect(page.Locator("[data-error-for='criteria[0].step']")).ToContainTextAsync("bước điểm");
        await page.Locator("[name='criteria[0].step']").FillAsync("0.5");
        await round.GetByTestId("add-criterion").ClickAsync();
        await FillCriterion(page, 1, "Cơ sở khoa học", "10", "0.5", "1");
        await round.GetByTestId("add-criterion").ClickAsync();
        await FillCriterion(page, 2, "Khả năng ứng dụng", "5", "1", "1");
        await page.Locator("[name='criteria[2].divisions'][value='THPT']").CheckAsync();
        await round.GetByTestId("save-rubric").ClickAsync();
        await Assertions.Expect(round.GetByTestId("rubric-saved")).ToBeVisibleAsync();
        await Assertions.Expect(round.GetByTestId("rubric-maxima")).ToHaveTextAsync("Tổng điểm tối đa: THCS 30, THPT 35");

        // Aggregation and ordered tie-breaks.
        var ranking = round.GetByTestId("ranking-form");
        await ranking.Locator("[name='method']").SelectOptionAsync("TrimmedMean");
        await ranking.Locator("[name='judgesPerEntry']").FillAsync("3");
        await ranking.GetByTestId("add-tie-break").ClickAsync();
        await ranking.Locator("[name='tieBreaks[0].criterion']").SelectOptionAsync("C1");
        await ranking.GetByTestId("add-tie-break").ClickAsync();
        await ranking.Locator("[name='tieBreaks[1].kind']").SelectOptionAsync("HigherMedian");
        await ranking.GetByTestId("save-ranking").ClickAsync();
        await Assertions.Expect(ranking.GetByTestId("ranking-saved")).ToBeVisibleAsync();

        // A panel for the lower-secondary division with all three judges.
        var newPanel = round.GetByTestId("new-panel-form");
        await newPanel.Locator("[name='name']").FillAsync("Hội đồng THCS");
        await newPanel.Locator("[name='divisions'][value='THCS']").CheckAsync();
        foreach (var box in await newPanel.Locator("[name='members']").AllAsync())
        {
            await box.CheckAsync();
        }

        await newPanel.GetByTestId("save-panel").ClickAsync();
        var panel = round.Locator("[data-panel='Hội đồng THCS']");
        await Assertions.Expect(panel.Locator("[name='members']:checked")).ToHaveCountAsync(3);
        await Screenshot(round, "organiser-rubric-and-panel");

        // What the console saved is what the API serves.
        using var client = await browser.SignedInOrganiserAsync();
        var contest = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/contests/{contestId}", UriKind.Relative)));
        var roundId = contest.RootElement.GetProperty("rounds")[0].GetProperty("id").GetGuid();
        using var judging = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/contests/{contestId}/rounds/{roundId}/judging", UriKind.Relative)));
        var criteria = judging.RootElement.GetProperty("criteria");
        Assert.Equal(["C1", "C2", "C3"], criteria.EnumerateArray().Select(criterion => criterion.GetProperty("code").GetString()));
        Assert.Equal(["THPT"], criteria[2].GetProperty("divisions").EnumerateArray().Select(division => division.GetString()));
        Assert.Equal("TrimmedMean", judging.RootElement.GetProperty("settings").GetProperty("method").GetString());
        Assert.Equal(["HigherCriterion", "HigherMedian"], judging.RootElement.GetProperty("settings").GetProperty("tieBreaks").EnumerateArray().Select(rule => rule.GetProperty("kind").GetString()));
        using var panels = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/contests/{contestId}/rounds/{roundId}/panels", UriKind.Relative)));
        Assert.Equal(3, panels.RootElement[0].GetProperty("members").GetArrayLength());
    }
}
