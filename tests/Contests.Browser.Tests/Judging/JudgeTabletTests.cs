using System.Net.Http.Json;
using System.Text.Json;
using Contests.Browser.Tests.Support;
using Microsoft.Playwright;
using Contests.Testing;

namespace Contests.Browser.Tests.Judging;

/// <summary>A judge scores on a tablet; sheets scored without a network stay on the device and reach the server once.</summary>
[Collection(BrowserCollection.Name)]
public sealed class JudgeTabletTests(BrowserFixture browser)
{
    private static async Task Score(IPage tablet, string title, int novelty, int science)
    {
        await tablet.Locator("[data-testid='worklist-entry']", new() { HasText = title }).ClickAsync();
        await Assertions.Expect(tablet.GetByTestId("scoring-entry")).ToContainTextAsync(title);
        for (var tap = 0; tap < novelty; tap++)
        {
            await tablet.GetByTestId("plus-MOI").ClickAsync();
        }

        for (var tap = 0; tap < science; tap++)
        {
            await tablet.GetByTestId("plus-KH").ClickAsync();
        }
    }

    [Fact]
    public async Task a_judge_scores_on_the_tablet_and_sheets_scored_offline_reach_the_server_once()
    {
        var (_, _, code, titles, newCodeUrl, _, _, _) = await browser.JudgedRoundAsync();
        var tablet = await browser.NewPageAsync(1180, 820);
        await tablet.GotoAsync("/judge/");
        await tablet.GetByTestId("code-input").FillAsync(code);
        await tablet.GetByTestId("code-submit").ClickAsync();
        await Assertions.Expect(tablet.GetByTestId("worklist-entry")).ToHaveCountAsync(4);
        await Assertions.Expect(tablet.GetByTestId("progress")).ToHaveTextAsync("Đã nộp 0/4 · nháp 0");
        await BrowserFixture.ScreenshotAsync(tablet, "judge-tablet-worklist");

        // One sheet online: 8 steps of 0.5, and 5 of 1 up to the maximum, where the stepper stops.
        await Score(tablet, titles[0], 8, 5);
        await Assertions.Expect(tablet.GetByTestId("value-MOI")).ToHaveTextAsync("4");
        await Assertions.Expect(tablet.GetByTestId("value-KH")).ToHaveTextAsync("5");
        await Assertions.Expect(tablet.GetByTestId("plus-KH")).ToBeDisabledAsync();
        await tablet.GetByTestId("comment").FillAsync("Ý tưởng thiết thực");
        await BrowserFixture.ScreenshotAsync(tablet, "judge-tablet-scoring");
        await tablet.GetByTestId("submit-sheet").ClickAsync();
        await Assertions.Expect(tablet.GetByTestId("judge-message")).ToContainTextAsync("Máy chủ đã nhận phiếu");

        // The network drops: two more sheets are kept on the tablet, and the screen says so.
        await tablet.Context.SetOfflineAsync(true);
        await Score(tablet, titles[1], 10, 2);
        await tablet.GetByTestId("submit-sheet").ClickAsync();
        await Score(tablet, titles[2], 4, 3);
        await tablet.GetByTestId("submit-sheet").ClickAsync();
        await Assertions.Expect(tablet.GetByTestId("on-device")).ToHaveCountAsync(2);
        await Assertions.Expect(tablet.GetByTestId("device-status")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(tablet, "judge-tablet-offline");

        await tablet.Context.SetOfflineAsync(false);
        await Assertions.Expect(tablet.GetByTestId("nothing-on-device")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(tablet.GetByTestId("progress")).ToHaveTextAsync("Đã nộp 3/4 · nháp 0");

        // A draft: once the server has it, the scoring screen says so.
        await Score(tablet, titles[3], 3, 0);
        await tablet.GetByTestId("save-draft").ClickAsync();
        await Assertions.Expect(tablet.GetByTestId("sheet-server")).ToHaveTextAsync("Trên máy chủ: Nháp trên máy chủ");
        await tablet.GetByTestId("back").ClickAsync();
        await Assertions.Expect(tablet.GetByTestId("progress")).ToHaveTextAsync("Đã nộp 3/4 · nháp 1");

        // On the server: three sheets, each submitted exactly once (read with a second code: each code signs in once).
        using var organiser = await browser.SignedInOrganiserAsync();
        using var judge = await browser.SignedInWithCodeAsync((await JsonCalls.SendJsonAsync(organiser, HttpMethod.Post, newCodeUrl, new { })).GetProperty("code").GetString()!);
        var worklist = await JsonCalls.SendJsonAsync(judge, HttpMethod.Get, "/api/judging/worklist", null);
        var entries = worklist.GetProperty("rounds")[0].GetProperty("entries").EnumerateArray().ToList();
        var submitted = entries.Where(entry => entry.GetProperty("status").GetString() == "Submitted").ToList();
        Assert.Equal(3, submitted.Count);
        Assert.All(submitted, entry => Assert.Equal(1, entry.GetProperty("version").GetInt64()));
        Assert.Equal([13m, 12m, 7m], titles.Take(3).Select(title => entries.Single(entry => entry.GetProperty("title").GetString() == title).GetProperty("total").GetDecimal()));
    }

    [Fact]
    public async Task once_the_organiser_publishes_the_round_each_team_sees_its_own_scores_and_comments_and_everyone_the_ranking()
    {
        var contestName = $"Sáng tạo — công bố {Guid.NewGuid().ToString()[..6]}";
        var setup = await browser.JudgedRoundAsync(contestName);
        var round = $"/api/contests/{setup.ContestId}/rounds/{setup.RoundId}";
        using (var judge = await browser.SignedInWithCodeAsync(setup.JudgeCode))
        {
            var worklist = await JsonCalls.SendJsonAsync(judge, HttpMethod.Get, "/api/judging/worklist", null);
            foreach (var entry in worklist.GetProperty("rounds")[0].GetProperty("entries").EnumerateArray())
            {
                var first = entry.GetProperty("title").GetString() == setup.Titles[0];
                using var submit = new HttpRequestMessage(HttpMethod.Post, $"{round}/scoring/{entry.GetProperty("entryId").GetGuid()}/submit")
                {
                    Content = JsonContent.Create(new
                    {
                        scores = new[] { new { code = "MOI", value = first ? 9m : 5m }, new { code = "KH", value = 4m } },
                        comment = first ? "Ý tưởng hay, nên thử nghiệm thêm ngoài đồng." : null,
                    }),
                };
                submit.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                (await judge.SendAsync(submit)).EnsureSuccessStatusCode();
            }
        }

        var portal = await browser.NewPageAsync(390, 844);
        await portal.GotoAsync(setup.FirstTeamPortal);
        await Assertions.Expect(portal.GetByTestId("round-phase")).ToBeVisibleAsync();
        await Assertions.Expect(portal.GetByTestId("team-result")).ToHaveCountAsync(0);

        // The round closes now; the organiser publishes its results from the console at once. The results projection
        // has every sheet by then.
        using var organiser = await browser.SignedInOrganiserAsync();
        var schedule = await JsonCalls.SendJsonAsync(organiser, HttpMethod.Get, $"{round}/schedule", null);
        var now = DateTime.UtcNow.AddHours(7);
        await JsonCalls.SendJsonAsync(organiser, HttpMethod.Put, $"{round}/schedule",
            new { opensAt = now.AddHours(-2), closesAt = now, advancement = new { kind = "OrganiserSelection" } },
            $"\"{schedule.GetProperty("version").GetInt64()}\"");
        var console = await browser.OrganiserConsoleAsync(contestName);
        await console.PublishNowInConsoleAsync("Vòng sơ khảo", "organiser-publishes-judged-round");
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var result = await JsonCalls.SendJsonAsync(organiser, HttpMethod.Get, $"{round}/results/teams/{setup.FirstTeamId}", null);
            if (result.GetProperty("result").ValueKind == JsonValueKind.Object)
            {
                break;
            }

            await Task.Delay(200);
        }

        await portal.ReloadAsync();
        var mine = portal.GetByTestId("team-result");
        await Assertions.Expect(mine.GetByTestId("team-result-rank")).ToHaveTextAsync("Hạng 1/4 trong bảng");
        await Assertions.Expect(mine).ToContainTextAsync("22/25 điểm");
        await Assertions.Expect(mine).ToContainTextAsync("Tính mới, sáng tạo");
        await Assertions.Expect(mine.GetByTestId("team-result-comments")).ToContainTextAsync("Giám khảo 1: Ý tưởng hay, nên thử nghiệm thêm ngoài đồng.");
        await Assertions.Expect(mine).Not.ToContainTextAsync("Nguyễn Thị Chấm");
        await BrowserFixture.ScreenshotAsync(portal, "team-portal-own-result");

        // Everyone sees the ranking under the award list: the first team alone, the other three tied second.
        var awards = await browser.NewPageAsync(1366, 900);
        await awards.GotoAsync($"/awards/?contest={setup.ContestId}");
        var ranking = awards.Locator($"[data-round='{setup.RoundId}'] [data-testid='ranking'] [data-ranking='THCS']");
        await ranking.Locator("summary").ClickAsync();
        await Assertions.Expect(ranking.Locator("tr[data-rank='1']")).ToContainTextAsync($"Đội {setup.Titles[0]}");
        await Assertions.Expect(ranking.Locator("tr[data-rank='2']")).ToHaveCountAsync(3);
        await Assertions.Expect(ranking.Locator("tr[data-rank='2']").First).ToContainTextAsync("2 (đồng hạng)");
        await BrowserFixture.ScreenshotAsync(awards, "public-ranking");
    }
}
