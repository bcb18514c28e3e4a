using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Contests.Testing;

namespace Contests.Benchmarks;

/// <summary>
/// Judging day: 50 judges, each signed in with their own code on their own tablet (own session, no shared cookie jar),
/// submit the score sheets of the entries assigned to them through the real HTTP API, all at once. Every sheet is
/// acknowledged only after it is saved (event appended with its inline snapshot, in one PostgreSQL transaction).
/// </summary>
public static class ScoresAtScale
{
    private sealed record JudgeSession(Guid JudgeId, string Cookie, string Token);

    public static async Task<IReadOnlyList<string>> RunAsync(ServerProcess server, HttpClient organiser, int teams, int judges, int judgesPerEntry)
    {
        var contestId = await BenchContest.CreateAsync(organiser, "Chấm điểm 50 giám khảo");
        var roundId = await EntriesAtScale.OpenRound(organiser, contestId);
        var round = $"/api/contests/{contestId}/rounds/{roundId}";
        (await EntriesAtScale.Send(organiser, HttpMethod.Put, $"{round}/judging/rubric", "\"0\"", new
        {
            criteria = new object[]
            {
                new { code = "MOI", description = "Tính mới", maximum = 10m, step = 0.5m, weight = 2m },
                new { code = "KH", description = "Cơ sở khoa học", maximum = 10m, step = 0.5m, weight = 1m },
                new { code = "UD", description = "Ứng dụng", maximum = 5m, step = 1m, weight = 1m },
            },
        })).Dispose();
        (await EntriesAtScale.Send(organiser, HttpMethod.Put, $"{round}/judging/settings", "\"1\"", new { judgesPerEntry })).Dispose();

        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        var sessions = new EntriesAtScale.TeamSession[teams];
        await RegistrationThroughput.Measure(teams, 16, async index => sessions[index] = await EntriesAtScale.Register(client, contestId, index));
        await RegistrationThroughput.Measure(teams, 16, index => EntriesAtScale.Submit(client, contestId, roundId, sessions[index], index));

        var panel = new List<JudgeSession>();
        for (var index = 0; index < judges; index++)
        {
            panel.Add(await AddJudge(client, organiser, contestId, index));
        }

        (await organiser.PostAsJsonAsync($"{round}/panels", new { name = "Hội đồng chung", members = panel.Select(judge => judge.JudgeId) })).EnsureSuccessStatusCode();
        using var plan = new HttpRequestMessage(HttpMethod.Post, $"{round}/assignments") { Content = JsonContent.Create(new { seed = 1 }) };
        plan.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
        (await organiser.SendAsync(plan)).EnsureSuccessStatusCode();

        var worklists = await Task.WhenAll(panel.Select(judge => Worklist(client, judge)));
        var total = worklists.Sum(list => list.Count);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(panel.Zip(worklists).Select(async pair =>
        {
            foreach (var (entryId, index) in pair.Second.Select((entryId, index) => (entryId, index)))
            {
                await SubmitScore(client, round, pair.First, entryId, index);
            }
        }));
        return [$"bench scores_http_per_s {total / watch.Elapsed.TotalSeconds:F0} /s"];
    }

    private static async Task<JudgeSession> AddJudge(HttpClient client, HttpClient organiser, Guid contestId, int index)
    {
        var added = await organiser.PostAsJsonAsync($"/api/contests/{contestId}/judges", new { name = $"Giám khảo {index}" });
        added.EnsureSuccessStatusCode();
        var judgeId = JsonDocument.Parse(await added.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var issued = await organiser.PostAsJsonAsync($"/api/contests/{contestId}/judges/{judgeId}/sign-in-code", new { });
        issued.EnsureSuccessStatusCode();
        var code = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString();
        var signIn = await client.PostAsJsonAsync("/api/auth/sign-in-code", new { code });
        signIn.EnsureSuccessStatusCode();
        var session = EntriesAtScale.Cookies(signIn);
        using var meRequest = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        meRequest.Headers.Add("Cookie", session);
        var me = await client.SendAsync(meRequest);
        using var current = JsonDocument.Parse(await me.Content.ReadAsStringAsync());
        return new JudgeSession(judgeId, $"{session}; {EntriesAtScale.Cookies(me)}", current.RootElement.GetProperty("antiforgeryToken").GetString()!);
    }

    private static async Task<IReadOnlyList<Guid>> Worklist(HttpClient client, JudgeSession judge)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/judging/worklist");
        request.Headers.Add("Cookie", judge.Cookie);
        var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return list.RootElement.GetProperty("rounds")[0].GetProperty("entries").EnumerateArray().Select(entry => entry.GetProperty("entryId").GetGuid()).ToList();
    }

    private static async Task SubmitScore(HttpClient client, string round, JudgeSession judge, Guid entryId, int index)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{round}/scoring/{entryId}/submit")
        {
            Content = JsonContent.Create(new
            {
                scores = new[] { new { code = "MOI", value = (index % 21) / 2m }, new { code = "KH", value = 7.5m }, new { code = "UD", value = (decimal)(index % 6) } },
                comment = "Mô hình có tính thực tiễn",
            }),
        };
        request.Headers.Add("Cookie", judge.Cookie);
        request.Headers.Add("X-XSRF-TOKEN", judge.Token);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"score for {entryId} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
