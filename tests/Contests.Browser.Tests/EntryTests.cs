using System.Net.Http.Json;
using System.Text.Json;
using Contests.Browser.Tests.Support;
using Microsoft.Playwright;
using Contests.Testing;

namespace Contests.Browser.Tests;

/// <summary>A team submits and revises its qualifying entry on the portal; the organisers follow it in the console.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EntryTests(BrowserFixture browser)
{
    private static readonly byte[] Png =
        Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /// <summary>A contest with an online qualifying round open since an hour ago and closing in three days, as an organiser sets it up.</summary>
    private async Task<(Guid ContestId, Guid RoundId)> OpenQualifying(string name)
    {
        var contestId = await browser.CreateContestAsync(name);
        using var organiser = await browser.SignedInOrganiserAsync();
        var rounds = await Send(organiser, HttpMethod.Put, $"/api/contests/{contestId}/rounds", "\"1\"", new
        {
            rounds = new object[]
            {
                new { name = "Vòng loại trực tuyến", level = "Province", type = "JudgedSubmissions" },
                new { name = "Chung kết", level = "Province", type = "Matches" },
            },
        });
        var roundId = rounds.GetProperty("rounds")[0].GetProperty("id").GetGuid();
        var local = DateTime.UtcNow.AddHours(7);
        await Send(organiser, HttpMethod.Put, $"/api/contests/{contestId}/rounds/{roundId}/schedule", "\"0\"", new
        {
            opensAt = local.AddHours(-1),
            closesAt = local.AddDays(3),
            graceMinutes = 15,
            advancement = new { kind = "OrganiserSelection" },
        });
        return (contestId, roundId);
    }

    private static Task<JsonElement> Send(HttpClient client, HttpMethod method, string url, string ifMatch, object body) =>
        client.SendJsonAsync(method, url, body, ifMatch);

    /// <summary>Registers through the public form's endpoint and answers the team's portal link.</summary>
    private async Task<string> RegisterAsync(Guid contestId, string name, string district)
    {
        using var client = new HttpClient { BaseAddress = browser.Server.BaseAddress };
        var response = await client.PostAsJsonAsync($"/api/contests/{contestId}/teams", new
        {
            name,
            school = "Trường THCS Lê Quý Đôn",
            district,
            divisionCode = "THCS",
            contactPhone = "0912345678",
            contactEmail = "doi@thcs.edu.vn",
            members = new[] { new { fullName = $"Học sinh {name}", grade = 8 } },
            mentors = Array.Empty<object>(),
        });
        response.EnsureSuccessStatusCode();
        using var registration = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var portal = new Uri(registration.RootElement.GetProperty("portalUrl").GetString()!);
        return portal.PathAndQuery + portal.Fragment;
    }

    [Fact]
    public async Task a_team_submits_and_revises_its_entry_and_the_organiser_sees_it_in_the_rounds_submission_list()
    {
        var (contestId, _) = await OpenQualifying("Robocon vòng loại trực tuyến thử");
        var portal = await RegisterAsync(contestId, "Đội Rô-bốt Sông Thương", "Lục Nam");
        await RegisterAsync(contestId, "Đội Chưa Quay Video", "Yên Thế");

        var team = await browser.NewPageAsync(820, 1180);
        await team.GotoAsync(portal);
        var round = team.Locator("[data-round='Vòng loại trực tuyến']");
        await Assertions.Expect(round.GetByTestId("countdown")).ToContainTextAsync("Hạn nộp còn 2 ngày");
        await round.Locator("[name='title']").FillAsync("Robot gắp bóng vào rổ");
        await round.Locator("[name='description']").FillAsync("Video quay liên tục một lượt thi.");
        await round.GetByTestId("video-links").FillAsync("https://video.example/song-thuong-1");
        await round.GetByTestId("entry-files").SetInputFilesAsync(new FilePayload { Name = "anh-robot.png", MimeType = "image/png", Buffer = Png });
        await round.GetByTestId("entry-submit").ClickAsync();
        await Assertions.Expect(round.GetByTestId("entry-saved")).ToBeVisibleAsync();
        await Assertions.Expect(round.GetByTestId("entry-status")).ToContainTextAsync("Đã nộp lần 1");

        await round.Locator("[name='title']").FillAsync("Robot gắp bóng vào rổ (bản quay lại)");
        await round.GetByTestId("video-links").FillAsync("https://video.example/song-thuong-2");
        await round.GetByTestId("entry-submit").ClickAsync();
        await Assertions.Expect(round.GetByTestId("entry-status")).ToContainTextAsync("Đã nộp lần 2");
        await round.GetByText("Các lần nộp").ClickAsync();
        await Assertions.Expect(round.GetByTestId("revision")).ToHaveCountAsync(2);
        await Assertions.Expect(round.GetByTestId("revision").First).ToContainTextAsync("anh-robot.png");
        await team.GetByTestId("inbox").Locator("summary").ClickAsync();
        await Assertions.Expect(team.GetByTestId("notification").Filter(new LocatorFilterOptions { HasText = "lần nộp thứ 2" }))
            .ToHaveTextAsync("Đã nhận bài dự thi Vòng loại trực tuyến (lần nộp thứ 2).");
        await BrowserFixture.ScreenshotAsync(team, "team-portal-entry-revised");

        var organiser = await browser.NewPageAsync(1366, 900);
        await organiser.GotoAsync("/organiser/");
        await organiser.GetByTestId("email").FillAsync(BrowserFixture.OrganiserEmail);
        await organiser.GetByTestId("password").FillAsync(BrowserFixture.OrganiserPassword);
        await organiser.GetByTestId("sign-in").ClickAsync();
        await organiser.GetByText("Robocon vòng loại trực tuyến thử").First.ClickAsync();
        await organiser.GetByText("Lịch vòng thi và tiến trình tự động").ClickAsync(new() { Timeout = 30_000 });

        var panel = organiser.GetByTestId("rounds-schedule-panel");
        // The first load of a cold server can take a while on a busy machine; what follows is quick.
        await Assertions.Expect(panel.GetByTestId("submissions-summary")).ToHaveTextAsync("1/2 đội đã nộp bài (0 nộp muộn).", new() { Timeout = 30_000 });
        await Assertions.Expect(panel.Locator("[data-count='Lục Nam']")).ToContainTextAsync("1/1");
        await Assertions.Expect(panel.Locator("[data-count='Yên Thế']")).ToContainTextAsync("0/1");
        var row = panel.Locator("[data-team='Đội Rô-bốt Sông Thương']");
        await Assertions.Expect(row.GetByTestId("revisions")).ToHaveTextAsync("2");
        await Assertions.Expect(row).ToContainTextAsync("Robot gắp bóng vào rổ (bản quay lại)");
        await Assertions.Expect(panel.Locator("[data-step='lock']").GetByTestId("job-state")).ToContainTextAsync("Scheduled");
        await Assertions.Expect(panel.Locator("[data-step='reminder-48h']").GetByTestId("job-state")).ToContainTextAsync("Scheduled");

        await panel.GetByRole(AriaRole.Combobox).Filter(new LocatorFilterOptions { HasText = "Chưa nộp" }).SelectOptionAsync("false");
        await Assertions.Expect(panel.Locator("[data-team='Đội Chưa Quay Video']")).ToBeVisibleAsync();
        await Assertions.Expect(panel.Locator("[data-team='Đội Rô-bốt Sông Thương']")).ToHaveCountAsync(0);
        await panel.Locator("[data-team='Đội Chưa Quay Video']").GetByTestId("pick").ClickAsync();
        await Assertions.Expect(panel.Locator("[data-team='Đội Chưa Quay Video']")).ToContainTextAsync("Đã chọn");
        await BrowserFixture.ScreenshotAsync(organiser, "organiser-round-timeline-and-submissions");
    }

    [Fact]
    public async Task the_timeline_shows_the_opening_job_run_by_hangfire_after_the_organiser_schedules_the_round()
    {
        var (contestId, roundId) = await OpenQualifying("Robocon lịch tự động thử");
        var organiser = await browser.NewPageAsync(1366, 900);
        await organiser.GotoAsync("/organiser/");
        await organiser.GetByTestId("email").FillAsync(BrowserFixture.OrganiserEmail);
        await organiser.GetByTestId("password").FillAsync(BrowserFixture.OrganiserPassword);
        await organiser.GetByTestId("sign-in").ClickAsync();

        // The opening was due an hour ago: Hangfire's scheduler picks its job up within seconds and records it.
        using var client = await browser.SignedInOrganiserAsync();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            using var timeline = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/contests/{contestId}/rounds/{roundId}/timeline", UriKind.Relative)));
            if (timeline.RootElement.GetProperty("steps")[0].GetProperty("jobState").GetString() == "Succeeded")
            {
                break;
            }

            await Task.Delay(1000);
        }

        await organiser.GetByText("Robocon lịch tự động thử").First.ClickAsync();
        await organiser.GetByText("Lịch vòng thi và tiến trình tự động").ClickAsync(new() { Timeout = 30_000 });
        var opening = organiser.GetByTestId("rounds-schedule-panel").Locator("[data-step='open']");
        await Assertions.Expect(opening.GetByTestId("job-state")).ToContainTextAsync("Succeeded", new() { Timeout = 30_000 });
        await Assertions.Expect(opening).ToContainTextAsync("Đã thông báo 0 đội.");
        await BrowserFixture.ScreenshotAsync(organiser, "organiser-round-timeline-job-succeeded");
    }
}
