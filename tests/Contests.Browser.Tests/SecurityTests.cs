using Contests.Browser.Tests.Support;
using Microsoft.Playwright;

namespace Contests.Browser.Tests;

/// <summary>
/// The pages satisfy their strict Content-Security-Policy (no inline script or style, connections to their own origin
/// only) at the plain addresses and under an organisation's; organisations live side by side; sessions end at once.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityTests(BrowserFixture browser)
{
    /// <summary>Collects every policy violation the browser reports, from the page's own event and from its console.</summary>
    private static async Task<List<string>> WatchForViolations(IPage page)
    {
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add(error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"{response.Status} {response.Url}");
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text);
            }
        };
        await page.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => (window.cspViolations = window.cspViolations || []).push(e.violatedDirective + ' ' + e.blockedURI));");
        return problems;
    }

    [Fact]
    public async Task every_page_loads_under_the_content_security_policy_without_a_violation_here_and_under_an_organisations_address()
    {
        var contestId = await browser.CreateContestAsync("Cuộc thi kiểm tra CSP");
        foreach (var prefix in new[] { string.Empty, "/o/bac-giang" })
        {
            foreach (var path in new[] { "/", $"/board/?contest={contestId}", $"/team/?contest={contestId}", "/judge/", "/organiser/", "/referee/", "/verify/", $"/awards/?contest={contestId}" })
            {
                var page = await browser.NewPageAsync();
                var problems = await WatchForViolations(page);
                var response = await page.GotoAsync(prefix + path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

                Assert.Contains("script-src 'self'", (await response!.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
                if (path.StartsWith("/board/", StringComparison.Ordinal))
                {
                    // The live connection is a WebSocket to the page's own origin: allowed by connect-src 'self'.
                    await Assertions.Expect(page.Locator(".board-status[data-state='live']")).ToBeVisibleAsync();
                }

                var violations = await page.EvaluateAsync<string[]?>("() => window.cspViolations ?? []") ?? [];
                Assert.True(violations.Length == 0 && problems.Count == 0,
                    $"{prefix}{path}: {string.Join("; ", violations.Concat(problems))}");
                await page.Context.CloseAsync();
            }
        }
    }

    [Fact]
    public async Task a_platform_administrator_adds_an_organisation_whose_organiser_then_works_at_its_own_address()
    {
        await browser.Server.RunCommandAsync("create-platform-admin", "admin@platform.example", "Quản trị nền tảng", "platform-admin-password");
        var admin = await browser.NewPageAsync();
        await admin.GotoAsync("/organiser/");
        await admin.GetByTestId("email").FillAsync("admin@platform.example");
        await admin.GetByTestId("password").FillAsync("platform-admin-password");
        await admin.GetByTestId("sign-in").ClickAsync();

        var create = admin.GetByTestId("create-organisation");
        await create.Locator("[name='slug']").FillAsync("binh-duong");
        await create.Locator("[name='name']").FillAsync("Liên hiệp các Hội KH&KT tỉnh Bình Dương");
        await create.Locator("button[type='submit']").ClickAsync();
        await Assertions.Expect(admin.Locator("[data-organisation='binh-duong'] a")).ToHaveAttributeAsync("href", "/o/binh-duong/");
        await admin.Locator("select[name='slug']").SelectOptionAsync("binh-duong");
        await admin.Locator("input[name='email']").FillAsync("btc@binhduong.example");
        await admin.Locator("input[name='displayName']").FillAsync("Ban Tổ chức Bình Dương");
        await admin.Locator("input[name='password']").FillAsync("binh-duong-password");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("organiser-created")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(admin, "platform-administration");

        var organiser = await browser.NewPageAsync();
        await organiser.GotoAsync("/o/binh-duong/organiser/");
        await organiser.GetByTestId("email").FillAsync("btc@binhduong.example");
        await organiser.GetByTestId("password").FillAsync("binh-duong-password");
        await organiser.GetByTestId("sign-in").ClickAsync();
        await organiser.GetByText("Tạo cuộc thi", new() { Exact = true }).First.ClickAsync();
        await organiser.Locator("[name='name']").FillAsync("Robocon Bình Dương 2025");
        await organiser.Locator("form button[type='submit']").Filter(new() { HasText = "Tạo cuộc thi" }).ClickAsync();
        var boardLink = organiser.Locator("li.contest", new() { HasText = "Robocon Bình Dương 2025" }).Locator("a");
        await Assertions.Expect(boardLink).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/o/binh-duong/board/\\?contest="));
        await BrowserFixture.ScreenshotAsync(organiser, "organisation-console");

        // Its board lives at its own address, live, and the default organisation's home page does not list its contest.
        await boardLink.ClickAsync();
        await Assertions.Expect(organiser.Locator(".board-title")).ToHaveTextAsync("Robocon Bình Dương 2025");
        await Assertions.Expect(organiser.Locator(".board-status[data-state='live']")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(organiser, "organisation-board");
        var home = await browser.NewPageAsync();
        await home.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(home.GetByText("Robocon Bình Dương 2025")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task an_organiser_ends_a_judges_session_from_the_security_panel_and_the_tablet_is_signed_out()
    {
        var code = await browser.IssueCodeAsync("Judge", "Giám khảo máy tính bảng bị mất");
        var tablet = await browser.NewPageAsync(1024, 768);
        await tablet.GotoAsync($"/judge/#code={code}");
        await Assertions.Expect(tablet.GetByTestId("signed-in-as")).ToBeVisibleAsync();

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/organiser/");
        await page.GetByTestId("email").FillAsync(BrowserFixture.OrganiserEmail);
        await page.GetByTestId("password").FillAsync(BrowserFixture.OrganiserPassword);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.GetByText("Tài khoản và an ninh", new() { Exact = true }).ClickAsync();
        var row = page.Locator("[data-testid='sessions'] tr[data-session='Giám khảo máy tính bảng bị mất']");
        await row.GetByTestId("end-session").ClickAsync();
        await Assertions.Expect(page.GetByTestId("security-outcome")).ToHaveTextAsync("Đã thực hiện.");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid='audit-log'] tr[data-action='session-ended']").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "security-panel");

        await tablet.ReloadAsync();
        await Assertions.Expect(tablet.GetByTestId("code-input")).ToBeVisibleAsync();
    }
}
