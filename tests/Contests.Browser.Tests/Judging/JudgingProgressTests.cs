using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Contests.Browser.Tests.Support;
using Contests.Testing;
using Microsoft.Playwright;

namespace Contests.Browser.Tests.Judging;

/// <summary>The organisers' judging progress and results on the demo's qualifying round, on a server that seeds the demo.</summary>
[Collection(BrowserCollection.Name)]
public sealed class JudgingProgressTests(BrowserFixture browser)
{
    private const string DemoOrganiser = "btc@bacgiang.example";
    private const string DemoPassword = "demo-organiser";

    /// <summary>The element's first 900 pixels at most: a ranking of 200 teams is read on screen, not in a screenshot.</summary>
    private static async Task Screenshot(ILocator element, string name)
    {
        await element.ScrollIntoViewIfNeededAsync();
        var box = (await element.BoundingBoxAsync())!;
        // The box is where the element sits in the viewport; a full-page clip counts from the top of the page.
        var scrolled = await element.Page.EvaluateAsync<float>("window.scrollY");
        await element.Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"),
            FullPage = true,
            Clip = new Clip { X = box.X, Y = box.Y + scrolled, Width = box.Width, Height = Math.Min(box.Height, 900) },
        });
    }

    /// <summary>Signs in once the seeder has made the demo organiser (its last step), and waits for the judging projection.</summary>
    private static async Task WaitForDemoJudging(ServerProcess server)
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = server.BaseAddress };
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while ((await client.PostAsJsonAsync("/api/auth/sign-in", new { email = DemoOrganiser, password = DemoPassword })).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "The demo organiser never appeared.");
            await Task.Delay(1000);
        }

        using var contests = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/contests", UriKind.Relative)));
        var contestId = contests.RootElement.EnumerateArray().First().GetProperty("id").GetString();
        using var contest = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/contests/{contestId}", UriKind.Relative)));
        var roundId = contest.RootElement.GetProperty("rounds")[0].GetProperty("id").GetString();
        while (true)
        {
            using var progress = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/contests/{contestId}/rounds/{roundId}/judging/progress", UriKind.Relative)));
            if (progress.RootElement.GetProperty("scored").GetInt32() > 900)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "The judging projection never caught up with the demo.");
            await Task.Delay(1000);
        }
    }

    [Fact]
    public async Task the_organiser_sees_progress_outliers_and_the_ranking_of_the_demo_round()
    {
        await using var server = await ServerProcess.StartAsync(ServerProcess.NewSchema("browserdemo"), new Dictionary<string, string> { ["Contests__SeedDemo"] = "true" });
        await WaitForDemoJudging(server);
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync("/organiser/");
        await page.GetByTestId("email").FillAsync(DemoOrganiser);
        await page.GetByTestId("password").FillAsync(DemoPassword);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.Locator(".contest-list button").First.ClickAsync();

        var results = page.GetByTestId("judging-results").First;
        await results.Locator("> summary").ClickAsync();
        await Assertions.Expect(results.GetByTestId("results-overall")).ToContainTextAsync("phiếu");
        await Assertions.Expect(results.GetByTestId("results-panel")).ToHaveCountAsync(3);
        await Assertions.Expect(results.GetByTestId("results-missing").Locator("h3")).ToContainTextAsync("Bài còn thiếu điểm");
        var flagged = results.GetByTestId("results-outliers").Locator("[data-outlier='true']");
        await Assertions.Expect(flagged).ToHaveCountAsync(1);
        await Assertions.Expect(flagged).ToContainTextAsync("ThS. Nghiêm Khắc Nghị");
        await Assertions.Expect(results.GetByTestId("results-division")).ToHaveCountAsync(3);
        await Assertions.Expect(results.GetByTestId("results-division").First.Locator("tbody tr").First).ToHaveAttributeAsync("data-rank", "1");
        await Screenshot(results.GetByTestId("results-progress"), "organiser-judging-progress");
        await Screenshot(results.GetByTestId("results-outliers"), "organiser-judging-outliers");
        await Screenshot(results.GetByTestId("results-division").Nth(1), "organiser-judging-ranking");

        // The first team of the ranking: each judge's scores side by side, then its sheets' history.
        await Assertions.Expect(results.GetByTestId("results-side-by-side").Locator("tbody tr")).Not.ToHaveCountAsync(0);
        await Screenshot(results.GetByTestId("results-side-by-side"), "organiser-judging-side-by-side");
        // The division chosen for the side-by-side survives a reload of the panel (the old select is marked to tell them apart).
        var division = results.GetByTestId("results-side-by-side").Locator("select[name='division']");
        await division.SelectOptionAsync("THPT");
        await division.EvaluateAsync("select => select.dataset.beforeReload = 'true'");
        await results.GetByTestId("results-refresh").ClickAsync();
        await Assertions.Expect(results.GetByTestId("results-side-by-side").Locator("select[name='division']:not([data-before-reload])")).ToHaveValueAsync("THPT");
        await results.GetByTestId("results-division").First.Locator("tbody tr").First.Locator("button[data-entry]").ClickAsync();
        var history = results.GetByTestId("results-history");
        await Assertions.Expect(history.Locator("li[data-version='1']").First).ToContainTextAsync("Lần 1 · Nộp");
        await Screenshot(history, "organiser-judging-history");
        await context.CloseAsync();
    }
}
