using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Contests.Browser.Tests.Support;
using Contests.Testing;

namespace Contests.Browser.Tests.Judging;

/// <summary>A judged round set up as <see cref="JudgedRounds.JudgedRoundAsync"/> makes it, with the first team's id and portal address.</summary>
public sealed record JudgedRoundSetup(
    Guid ContestId, Guid RoundId, string JudgeCode, string[] Titles, string NewCodeUrl, Guid FirstTeamId, string FirstTeamPortal, string? HeadJudgeCode);

/// <summary>The judged round the judging browser tests share, made through the API as organisers, teams and judges would.</summary>
public static class JudgedRounds
{
    /// <summary>A signed-in client for a sign-in code (a team's portal or a judge), carrying its anti-forgery token.</summary>
    public static async Task<HttpClient> SignedInWithCodeAsync(this BrowserFixture browser, string code)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = browser.Server.BaseAddress };
        (await client.PostAsJsonAsync("/api/auth/sign-in-code", new { code })).EnsureSuccessStatusCode();
        using var me = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/auth/me", UriKind.Relative)));
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", me.RootElement.GetProperty("antiforgeryToken").GetString());
        return client;
    }

    /// <summary>A round open for entries with a rubric, four teams that submitted, one judge assigned every entry; with a head judge (on no panel) when asked.</summary>
    public static async Task<JudgedRoundSetup> JudgedRoundAsync(
        this BrowserFixture browser, string contestName = "Sáng tạo chấm trên máy tính bảng", bool withHeadJudge = false)
    {
        var firstTeam = (Id: Guid.Empty, Portal: string.Empty);
        var contestId = await browser.CreateContestAsync(contestName);
        using var organiser = await browser.SignedInOrganiserAsync();
        var rounds = await JsonCalls.SendJsonAsync(organiser, HttpMethod.Put, $"/api/contests/{contestId}/rounds", new
        {
            rounds = new object[] { new { name = "Vòng sơ khảo", level = "Province", type = "JudgedSubmissions" } },
        }, "\"1\"");
        var roundId = rounds.GetProperty("rounds")[0].GetProperty("id").GetGuid();
        var round = $"/api/contests/{contestId}/rounds/{roundId}";
        var local = DateTime.UtcNow.AddHours(7);
        await JsonCalls.SendJsonAsync(organiser, HttpMethod.Put, $"{round}/schedule", new { opensAt = local.AddHours(-1), closesAt = local.AddDays(3), advancement = new { kind = "OrganiserSelection" } }, "\"0\"");
        await JsonCalls.SendJsonAsync(organiser, HttpMethod.Put, $"{round}/judging/rubric", new
        {
            criteria = new object[]
            {
                new { code = "MOI", description = "Tính mới, sáng tạo", maximum = 10m, step = 0.5m, weight = 2m },
                new { code = "KH", description = "Cơ sở khoa học", maximum = 5m, step = 1m, weight = 1m },
            },
        }, "\"0\"");
        await JsonCalls.SendJsonAsync(organiser, HttpMethod.Put, $"{round}/judging/settings", new { judgesPerEntry = 1 }, "\"1\"");

        var titles = new[] { "Máy tưới cây tự động", "Robot phân loại rác", "Đèn học thông minh", "Cảnh báo lũ sớm" };
        foreach (var (title, index) in titles.Select((title, index) => (title, index)))
        {
            using var anonymous = new HttpClient { BaseAddress = browser.Server.BaseAddress };
            var key = Guid.NewGuid().ToString();
            async Task<JsonElement> Register()
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/contests/{contestId}/teams")
                {
                    Content = JsonContent.Create(new
                    {
                        name = $"Đội {title}", school = "Trường THCS Thử Nghiệm", district = "Lục Nam", divisionCode = "THCS", contactPhone = "0912345678",
                        contactEmail = "doi@thcs.edu.vn", members = new[] { new { fullName = $"Học sinh {index}", grade = 8 } }, mentors = Array.Empty<object>(),
                    }),
                };
                request.Headers.Add("Idempotency-Key", key);
                var response = await anonymous.SendAsync(request);
                response.EnsureSuccessStatusCode();
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            }

            var registration = await Register();
            var teamId = registration.GetProperty("team").GetProperty("id").GetGuid();

            using var team = await browser.SignedInWithCodeAsync(registration.GetProperty("portalCode").GetString()!);
            using var form = new MultipartFormDataContent
            {
                { new StringContent(title), "title" },
                { new StringContent($"{title}: mô hình dùng cảm biến và vi điều khiển."), "description" },
                { new StringContent("https://video.example/" + index), "videoLinks" },
            };
            using var submit = new HttpRequestMessage(HttpMethod.Post, $"{round}/entries/{teamId}/revisions") { Content = form };
            submit.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
            submit.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            (await team.SendAsync(submit)).EnsureSuccessStatusCode();
            if (index == 0)
            {
                // The portal code above was spent submitting; the same registration resent answers a fresh one.
                var portal = new Uri((await Register()).GetProperty("portalUrl").GetString()!);
                firstTeam = (teamId, portal.PathAndQuery + portal.Fragment);
            }
        }

        var judge = await JsonCalls.SendJsonAsync(organiser, HttpMethod.Post, $"/api/contests/{contestId}/judges", new { name = "ThS. Nguyễn Thị Chấm" });
        var judgeId = judge.GetProperty("id").GetGuid();
        await JsonCalls.SendJsonAsync(organiser, HttpMethod.Post, $"{round}/panels", new { name = "Hội đồng chung", members = new[] { judgeId } });
        await JsonCalls.SendJsonAsync(organiser, HttpMethod.Post, $"{round}/assignments", new { seed = 1 }, "\"0\"");
        var codeUrl = $"/api/contests/{contestId}/judges/{judgeId}/sign-in-code";
        var code = await JsonCalls.SendJsonAsync(organiser, HttpMethod.Post, codeUrl, new { });
        string? headJudgeCode = null;
        if (withHeadJudge)
        {
            // The head judge sits on no panel and scores nothing: they oversee.
            var head = await JsonCalls.SendJsonAsync(organiser, HttpMethod.Post, $"/api/contests/{contestId}/judges", new { name = "GS. Trần Văn Trưởng", headJudge = true });
            headJudgeCode = (await JsonCalls.SendJsonAsync(organiser, HttpMethod.Post, $"/api/contests/{contestId}/judges/{head.GetProperty("id").GetGuid()}/sign-in-code", new { }))
                .GetProperty("code").GetString()!;
        }

        return new JudgedRoundSetup(contestId, roundId, code.GetProperty("code").GetString()!, titles, codeUrl, firstTeam.Id, firstTeam.Portal, headJudgeCode);
    }
}
