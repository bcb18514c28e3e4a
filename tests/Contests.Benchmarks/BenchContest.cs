using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Contests.Benchmarks;

/// <summary>What every scenario needs from the server: a signed-in organiser and a contest of its own.</summary>
public static class BenchContest
{
    public const string OrganiserEmail = "bench@bench.example";
    public const string OrganiserPassword = "bench-password";

    public static readonly string[] Districts =
        ["TP Bắc Giang", "Việt Yên", "Hiệp Hòa", "Lạng Giang", "Lục Nam", "Lục Ngạn", "Sơn Động", "Tân Yên", "Yên Dũng", "Yên Thế"];

    public static async Task<HttpClient> SignedInOrganiserAsync(Uri baseAddress)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        (await client.PostAsJsonAsync("/api/auth/sign-in", new { email = OrganiserEmail, password = OrganiserPassword })).EnsureSuccessStatusCode();
        using var me = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/auth/me", UriKind.Relative)));
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", me.RootElement.GetProperty("antiforgeryToken").GetString());
        return client;
    }

    public static async Task<Guid> CreateAsync(HttpClient organiser, string name)
    {
        var response = await organiser.PostAsJsonAsync("/api/contests", new
        {
            name,
            kind = "Robocon",
            edition = 1,
            organisingBody = "Bench",
            districts = Districts,
            divisions = new[] { new { code = "THCS", name = "Trung học cơ sở" } },
        });
        response.EnsureSuccessStatusCode();
        using var contest = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return contest.RootElement.GetProperty("id").GetGuid();
    }
}
