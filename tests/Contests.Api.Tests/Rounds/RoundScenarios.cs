using System.Net.Http.Headers;
using System.Net.Http.Json;
using Alba;
using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Notifications;
using Contests.Api.Registration;
using Contests.Api.Rounds;
using Contests.Api.Tests.Support;
using Contests.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Contests.Api.Tests.Rounds;

/// <summary>A contest of the test's own with an online qualifying round and a final, as the round and entry tests need it.</summary>
public sealed record RoundedContest(Guid ContestId, Guid QualifyingId, Guid FinalId)
{
    public string Schedule => $"/api/contests/{ContestId}/rounds/{QualifyingId}/schedule";

    public string Entry(Guid teamId) => $"/api/contests/{ContestId}/rounds/{QualifyingId}/entries/{teamId}";
}

public sealed record RegisteredTeam(Guid Id, string Name, SignedInSession Session);

/// <summary>Setting up rounds, schedules, teams and entries through the API, as organisers and teams do.</summary>
public static class RoundScenarios
{
    public static DateTime LocalNow(this AppFixture app) => VietnamTime.ToLocal(app.Clock.GetUtcNow());

    public static async Task<RoundedContest> ContestWithRounds(this AppFixture app, string qualifying = "Vòng loại trực tuyến", string? middle = null)
    {
        var contest = await app.CreateContest();
        object[] rounds = middle is null
            ? [new { name = qualifying, level = "Province", type = "JudgedSubmissions" }, new { name = "Chung kết", level = "Province", type = "Matches" }]
            : [new { name = qualifying, level = "Province", type = "JudgedSubmissions" }, new { name = middle, level = "Province", type = "JudgedSubmissions" },
               new { name = "Chung kết", level = "Province", type = "Matches" }];
        var result = await app.Change(HttpMethod.Put, $"/api/contests/{contest.Id}/rounds", new { rounds }, Roles.Organiser, "\"1\"", 200);
        var set = (await result.ReadAsJsonAsync<ContestView>())!;
        return new RoundedContest(contest.Id, set.Rounds[0].Id, set.Rounds[^1].Id);
    }

    /// <summary>A schedule form: the window in Vietnam local time, the rest optional.</summary>
    public static object Schedule(
        DateTime opens, DateTime closes, int grace = 0, DateTime? judgingCloses = null, DateTime? publish = null, int[]? reminders = null,
        object? advancement = null) =>
        new { opensAt = opens, closesAt = closes, graceMinutes = grace, judgingClosesAt = judgingCloses, publishAt = publish, reminderHours = reminders, advancement };

    public static async Task<RoundScheduleView> SetSchedule(this AppFixture app, Guid contestId, Guid roundId, object schedule, long version = 0)
    {
        var result = await app.Change(
            HttpMethod.Put, $"/api/contests/{contestId}/rounds/{roundId}/schedule", schedule, Roles.Organiser, $"\"{version}\"", 200);
        return (await result.ReadAsJsonAsync<RoundScheduleView>())!;
    }

    public static async Task<RoundTimelineView> Timeline(this AppFixture app, Guid contestId, Guid roundId)
    {
        var organiser = await app.SessionFor(Roles.Organiser);
        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url($"/api/contests/{contestId}/rounds/{roundId}/timeline");
            organiser.Apply(scenario);
        });
        return (await result.ReadAsJsonAsync<RoundTimelineView>())!;
    }

    public static async Task<RegisteredTeam> RegisterTeam(this AppFixture app, Guid contestId, string name, string district = "Việt Yên")
    {
        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(Requests.Team(name, district)).ToUrl($"/api/contests/{contestId}/teams");
            scenario.StatusCodeShouldBe(201);
        });
        var registration = (await result.ReadAsJsonAsync<TeamRegistration>())!;
        return new RegisteredTeam(registration.Team.Id, name, await app.SignInWithCode(registration.PortalCode));
    }

    /// <summary>Sends an entry as the portal does: multipart form, If-Match, Idempotency-Key.</summary>
    public static async Task<HttpResponseMessage> Submit(
        this AppFixture app,
        string entryUrl,
        SignedInSession session,
        long? version,
        string title = "Robot gắp bóng",
        string[]? videoLinks = null,
        IReadOnlyList<(string Name, byte[] Content)>? files = null,
        string[]? keepFiles = null,
        string? idempotencyKey = null)
    {
        using var client = app.Host.Server.CreateClient();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(title), "title" },
            { new StringContent("Robot hai tay gắp bóng vào rổ trong 3 phút."), "description" },
        };
        foreach (var link in videoLinks ?? ["https://video.example/robot-gap-bong"])
        {
            form.Add(new StringContent(link), "videoLinks");
        }

        foreach (var hash in keepFiles ?? [])
        {
            form.Add(new StringContent(hash), "keepFiles");
        }

        foreach (var (name, content) in files ?? [])
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "files", name);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"{entryUrl}/revisions") { Content = form };
        request.Headers.Add("Cookie", session.Cookie);
        request.Headers.Add("X-XSRF-TOKEN", session.AntiforgeryToken);
        request.Headers.Add("Accept-Language", "vi");
        if (version is { } expected)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{expected}\"");
        }

        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    public static async Task<T> Read<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(AppJson.Options))!;

    /// <summary>The job Hangfire would run, on a clock of the test's choosing: jobs are called directly, no server runs.</summary>
    public static RoundTransitionJob JobAt(this AppFixture app, DateTimeOffset instant) =>
        new(app.Store, new FakeTimeProvider(instant), app.Host.Services.GetRequiredService<NotificationEmails>());
}
