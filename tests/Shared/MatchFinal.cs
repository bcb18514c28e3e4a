using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Contests.Testing;

/// <summary>
/// A match final on a running server, set up through the HTTP API as the console would (contest, teams registered
/// through the public form, one group drawn), with a head referee who scores, confirms and corrects its matches. Its
/// public board is the live board that scale-out tests and the live benchmark watch.
/// </summary>
public sealed class MatchFinal(Guid contestId, Guid roundId, string firstMatch)
{
    public const string OrganiserEmail = "live@live.example";
    public const string OrganiserPassword = "live-password";

    public Guid ContestId { get; } = contestId;

    public Guid RoundId { get; } = roundId;

    /// <summary>The code of the first match in the timetable.</summary>
    public string FirstMatch { get; } = firstMatch;

    /// <summary>The board's name on /hubs/live.</summary>
    public string Board => $"contest/{ContestId}/rounds/{RoundId}/matches";

    public string Url => $"/api/contests/{ContestId}/rounds/{RoundId}/matches";

    /// <summary>A client of <paramref name="baseAddress"/> signed in at <paramref name="path"/>, sending the antiforgery header on writes.</summary>
    public static async Task<HttpClient> SignedInAsync(Uri baseAddress, string path, object credentials)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        (await client.PostAsJsonAsync(path, credentials)).EnsureSuccessStatusCode();
        using var me = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/auth/me", UriKind.Relative)));
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", me.RootElement.GetProperty("antiforgeryToken").GetString());
        return client;
    }

    /// <summary>The organiser made with <c>create-organiser</c> <see cref="OrganiserEmail"/>, signed in.</summary>
    public static Task<HttpClient> OrganiserAsync(Uri baseAddress) =>
        SignedInAsync(baseAddress, "/api/auth/sign-in", new { email = OrganiserEmail, password = OrganiserPassword });

    /// <summary>A contest of its own with a match final of <paramref name="teams"/> teams drawn in one group over two fields.</summary>
    public static async Task<MatchFinal> CreateAsync(HttpClient organiser, int teams)
    {
        string[] districts = ["Việt Yên", "Hiệp Hòa", "Lục Nam", "Yên Thế"];
        var contestId = (await JsonCalls.SendJsonAsync(organiser, HttpMethod.Post, "/api/contests", new
        {
            name = "Chung kết trực tiếp",
            kind = "Robocon",
            edition = 1,
            organisingBody = "Liên hiệp các Hội KH&KT tỉnh Bắc Giang",
            districts,
            divisions = new[] { new { code = "THCS", name = "Trung học cơ sở" } },
        })).GetProperty("id").GetGuid();

        var teamIds = new List<Guid>();
        for (var index = 0; index < teams; index++)
        {
            var registered = await JsonCalls.SendJsonAsync(organiser, HttpMethod.Post, $"/api/contests/{contestId}/teams", new
            {
                name = $"Đội Robot số {index + 1}",
                school = "Trường THCS Thử Nghiệm",
                district = districts[index % districts.Length],
                divisionCode = "THCS",
                contactPhone = "0912345678",
                contactEmail = "thu@thcs.edu.vn",
                members = new[] { new { fullName = "Trần Văn Thử", grade = 8 } },
                mentors = Array.Empty<object>(),
            });
            teamIds.Add(registered.GetProperty("team").GetProperty("id").GetGuid());
        }

        var rounds = await JsonCalls.SendJsonAsync(organiser, HttpMethod.Put, $"/api/contests/{contestId}/rounds",
            new { rounds = new[] { new { name = "Chung kết", level = "Province", type = "Matches" } } }, ifMatch: "\"1\"");
        var roundId = rounds.GetProperty("rounds")[0].GetProperty("id").GetGuid();
        var url = $"/api/contests/{contestId}/rounds/{roundId}/matches";
        var game = await JsonCalls.SendJsonAsync(organiser, HttpMethod.Put, url + "/game", new
        {
            name = "Gieo hạt",
            tasks = new[] { new { name = "Gieo hạt", points = 10, maxCount = 12, code = "seed" } },
            penalties = new[] { new { name = "Phạm luật", points = 10, effect = "ToOpponent", maxCount = 5, code = "foul" } },
            instantWin = "Chiến thắng tuyệt đối",
            matchSeconds = 180,
        });
        var chosen = await JsonCalls.SendJsonAsync(organiser, HttpMethod.Put, url + "/teams", new { teamIds }, ETag(game));
        var drawn = await JsonCalls.SendJsonAsync(organiser, HttpMethod.Post, url + "/draw", new
        {
            groupCount = 1, fields = new[] { "Sân 1", "Sân 2" }, startsAt = new DateTime(2024, 8, 10, 8, 0, 0), slotMinutes = 5, minRestMinutes = 0, seed = 1,
        }, ETag(chosen));
        return new MatchFinal(contestId, roundId, drawn.GetProperty("matches")[0].GetProperty("code").GetString()!);
    }

    /// <summary>A head referee (who may both submit and confirm) signed in with a code the organiser issues.</summary>
    public static async Task<HttpClient> HeadRefereeAsync(HttpClient organiser, Uri baseAddress)
    {
        var issued = await JsonCalls.SendJsonAsync(organiser, HttpMethod.Post, "/api/access/sign-in-codes", new { role = "HeadReferee", displayName = "Trọng tài chính" });
        return await SignedInAsync(baseAddress, "/api/auth/sign-in-code", new { code = issued.GetProperty("code").GetString() });
    }

    /// <summary>The public board as a screen fetches it (the snapshot a client catches up from).</summary>
    public async Task<JsonElement> BoardAsync(HttpClient client)
    {
        using var board = JsonDocument.Parse(await client.GetStringAsync(new Uri(Url + "/board", UriKind.Relative)));
        return board.RootElement.Clone();
    }

    /// <summary>The match's version as stored (the officials' view, not the board, which the daemon may not have caught up).</summary>
    public async Task<long> MatchVersionAsync(HttpClient official, string code)
    {
        using var details = JsonDocument.Parse(await official.GetStringAsync(new Uri($"{Url}/{code}", UriKind.Relative)));
        return MatchVersion(details.RootElement);
    }

    /// <summary>The referee's sheet: red scores <paramref name="redSeeds"/> seeds, blue <paramref name="blueSeeds"/>. Returns the match's version.</summary>
    public async Task<long> SubmitAsync(HttpClient referee, string code, int redSeeds, int blueSeeds) =>
        MatchVersion(await JsonCalls.SendJsonAsync(referee, HttpMethod.Post, $"{Url}/{code}/result", new { sheet = Sheet(redSeeds, blueSeeds) }, idempotencyKey: Guid.NewGuid().ToString()));

    public async Task<long> ConfirmAsync(HttpClient headReferee, string code, long matchVersion) =>
        MatchVersion(await JsonCalls.SendJsonAsync(headReferee, HttpMethod.Post, $"{Url}/{code}/confirm", new { }, $"\"{matchVersion}\""));

    /// <summary>A correction of a confirmed result: one new version of the match, one new version of the board.</summary>
    public async Task<long> CorrectAsync(HttpClient headReferee, string code, long matchVersion, int redSeeds, int blueSeeds) =>
        MatchVersion(await JsonCalls.SendJsonAsync(headReferee, HttpMethod.Post, $"{Url}/{code}/correction",
            new { sheet = Sheet(redSeeds, blueSeeds), reason = "Nhập lại theo biên bản" }, $"\"{matchVersion}\""));

    private static object Sheet(int redSeeds, int blueSeeds) => new
    {
        red = new { tasks = new { seed = redSeeds } },
        blue = new { tasks = new { seed = blueSeeds } },
    };

    private static long MatchVersion(JsonElement details) => details.GetProperty("match").GetProperty("version").GetInt64();

    private static string ETag(JsonElement round) => $"\"{round.GetProperty("version").GetInt64()}\"";

}
