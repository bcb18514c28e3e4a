using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Contests.Testing;

namespace Contests.Benchmarks;

/// <summary>
/// An online qualifying round where every one of 1,000 teams submits an entry with a photo through the real HTTP API
/// (multipart upload, type check by content, content-addressed store, append with notification, e-mail queued), then
/// the organisers' submission list and the judged entries of that round.
/// </summary>
public static class EntriesAtScale
{
    private static readonly byte[] Png =
        Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    internal sealed record TeamSession(Guid TeamId, string Cookie, string Token);

    public static async Task<IReadOnlyList<string>> RunAsync(ServerProcess server, HttpClient organiser, int teams, int concurrency)
    {
        var contestId = await BenchContest.CreateAsync(organiser, "Vòng loại 1.000 đội");
        var roundId = await OpenRound(organiser, contestId);
        // No cookie jar: each request carries its own team's session, as on a thousand different phones.
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        var sessions = new TeamSession[teams];
        await RegistrationThroughput.Measure(teams, concurrency, async index => sessions[index] = await Register(client, contestId, index));
        var perSecond = await RegistrationThroughput.Measure(teams, concurrency, index => Submit(client, contestId, roundId, sessions[index], index));

        var round = $"/api/contests/{contestId}/rounds/{roundId}";
        return
        [
            $"bench entries_http_per_s {perSecond:F0} /s",
            $"bench submissions_1k_list_ms {await RosterAt10k.Time(organiser, $"{round}/submissions"):F0} ms",
            $"bench judged_entries_1k_ms {await RosterAt10k.Time(organiser, $"{round}/judged-entries"):F0} ms",
        ];
    }

    internal static async Task<Guid> OpenRound(HttpClient organiser, Guid contestId)
    {
        using var rounds = await Send(organiser, HttpMethod.Put, $"/api/contests/{contestId}/rounds", "\"1\"", new
        {
            rounds = new[] { new { name = "Vòng loại trực tuyến", level = "Province", type = "JudgedSubmissions" } },
        });
        var roundId = rounds.RootElement.GetProperty("rounds")[0].GetProperty("id").GetGuid();
        var local = DateTime.UtcNow.AddHours(7);
        (await Send(organiser, HttpMethod.Put, $"/api/contests/{contestId}/rounds/{roundId}/schedule", "\"0\"",
            new { opensAt = local.AddHours(-1), closesAt = local.AddDays(3) })).Dispose();
        return roundId;
    }

    internal static async Task<JsonDocument> Send(HttpClient client, HttpMethod method, string url, string ifMatch, object body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Registers a team and signs in with the portal code its registration answered, as the team's phone would.</summary>
    internal static async Task<TeamSession> Register(HttpClient client, Guid contestId, int index)
    {
        var registered = await client.PostAsJsonAsync($"/api/contests/{contestId}/teams", new
        {
            name = $"Đội Vòng Loại {index.ToString(CultureInfo.InvariantCulture)}",
            school = "Trường THCS Hiệu Năng",
            district = BenchContest.Districts[index % BenchContest.Districts.Length],
            divisionCode = "THCS",
            contactPhone = "0912345678",
            contactEmail = "bench@thcs.edu.vn",
            members = new[] { new { fullName = $"Học Sinh {index.ToString(CultureInfo.InvariantCulture)}", grade = 8 } },
            mentors = Array.Empty<object>(),
        });
        registered.EnsureSuccessStatusCode();
        using var registration = JsonDocument.Parse(await registered.Content.ReadAsStringAsync());
        var signIn = await client.PostAsJsonAsync("/api/auth/sign-in-code", new { code = registration.RootElement.GetProperty("portalCode").GetString() });
        signIn.EnsureSuccessStatusCode();
        var session = Cookies(signIn);
        using var meRequest = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        meRequest.Headers.Add("Cookie", session);
        var me = await client.SendAsync(meRequest);
        using var current = JsonDocument.Parse(await me.Content.ReadAsStringAsync());
        return new TeamSession(
            registration.RootElement.GetProperty("team").GetProperty("id").GetGuid(), $"{session}; {Cookies(me)}",
            current.RootElement.GetProperty("antiforgeryToken").GetString()!);
    }

    internal static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(value => value.Split(';')[0]) : []);

    internal static async Task Submit(HttpClient client, Guid contestId, Guid roundId, TeamSession team, int index)
    {
        var photo = (byte[])Png.Clone();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Robot gắp bóng vào rổ"), "title" },
            { new StringContent($"https://video.example/bench/{index.ToString(CultureInfo.InvariantCulture)}"), "videoLinks" },
        };
        var file = new ByteArrayContent([.. photo, .. BitConverter.GetBytes(index)]);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "files", "anh-robot.png");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/contests/{contestId}/rounds/{roundId}/entries/{team.TeamId}/revisions") { Content = form };
        request.Headers.Add("Cookie", team.Cookie);
        request.Headers.Add("X-XSRF-TOKEN", team.Token);
        request.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
        request.Headers.Add("Idempotency-Key", $"bench-{index.ToString(CultureInfo.InvariantCulture)}");
        var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"entry {index} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
