using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Contests.Testing;
using Microsoft.Playwright;

namespace Contests.Browser.Tests.Support;

/// <summary>One server process and one headless Debian Chromium for the whole browser suite.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string OrganiserEmail = "btc@browser.example";
    public const string OrganiserPassword = "browser-organiser";

    private IPlaywright? playwright;

    public ServerProcess Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotFolder { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("CONTESTS_ARTIFACTS") is { Length: > 0 } artifacts ? artifacts : AppContext.BaseDirectory,
        "screenshots");

    public async Task InitializeAsync()
    {
        Server = await ServerProcess.StartAsync("browser");
        await Server.RunCommandAsync("create-organiser", OrganiserEmail, "Ban Tổ chức thử", OrganiserPassword);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }

    /// <summary>A fresh browser context (its own cookies), like a second person on a second device.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, string locale = "vi-VN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>Sets up what a test needs through the API, signed in as the organiser, as the console itself would.</summary>
    public async Task<Guid> CreateContestAsync(string name)
    {
        using var client = await SignedInOrganiserAsync();

        var created = await client.PostAsJsonAsync("/api/contests", new
        {
            name,
            kind = "Robocon",
            edition = 1,
            organisingBody = "Liên hiệp các Hội KH&KT tỉnh Bắc Giang",
            districts = new[] { "TP Bắc Giang", "Việt Yên", "Hiệp Hòa", "Lạng Giang", "Lục Nam", "Lục Ngạn", "Sơn Động", "Tân Yên", "Yên Dũng", "Yên Thế" },
            divisions = new[] { new { code = "THCS", name = "Trung học cơ sở" }, new { code = "THPT", name = "Trung học phổ thông" } },
        });
        created.EnsureSuccessStatusCode();
        using var contest = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        return contest.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Opens registration now and closes it after <paramref name="closesIn"/>, in Vietnam local time as an organiser types it.</summary>
    public async Task SetRegistrationWindowAsync(Guid contestId, TimeSpan closesIn)
    {
        using var client = await SignedInOrganiserAsync();
        var contest = await client.GetAsync(new Uri($"/api/contests/{contestId}", UriKind.Relative));
        var local = DateTime.UtcNow.AddHours(7);
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/contests/{contestId}/registration-rules")
        {
            Content = JsonContent.Create(new { opensAt = local.AddHours(-1), closesAt = local + closesIn }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", contest.Headers.ETag!.Tag);
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
    }

    public async Task<HttpClient> SignedInOrganiserAsync()
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = Server.BaseAddress };
        (await client.PostAsJsonAsync("/api/auth/sign-in", new { email = OrganiserEmail, password = OrganiserPassword })).EnsureSuccessStatusCode();
        using var me = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/auth/me", UriKind.Relative)));
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", me.RootElement.GetProperty("antiforgeryToken").GetString());
        return client;
    }

    /// <summary>Registers a team through the public form's endpoint, as an anonymous visitor would.</summary>
    public async Task RegisterTeamAsync(Guid contestId, string name, string district)
    {
        using var client = new HttpClient { BaseAddress = Server.BaseAddress };
        var response = await client.PostAsJsonAsync($"/api/contests/{contestId}/teams", new
        {
            name,
            school = "Trường THCS Thử Nghiệm",
            district,
            divisionCode = "THCS",
            contactPhone = "0912345678",
            contactEmail = "thu@thcs.edu.vn",
            members = new[] { new { fullName = "Trần Văn Thử", grade = 8 } },
            mentors = Array.Empty<object>(),
        });
        response.EnsureSuccessStatusCode();
    }

    public async Task CreateDistrictOrganiserAsync(string email, string password, string district)
    {
        using var client = await SignedInOrganiserAsync();
        (await client.PostAsJsonAsync("/api/access/organisers", new { email, displayName = $"Ban Tổ chức {district}", password, district }))
            .EnsureSuccessStatusCode();
    }

    public async Task<string> IssueCodeAsync(string role, string displayName)
    {
        using var client = await SignedInOrganiserAsync();
        var issued = await client.PostAsJsonAsync("/api/access/sign-in-codes", new { role, displayName });
        issued.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await issued.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("code").GetString()!;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
