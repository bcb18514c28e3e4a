using System.Net;
using Contests.Api.Access;
using Contests.Api.Judging;
using Contests.Api.Tests.Rounds;
using Contests.Api.Tests.Support;
using static Contests.Api.Tests.Judging.ScoringScenario;

namespace Contests.Api.Tests.Judging;

[Collection(AppCollection.Name)]
public sealed class ScoreEntryTests(AppFixture app)
{
    /// <summary>Two entries, three judges (the last the head judge), one judge per entry.</summary>
    private async Task<(ScoringWorld World, JudgeView Judge, Guid Entry, JudgeView Other)> OneJudgeOneEntry()
    {
        var world = await app.ScoringWorld(["Việt Yên", "Lục Nam"], [new("GK Một"), new("GK Hai"), new("Trưởng ban", HeadJudge: true)], judgesPerEntry: 1);
        var assignments = await app.Assignments(world);
        var judge = world.Judges.First(candidate => assignments.Assignments.Any(assignment => assignment.JudgeId == candidate.Id) && !candidate.HeadJudge);
        var entry = assignments.Assignments.First(assignment => assignment.JudgeId == judge.Id).EntryId;
        var other = world.Judges.First(candidate => candidate.Id != judge.Id && !candidate.HeadJudge && assignments.Assignments.All(assignment => assignment.EntryId != entry || assignment.JudgeId != candidate.Id));
        return (world, judge, entry, other);
    }

    private async Task<long> EventsOf(ScoringWorld world, Guid entryId, Guid judgeId)
    {
        await using var session = app.QuerySession();
        return (await session.Events.FetchStreamAsync(ScoreSheetStream.IdFor(world.Contest.QualifyingId, entryId, judgeId))).Count;
    }

    private async Task<JudgeWorklistView> Worklist(SignedInSession session)
    {
        var response = await app.Send(HttpMethod.Get, "/api/judging/worklist", session);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Read<JudgeWorklistView>();
    }

    [Fact]
    public async Task a_judge_sees_the_entry_saves_a_draft_then_submits_and_the_worklist_follows()
    {
        var (world, judge, entry, _) = await OneJudgeOneEntry();
        var session = world.SessionOf(judge);

        var list = await Worklist(session);
        var round = Assert.Single(list.Rounds);
        Assert.Equal((1, 0, 0, false), (round.Assigned, round.Drafts, round.Submitted, round.Locked));
        Assert.Equal(SheetStatus.NotStarted, round.Entries.Single().Status);
        var screen = await (await app.Send(HttpMethod.Get, world.Scoring(entry), session)).Read<ScoringEntryView>();
        Assert.StartsWith("Mô hình số", screen.Title);
        Assert.Equal(["NOVELTY", "SCIENCE"], screen.Criteria.Select(criterion => criterion.Code));
        Assert.Equal(30m, screen.Maximum);
        Assert.Equal(["https://video.example/robot-gap-bong"], screen.VideoLinks);

        var draft = await app.Draft(world, judge, entry, new { scores = new[] { new { code = "novelty", value = 7.5m } }, comment = "  Ý tưởng hay " });
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        var drafted = await draft.Read<ScoreSheetView>();
        Assert.Equal((SheetStatus.Draft, "Ý tưởng hay", 1L), (drafted.Status, drafted.Comment, drafted.Version));
        Assert.Equal(1, (await Worklist(session)).Rounds[0].Drafts);

        var submitted = await (await app.SubmitScore(world, judge, entry, Sheet(7.5m, 8m, "Ý tưởng hay"))).Read<ScoreSheetView>();

        Assert.Equal((SheetStatus.Submitted, 23m, 2L), (submitted.Status, submitted.Total, submitted.Version));
        var after = (await Worklist(session)).Rounds[0];
        Assert.Equal((0, 1), (after.Drafts, after.Submitted));
        Assert.Equal(23m, after.Entries[0].Total);
    }

    [Fact]
    public async Task a_judge_not_assigned_the_entry_can_neither_see_nor_score_it()
    {
        var (world, _, entry, other) = await OneJudgeOneEntry();
        var session = world.SessionOf(other);

        var read = await app.Send(HttpMethod.Get, world.Scoring(entry), session);
        var draft = await app.Draft(world, other, entry, Sheet(5m, 5m));
        var submit = await app.SubmitScore(world, other, entry, Sheet(5m, 5m));
        var made = await app.Submit(world.Contest.Entry(Guid.NewGuid()), session, 0);

        foreach (var refused in new[] { read, draft, submit })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("entry-not-assigned", await refused.Code());
        }

