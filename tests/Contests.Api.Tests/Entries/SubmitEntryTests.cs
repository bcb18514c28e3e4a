using System.IO.Compression;
using System.Net;
using Alba;
using Contests.Api.Access;
using Contests.Api.Entries;
using Contests.Api.Tests.Rounds;
using Contests.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Contests.Api.Tests.Entries;

/// <summary>Teams submit and revise entries through the portal's multipart form; the clock at the request decides.</summary>
[Collection(AppCollection.Name)]
public sealed class SubmitEntryTests(AppFixture app)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n"u8.ToArray();
    private static readonly byte[] Executable = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0];

    /// <summary>An open round (opened an hour ago, closing in a day unless told otherwise) and a registered team.</summary>
    private async Task<(RoundedContest Contest, RegisteredTeam Team)> OpenRound(string teamName, TimeSpan? closesIn = null, int grace = 0)
    {
        var contest = await app.ContestWithRounds();
        var now = app.LocalNow();
        await app.SetSchedule(contest.ContestId, contest.QualifyingId, RoundScenarios.Schedule(now.AddHours(-1), now + (closesIn ?? TimeSpan.FromDays(1)), grace));
        return (contest, await app.RegisterTeam(contest.ContestId, teamName));
    }

    private static async Task<ProblemBody> Problem(HttpResponseMessage response) => await response.Read<ProblemBody>();

    [Fact]
    public async Task a_submission_one_second_before_the_close_is_accepted_and_one_second_after_is_refused_with_a_clear_message()
    {
        var (contest, team) = await OpenRound("Đội Sát Giờ", closesIn: TimeSpan.FromSeconds(2));
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var accepted = await app.Submit(contest.Entry(team.Id), team.Session, 0);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.False((await accepted.Read<EntryView>()).Revisions[0].Late);

        app.Clock.Advance(TimeSpan.FromSeconds(2));
        var refused = await app.Submit(contest.Entry(team.Id), team.Session, 1, title: "Sửa sau hạn");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await Problem(refused);
        Assert.Equal("submissions-closed", problem.Code);
        Assert.StartsWith("Đã hết thời gian nộp bài (đóng lúc ", problem.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task within_the_grace_period_a_revision_is_accepted_and_flagged_late_and_is_the_judged_version()
    {
        var (contest, team) = await OpenRound("Đội Gia Hạn", closesIn: TimeSpan.FromSeconds(2), grace: 10);
        await app.Submit(contest.Entry(team.Id), team.Session, 0);
        app.Clock.Advance(TimeSpan.FromSeconds(3));

        var late = await app.Submit(contest.Entry(team.Id), team.Session, 1, title: "Bản nộp muộn");

        Assert.Equal(HttpStatusCode.Created, late.StatusCode);
        var entry = await late.Read<EntryView>();
        Assert.Equal([(2, true), (1, false)], entry.Revisions.Select(revision => (revision.Number, revision.Late)));
        Assert.Equal(new Domain.Entries.JudgedRevision(2, true), entry.Judged);
    }

    [Fact]
    public async Task every_revision_is_kept_with_its_files_and_a_stale_or_missing_version_is_refused()
    {
        var (contest, team) = await OpenRound("Đội Sửa Bài");
        var first = await app.Submit(contest.Entry(team.Id), team.Session, 0, files: [("anh-robot.png", Png), ("thuyet-minh.pdf", Pdf)]);
        var firstEntry = await first.Read<EntryView>();
        Assert.Equal("\"1\"", first.Headers.ETag!.Tag);
        Assert.Equal($"/api/contests/{contest.ContestId}/rounds/{contest.QualifyingId}/entries/{team.Id}", first.Headers.Location!.OriginalString);
        var pdf = firstEntry.Revisions[0].Files.Single(file => file.Name == "thuyet-minh.pdf");
        Assert.Equal(("application/pdf", (long)Pdf.Length), (pdf.ContentType, pdf.Size));

        var second = await app.Submit(contest.Entry(team.Id), team.Session, 1, title: "Robot gắp bóng (bản 2)",
            videoLinks: ["https://video.example/ban-2"], keepFiles: [pdf.Sha256]);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await app.Submit(contest.Entry(team.Id), team.Session, 1, title: "Cũ")).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await app.Submit(contest.Entry(team.Id), team.Session, null, title: "Không phiên bản")).StatusCode);

        var read = await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url(contest.Entry(team.Id));
            team.Session.Apply(scenario);
            scenario.Header("ETag").SingleValueShouldEqual("\"2\"");
        });
        var entry = (await read.ReadAsJsonAsync<EntryView>())!;
        Assert.Equal(["Robot gắp bóng (bản 2)", "Robot gắp bóng"], entry.Revisions.Select(revision => revision.Title));
        Assert.Equal(["thuyet-minh.pdf"], entry.Revisions[0].Files.Select(file => file.Name));
        Assert.Equal(["anh-robot.png", "thuyet-minh.pdf"], entry.Revisions[1].Files.Select(file => file.Name));
        Assert.Equal(2, entry.Judged!.Number);
    }

    [Fact]
    public async Task a_resent_upload_with_the_same_idempotency_key_makes_one_revision()
    {
        var (contest, team) = await OpenRound("Đội Gửi Lại");
        var first = await app.Submit(contest.Entry(team.Id), team.Session, 0, idempotencyKey: "gui-lai-1");
        var resent = await app.Submit(contest.Entry(team.Id), team.Session, 0, idempotencyKey: "gui-lai-1");

        Assert.Equal(HttpStatusCode.Created, resent.StatusCode);
        Assert.Equal("true", resent.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Single((await resent.Read<EntryView>()).Revisions);
    }

    [Fact]
    public async Task a_renamed_executable_is_refused_whatever_its_name_and_nothing_is_stored()
    {
        var (contest, team) = await OpenRound("Đội Đổi Tên Tệp");

        var refused = await app.Submit(contest.Entry(team.Id), team.Session, 0, files: [("anh-robot.png", Png), ("video-robot.mp4", Executable)]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await Problem(refused);
        Assert.Equal(["file-type-not-allowed"], problem.Rules!["files[1]"]);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(app.DataFolder, "files", "staging")));
        await AssertNoEntry(contest, team);
    }

    [Fact]
    public async Task office_documents_are_recognised_inside_their_zip_and_a_plain_zip_is_refused()
    {
        var (contest, team) = await OpenRound("Đội Tài Liệu");
        var docx = Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));
        var accepted = await app.Submit(contest.Entry(team.Id), team.Session, 0, files: [("thuyet-minh.docx", docx)]);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            (await accepted.Read<EntryView>()).Revisions[0].Files[0].ContentType);

        var refused = await app.Submit(contest.Entry(team.Id), team.Session, 1, files: [("thuyet-minh.docx", Zip(("setup.exe", "MZ")))]);
        Assert.Equal(["file-type-not-allowed"], (await Problem(refused)).Rules!["files[0]"]);
    }

    [Fact]
    public async Task a_file_over_the_per_file_limit_and_files_over_the_per_entry_limit_are_refused()
    {
        var (contest, team) = await OpenRound("Đội Tệp Lớn");
        var tooLarge = new byte[(10 * 1024 * 1024) + 1];
        Pdf.CopyTo(tooLarge, 0);
        var refused = await app.Submit(contest.Entry(team.Id), team.Session, 0, files: [("ban-ve.pdf", tooLarge)]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("Tệp quá lớn: tối đa 10 MB mỗi tệp.", (await Problem(refused)).Errors!["files[0]"].Single());

        // Four files of 7.7 MB: each within its limit, together over the entry's 30 MB yet within the request's limit.
        var part = new byte[(int)(7.7 * 1024 * 1024)];
        Pdf.CopyTo(part, 0);
        var files = Enumerable.Range(1, 4).Select(index =>
        {
            var copy = (byte[])part.Clone();
            copy[^1] = (byte)index;
            return ($"phan-{index}.pdf", copy);
        }).ToList();
        var tooMuch = await app.Submit(contest.Entry(team.Id), team.Session, 0, files: files);
        Assert.Equal(["entry-too-large"], (await Problem(tooMuch)).Rules!["files"]);
        await AssertNoEntry(contest, team);
    }

    [Fact]
    public async Task an_upload_cut_off_halfway_leaves_no_entry()
    {
        var (contest, team) = await OpenRound("Đội Mất Mạng");
        using var client = app.Host.Server.CreateClient();
        const string boundary = "cut-off";
        var body = $"--{boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nRobot\r\n" +
                   $"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"anh.png\"\r\nContent-Type: image/png\r\n\r\n\u0089PNG\r\n\u001a\n";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{contest.Entry(team.Id)}/revisions")
        {
            Content = new StringContent(body, System.Text.Encoding.Latin1),
        };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        request.Headers.Add("Cookie", team.Session.Cookie);
        request.Headers.Add("X-XSRF-TOKEN", team.Session.AntiforgeryToken);
        request.Headers.TryAddWithoutValidation("If-Match", "\"0\"");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("upload-incomplete", (await Problem(response)).Code);
        await AssertNoEntry(contest, team);
    }

    [Fact]
    public async Task text_and_links_are_checked_before_anything_is_stored()
    {
        var (contest, team) = await OpenRound("Đội Thiếu Tên");
        var refused = await app.Submit(contest.Entry(team.Id), team.Session, 0, title: " ", videoLinks: ["javascript:alert(1)"]);

        var problem = await Problem(refused);
        Assert.Equal(["required"], problem.Rules!["title"]);
        Assert.Equal(["video-link-invalid"], problem.Rules["videoLinks[0]"]);
        await AssertNoEntry(contest, team);
    }

    [Theory]
    [InlineData(Roles.Judge)]
    [InlineData(Roles.Referee)]
    [InlineData(Roles.Organiser)]
    public async Task only_the_team_itself_submits_its_entry(string role)
    {
        var (contest, team) = await OpenRound($"Đội Của Mình {role}");
        var refused = await app.Submit(contest.Entry(team.Id), await app.SessionFor(role), 0);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("entry-by-team-only", (await Problem(refused)).Code);
        await AssertNoEntry(contest, team);
    }

    [Fact]
    public async Task another_team_and_the_public_cannot_submit_for_a_team()
    {
        var (contest, team) = await OpenRound("Đội Bị Nộp Hộ");
        var stranger = await app.RegisterTeam(contest.ContestId, "Đội Nộp Hộ");
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Submit(contest.Entry(team.Id), stranger.Session, 0)).StatusCode);

        await app.Host.Scenario(scenario =>
        {
            scenario.Post.Url($"{contest.Entry(team.Id)}/revisions");
            scenario.WithRequestHeader("If-Match", "\"0\"");
            scenario.StatusCodeShouldBe(401);
        });
        await AssertNoEntry(contest, team);
    }

    [Fact]
    public async Task before_the_opening_in_a_cancelled_round_and_for_a_withdrawn_team_entries_are_refused()
    {
        var contest = await app.ContestWithRounds();
        var now = app.LocalNow();
        await app.SetSchedule(contest.ContestId, contest.QualifyingId, RoundScenarios.Schedule(now.AddHours(1), now.AddDays(1)));
        var team = await app.RegisterTeam(contest.ContestId, "Đội Đến Sớm");
        Assert.Equal("submissions-not-open", (await Problem(await app.Submit(contest.Entry(team.Id), team.Session, 0))).Code);

        await app.Change(HttpMethod.Post, $"/api/contests/{contest.ContestId}/rounds/{contest.QualifyingId}/cancel", new { reason = "Hoãn" }, Roles.Organiser, "\"2\"", 200);
        Assert.Equal("round-cancelled", (await Problem(await app.Submit(contest.Entry(team.Id), team.Session, 0))).Code);

        await app.SetSchedule(contest.ContestId, contest.QualifyingId, RoundScenarios.Schedule(now.AddHours(-1), now.AddDays(1)), version: 3);
        await app.Change(HttpMethod.Post, $"/api/contests/{contest.ContestId}/teams/{team.Id}/withdraw", new { reason = "Ốm" }, Task.FromResult(team.Session), "\"1\"", 200);
        Assert.Equal("team-withdrawn", (await Problem(await app.Submit(contest.Entry(team.Id), team.Session, 0))).Code);

        var unscheduled = await app.Submit($"/api/contests/{contest.ContestId}/rounds/{contest.FinalId}/entries/{team.Id}", team.Session, 0);
        Assert.Equal("round-takes-no-entries", (await Problem(unscheduled)).Code);
    }

    [Fact]
    public async Task files_download_as_attachments_for_the_team_and_organisers_only()
    {
        var (contest, team) = await OpenRound("Đội Tải Tệp");
        var submitted = await (await app.Submit(contest.Entry(team.Id), team.Session, 0, files: [("Ảnh robot.png", Png)])).Read<EntryView>();
        var url = submitted.Revisions[0].Files[0].DownloadUrl;

        using var client = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", team.Session.Cookie);
        var download = await client.SendAsync(request);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Ảnh robot.png", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        var organiser = await app.SessionFor(Roles.Organiser);
        await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url(url);
            organiser.Apply(scenario);
            scenario.StatusCodeShouldBe(200);
        });
        var stranger = await app.RegisterTeam(contest.ContestId, "Đội Tò Mò Tệp");
        await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url(url);
            stranger.Session.Apply(scenario);
            scenario.StatusCodeShouldBe(403);
        });
        var judge = await app.SessionFor(Roles.Judge);
        await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url(url);
            judge.Apply(scenario);
            scenario.StatusCodeShouldBe(403);
        });
        await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url(contest.Entry(team.Id) + "/files/" + new string('a', 64));
            team.Session.Apply(scenario);
            scenario.StatusCodeShouldBe(404);
        });
    }

    [Fact]
    public void the_upload_endpoint_raises_the_request_size_limit_above_an_entrys_files()
    {
        var endpoint = app.Host.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .Single(candidate => candidate.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IEndpointNameMetadata>()?.EndpointName == "SubmitEntry");
        var limit = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()!.MaxRequestBodySize;

        Assert.True(limit > 30 * 1024 * 1024, $"limit {limit}");
    }

    private async Task AssertNoEntry(RoundedContest contest, RegisteredTeam team)
    {
        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url(contest.Entry(team.Id));
            team.Session.Apply(scenario);
            scenario.Header("ETag").SingleValueShouldEqual("\"0\"");
        });
        Assert.Empty((await result.ReadAsJsonAsync<EntryView>())!.Revisions);
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        return buffer.ToArray();
    }
}
