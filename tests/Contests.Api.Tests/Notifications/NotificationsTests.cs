using System.Net;
using Alba;
using Contests.Api.Access;
using Contests.Api.Notifications;
using Contests.Api.Tests.Rounds;
using Contests.Api.Tests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Contests.Api.Tests.Notifications;

/// <summary>In-app notifications for teams and organisers, and their e-mails through a Hangfire job.</summary>
[Collection(AppCollection.Name)]
public sealed class NotificationsTests(AppFixture app)
{
    private async Task<(RoundedContest Contest, RegisteredTeam Team, NotificationView Received)> Submitted(string name)
    {
        var contest = await app.ContestWithRounds();
        var now = app.LocalNow();
        await app.SetSchedule(contest.ContestId, contest.QualifyingId, RoundScenarios.Schedule(now.AddHours(-1), now.AddDays(1)));
        var team = await app.RegisterTeam(contest.ContestId, name);
        Assert.Equal(HttpStatusCode.Created, (await app.Submit(contest.Entry(team.Id), team.Session, 0)).StatusCode);
        var inbox = await Inbox(team.Session);
        return (contest, team, Assert.Single(inbox.Notifications));
    }

    private async Task<NotificationsInbox> Inbox(SignedInSession session, string query = "")
    {
        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url("/api/notifications" + query);
            session.Apply(scenario);
        });
        return (await result.ReadAsJsonAsync<NotificationsInbox>())!;
    }

    [Fact]
    public async Task a_team_is_told_its_entry_was_received_and_marks_it_read_once()
    {
        var (_, team, received) = await Submitted("Đội Nhận Thông Báo");
        Assert.Equal(("entries-received", "Đã nhận bài dự thi Vòng loại trực tuyến (lần nộp thứ 1).", false),
            (received.Code, received.Message, received.Read));

        await app.Change(HttpMethod.Post, $"/api/notifications/{received.Id}/read", null, Task.FromResult(team.Session), null, 204);
        await app.Change(HttpMethod.Post, $"/api/notifications/{received.Id}/read", null, Task.FromResult(team.Session), null, 204);

        var inbox = await Inbox(team.Session);
        Assert.Equal((0, true), (inbox.Unread, inbox.Notifications.Single().Read));
        await using var session = app.QuerySession();
        Assert.Equal(["notification_posted", "notification_read"], (await session.Events.FetchStreamAsync(received.Id)).Select(item => item.EventTypeName));
    }

    [Fact]
    public async Task nobody_else_reads_or_marks_a_teams_notification()
    {
        var (contest, _, received) = await Submitted("Đội Giữ Kín");
        var stranger = await app.RegisterTeam(contest.ContestId, "Đội Người Lạ");

        Assert.Empty((await Inbox(stranger.Session)).Notifications);
        await app.Change(HttpMethod.Post, $"/api/notifications/{received.Id}/read", null, Task.FromResult(stranger.Session), null, 404);
        await app.Change(HttpMethod.Post, $"/api/notifications/{received.Id}/read", null, Roles.Organiser, null, 404);
        Assert.Empty((await Inbox(await app.SessionFor(Roles.Judge))).Notifications);
        await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url("/api/notifications");
            scenario.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task organisers_see_their_contests_round_notifications()
    {
        var (contest, _, _) = await Submitted("Đội Cho Ban Tổ Chức");
        var opening = (await app.Timeline(contest.ContestId, contest.QualifyingId)).Steps.Single(step => step.Key == "open");
        await app.JobAt(opening.At).CatchUp(app.Organisation, contest.QualifyingId, CancellationToken.None);

        var inbox = await Inbox(await app.SessionFor(Roles.Organiser), $"?contestId={contest.ContestId}");

        var notification = Assert.Single(inbox.Notifications);
        Assert.Equal("Vòng loại trực tuyến đã mở nhận bài; 1 đội được dự thi.", notification.Message);
    }

    [Fact]
    public async Task the_email_is_queued_after_the_request_and_written_to_the_outbox_once()
    {
        var (_, _, received) = await Submitted("Đội Nhận Thư");
        var queued = app.Host.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 10_000);
        Assert.Contains(queued, job => job.Value.Job.Type == typeof(NotificationEmailJob) && (Guid)job.Value.Job.Args[1] == received.Id);

        var outbox = Path.Combine(app.DataFolder, "outbox");
        var before = Directory.Exists(outbox) ? Directory.GetFiles(outbox).Length : 0;
        var job = new NotificationEmailJob(app.Store, new MailOptions { Outbox = outbox }, app.Host.Services.GetRequiredService<IHostEnvironment>(), app.Clock);
        await job.Send(app.Organisation, received.Id);
        await job.Send(app.Organisation, received.Id);

        var written = Directory.GetFiles(outbox).Except([]).ToList();
        Assert.Equal(before + 1, written.Count);
        var message = await File.ReadAllTextAsync(written.OrderByDescending(File.GetLastWriteTimeUtc).First());
        Assert.Contains("To: lien.he@thcs.edu.vn", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_failing_mail_server_fails_the_job_for_hangfire_to_retry_and_leaves_the_entry_and_notification_alone()
    {
        var (contest, team, received) = await Submitted("Đội Thư Lỗi");
        var unreachable = new MailOptions { SmtpHost = "127.0.0.1", SmtpPort = 9, EnableSsl = false };
        var job = new NotificationEmailJob(app.Store, unreachable, app.Host.Services.GetRequiredService<IHostEnvironment>(), new FakeTimeProvider());

        await Assert.ThrowsAnyAsync<Exception>(() => job.Send(app.Organisation, received.Id));

        await using var session = app.QuerySession();
        Assert.Null((await session.LoadAsync<Notification>(received.Id))!.EmailedAt);
        Assert.Single((await session.LoadAsync<Api.Entries.Entry>(Api.Entries.Entry.IdFor(contest.QualifyingId, team.Id)))!.Revisions);
    }
}