        Assert.DoesNotContain((await Worklist(session)).Rounds.SelectMany(round => round.Entries), item => item.EntryId == entry);
        Assert.Equal(HttpStatusCode.Forbidden, made.StatusCode);
        Assert.Equal(0, await EventsOf(world, entry, other.Id));
    }

    [Fact]
    public async Task only_a_judge_assigned_the_entry_downloads_its_files()
    {
        var (world, judge, entry, other) = await OneJudgeOneEntry();
        var team = world.Teams.Single(candidate => world.EntryOf(candidate) == entry);
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        var revised = await app.Submit(world.Contest.Entry(team.Id), team.Session, 1, title: "Mô hình có ảnh", files: [("anh-mo-hinh.png", png)]);
        Assert.Equal(HttpStatusCode.Created, revised.StatusCode);

        var screen = await (await app.Send(HttpMethod.Get, world.Scoring(entry), world.SessionOf(judge))).Read<ScoringEntryView>();
        var file = Assert.Single(screen.Files);
        var mine = await app.Send(HttpMethod.Get, file.DownloadUrl, world.SessionOf(judge));
        var notMine = await app.Send(HttpMethod.Get, file.DownloadUrl, world.SessionOf(other));

        Assert.Equal(("Mô hình có ảnh", HttpStatusCode.OK), (screen.Title, mine.StatusCode));
        Assert.Equal(png, await mine.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Forbidden, notMine.StatusCode);
    }

    [Fact]
    public async Task a_resent_score_is_stored_once_and_a_reused_key_with_another_sheet_is_refused()
    {
        var (world, judge, entry, _) = await OneJudgeOneEntry();
        var key = Guid.NewGuid().ToString();

        var first = await app.SubmitScore(world, judge, entry, Sheet(6m, 6m), key);
        var again = await app.SubmitScore(world, judge, entry, new { scores = new[] { new { code = "SCIENCE", value = 6.0m }, new { code = "NOVELTY", value = 6m } } }, key);
        var other = await app.SubmitScore(world, judge, entry, Sheet(9m, 9m), key);
        var draftWithKey = await app.Draft(world, judge, entry, Sheet(6m, 6m), key);
        var noKey = await app.Score(HttpMethod.Post, $"{world.Scoring(entry)}/submit", world.SessionOf(judge), Sheet(6m, 6m), key: null);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "idempotency-key-reused"), (other.StatusCode, await other.Code()));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "idempotency-key-reused"), (draftWithKey.StatusCode, await draftWithKey.Code()));
        Assert.Equal((HttpStatusCode.BadRequest, "idempotency-key-required"), (noKey.StatusCode, await noKey.Code()));
        Assert.Equal(1, await EventsOf(world, entry, judge.Id));
    }

    [Fact]
    public async Task resends_racing_each_other_are_stored_once()
    {
        var (world, judge, entry, _) = await OneJudgeOneEntry();
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.SubmitScore(world, judge, entry, Sheet(4m, 4m), key)));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        Assert.Equal(1, await EventsOf(world, entry, judge.Id));
    }

    [Fact]
    public async Task a_sheet_off_the_rubric_is_refused_and_a_submitted_sheet_is_changed_only_by_correction()
    {
        var (world, judge, entry, _) = await OneJudgeOneEntry();

        var offStep = await app.SubmitScore(world, judge, entry, new { scores = new[] { new { code = "NOVELTY", value = 7.3m }, new { code = "USE", value = 1m } } });
        var problem = await offStep.Read<ProblemBody>();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, offStep.StatusCode);
        Assert.Equal(["score-off-step"], problem.Rules!["scores.NOVELTY"]);
        Assert.Equal(["score-not-in-rubric"], problem.Rules!["scores.USE"]);
        Assert.Equal(["score-missing"], problem.Rules!["scores.SCIENCE"]);
        var tooHigh = await app.Draft(world, judge, entry, Sheet(11m, 0m));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooHigh.StatusCode);

        await app.SubmitScore(world, judge, entry, Sheet(5m, 5m));
        var twice = await app.SubmitScore(world, judge, entry, Sheet(6m, 6m));
        var draftAfter = await app.Draft(world, judge, entry, Sheet(6m, 6m));

        Assert.Equal((HttpStatusCode.Conflict, "sheet-already-submitted"), (twice.StatusCode, await twice.Code()));
        Assert.Equal((HttpStatusCode.Conflict, "sheet-already-submitted"), (draftAfter.StatusCode, await draftAfter.Code()));
    }

    [Fact]
    public async Task a_judge_corrects_their_own_sheet_while_open_but_not_someone_elses()
    {
        var (world, judge, entry, other) = await OneJudgeOneEntry();
        var url = world.Correction(entry, judge.Id);
        var notSubmitted = await app.Score(HttpMethod.Post, url, world.SessionOf(judge), Sheet(6m, 6m), Guid.NewGuid().ToString(), "\"0\"");
        Assert.Equal((HttpStatusCode.Conflict, "sheet-not-submitted"), (notSubmitted.StatusCode, await notSubmitted.Code()));
        await app.SubmitScore(world, judge, entry, Sheet(5m, 5m));

        var noVersion = await app.Score(HttpMethod.Post, url, world.SessionOf(judge), Sheet(6m, 6m), Guid.NewGuid().ToString());
        var stale = await app.Score(HttpMethod.Post, url, world.SessionOf(judge), Sheet(6m, 6m), Guid.NewGuid().ToString(), "\"7\"");
        var byOther = await app.Score(HttpMethod.Post, url, world.SessionOf(other), Sheet(6m, 6m, reason: "Tôi nghĩ khác"), Guid.NewGuid().ToString(), "\"1\"");
        var own = await app.Score(HttpMethod.Post, url, world.SessionOf(judge), Sheet(6m, 6m), Guid.NewGuid().ToString(), "\"1\"");

        Assert.Equal(HttpStatusCode.PreconditionRequired, noVersion.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal((HttpStatusCode.Forbidden, "sheet-not-yours"), (byOther.StatusCode, await byOther.Code()));
        var corrected = await own.Read<ScoreSheetView>();
        Assert.Equal((SheetStatus.Corrected, 18m, 2L), (corrected.Status, corrected.Total, corrected.Version));
        Assert.Equal("\"2\"", own.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task of_two_corrections_from_one_version_one_succeeds_and_the_other_gets_412()
    {
        var (world, judge, entry, _) = await OneJudgeOneEntry();
        await app.SubmitScore(world, judge, entry, Sheet(5m, 5m));
        var head = world.Judges.Single(candidate => candidate.HeadJudge);
        var url = world.Correction(entry, judge.Id);

        var answers = await Task.WhenAll(
            app.Score(HttpMethod.Post, url, world.SessionOf(judge), Sheet(6m, 6m), Guid.NewGuid().ToString(), "\"1\""),
            app.Score(HttpMethod.Post, url, world.SessionOf(head), Sheet(7m, 7m, reason: "Cộng sai"), Guid.NewGuid().ToString(), "\"1\""));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], answers.Select(answer => answer.StatusCode).Order());
        Assert.Equal(2, await EventsOf(world, entry, judge.Id));
    }

    [Fact]
    public async Task after_the_lock_only_the_head_judge_or_an_organiser_corrects_and_only_with_a_reason()
    {
        var (world, judge, entry, _) = await OneJudgeOneEntry();
        await app.SubmitScore(world, judge, entry, Sheet(5m, 5m));
        var head = world.Judges.Single(candidate => candidate.HeadJudge);
        var url = world.Correction(entry, judge.Id);
        var judgingVersion = (await (await app.Get($"{world.Round}/judging", null)).ReadAsJsonAsync<RoundJudgingView>())!.Version;

        var locked = await app.Change(HttpMethod.Post, $"{world.Round}/judging/lock", new { reason = "Hết giờ chấm" }, Roles.Organiser, $"\"{judgingVersion}\"", 200);
        Assert.True((await locked.ReadAsJsonAsync<JudgingLockView>())!.Locked);

        var own = await app.Score(HttpMethod.Post, url, world.SessionOf(judge), Sheet(6m, 6m, reason: "Xem lại"), Guid.NewGuid().ToString(), "\"1\"");
        var headWithoutReason = await app.Score(HttpMethod.Post, url, world.SessionOf(head), Sheet(6m, 6m), Guid.NewGuid().ToString(), "\"1\"");
        var organiserWithoutReason = await app.Score(HttpMethod.Post, url, await app.SessionFor(Roles.Organiser), Sheet(6m, 6m), Guid.NewGuid().ToString(), "\"1\"");
        var team = await app.Score(HttpMethod.Post, url, world.Teams[0].Session, Sheet(6m, 6m, reason: "Đội xin"), Guid.NewGuid().ToString(), "\"1\"");
        Assert.Equal((HttpStatusCode.Conflict, "judging-locked-correction"), (own.StatusCode, await own.Code()));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "correction-reason-required"), (headWithoutReason.StatusCode, await headWithoutReason.Code()));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "correction-reason-required"), (organiserWithoutReason.StatusCode, await organiserWithoutReason.Code()));
        Assert.Equal(HttpStatusCode.Forbidden, team.StatusCode);

        var byHead = await app.Score(HttpMethod.Post, url, world.SessionOf(head), Sheet(6m, 6m, reason: "Cộng sai điểm"), Guid.NewGuid().ToString(), "\"1\"");
        var byOrganiser = await app.Score(HttpMethod.Post, url, await app.SessionFor(Roles.Organiser), Sheet(6.5m, 6m, reason: "Phúc khảo"), Guid.NewGuid().ToString(), "\"2\"");
        Assert.Equal(HttpStatusCode.OK, byHead.StatusCode);
        var final = await byOrganiser.Read<ScoreSheetView>();
        Assert.Equal((19m, "Phúc khảo", 3L), (final.Total, final.Reason, final.Version));
    }

    [Fact]
    public async Task a_lock_stops_drafts_and_submissions_until_an_organiser_unlocks_with_a_reason()
    {
        var (world, judge, entry, _) = await OneJudgeOneEntry();
        var lockUrl = $"{world.Round}/judging";

        await app.Change(HttpMethod.Post, $"{lockUrl}/lock", new { }, Roles.Organiser, "\"2\"", 200);
        await app.Change(HttpMethod.Post, $"{lockUrl}/lock", new { }, Roles.Organiser, "\"3\"", 409);
        var draft = await app.Draft(world, judge, entry, Sheet(5m, 5m));
        var submit = await app.SubmitScore(world, judge, entry, Sheet(5m, 5m));
        Assert.Equal((HttpStatusCode.Conflict, "judging-locked"), (draft.StatusCode, await draft.Code()));
        Assert.Equal((HttpStatusCode.Conflict, "judging-locked"), (submit.StatusCode, await submit.Code()));
        Assert.True((await Worklist(world.SessionOf(judge))).Rounds[0].Locked);

        var noReason = await app.Change(HttpMethod.Post, $"{lockUrl}/unlock", new { reason = " " }, Roles.Organiser, "\"3\"", 422);
        Assert.Equal(["unlock-reason-required"], (await noReason.Problem()).Rules!["reason"]);
        await app.Change(HttpMethod.Post, $"{lockUrl}/unlock", new { reason = "Giám khảo mất mạng" }, Roles.Organiser, "\"3\"", 200);
        await app.Change(HttpMethod.Post, $"{lockUrl}/unlock", new { reason = "Lần nữa" }, Roles.Organiser, "\"4\"", 409);

        Assert.Equal(HttpStatusCode.OK, (await app.SubmitScore(world, judge, entry, Sheet(5m, 5m))).StatusCode);
        Assert.False((await (await app.Get($"{lockUrl}/lock", Roles.Organiser)).ReadAsJsonAsync<JudgingLockView>())!.Locked);
    }

    [Fact]
    public async Task judging_locks_by_itself_when_the_schedule_says_so()
    {
        var (world, judge, entry, _) = await OneJudgeOneEntry();
        var now = app.LocalNow();
        var schedule = await app.Get($"{world.Round}/schedule", Roles.Organiser);
        var version = long.Parse(schedule.Context.Response.Headers.ETag.ToString().Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
        await app.SetSchedule(world.Contest.ContestId, world.Contest.QualifyingId, RoundScenarios.Schedule(now.AddHours(-3), now.AddHours(-2), judgingCloses: now.AddMinutes(-1)), version);

        var submit = await app.SubmitScore(world, judge, entry, Sheet(5m, 5m));

        Assert.Equal((HttpStatusCode.Conflict, "judging-locked"), (submit.StatusCode, await submit.Code()));
    }
}
