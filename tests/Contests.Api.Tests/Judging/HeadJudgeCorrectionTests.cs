using System.Net;
using Contests.Api.Access;
using Contests.Api.Judging;
using Contests.Api.Tests.Rounds;
using Contests.Api.Tests.Support;
using static Contests.Api.Tests.Judging.ScoringScenario;

namespace Contests.Api.Tests.Judging;

/// <summary>The head judge corrects another judge's sheet after the lock from what the entry's history view tells them.</summary>
[Collection(AppCollection.Name)]
public sealed class HeadJudgeCorrectionTests(AppFixture app)
{
    [Fact]
    public async Task the_history_views_sheet_version_is_the_if_match_of_a_head_judges_correction_and_a_stale_one_gets_412()
    {
        var world = await app.ScoringWorld(["Việt Yên"], [new("GK Nhập Nhầm"), new("Trưởng ban", HeadJudge: true)], judgesPerEntry: 2);
        var judge = world.Judges.Single(candidate => !candidate.HeadJudge);
        var head = world.Judges.Single(candidate => candidate.HeadJudge);
        // Both judges are assigned the one entry: with one judge per entry the plan could give it to either.
        var entry = Assert.Single(await app.EntriesOf(world, judge));
        // A draft first: the sheet's stream version (2) is then ahead of its number of submitted versions (1).
        Assert.Equal(HttpStatusCode.OK, (await app.Draft(world, judge, entry, Sheet(8m, 5m))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.SubmitScore(world, judge, entry, Sheet(8m, 5m, "Mô hình gọn"))).StatusCode);
        var judgingVersion = (await (await app.Get($"{world.Round}/judging", null)).ReadAsJsonAsync<RoundJudgingView>())!.Version;
        await app.Change(HttpMethod.Post, $"{world.Round}/judging/lock", new { reason = "Hết giờ chấm" }, Roles.Organiser, $"\"{judgingVersion}\"", 200);

        var historyUrl = $"{world.Round}/judging/entries/{entry}/history";
        var before = await (await app.Send(HttpMethod.Get, historyUrl, world.SessionOf(head))).Read<EntryHistoryView>();
        var sheet = Assert.Single(before.Sheets);
        Assert.Equal((1, 2L), (sheet.Versions.Count, sheet.Version));
        Assert.Equal(["NOVELTY", "SCIENCE"], before.Criteria.Select(criterion => criterion.Code));
        Assert.Equal(30m, before.Maximum);

        var url = world.Correction(entry, judge.Id);
        var corrected = await app.Score(
            HttpMethod.Post, url, world.SessionOf(head), Sheet(3m, 5m, "Mô hình gọn", "Giám khảo báo nhập 8 thay vì 3"), Guid.NewGuid().ToString(), $"\"{sheet.Version}\"");
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);

        var after = Assert.Single((await (await app.Send(HttpMethod.Get, historyUrl, world.SessionOf(head))).Read<EntryHistoryView>()).Sheets);
        Assert.Equal(3L, after.Version);
        Assert.Equal(
            [(1, false, 21m, (string?)null, judge.Name), (2, true, 11m, "Giám khảo báo nhập 8 thay vì 3", head.Name)],
            after.Versions.Select(version => (version.Number, version.Correction, version.Total, version.Reason, version.By.Name)));

        var stale = await app.Score(
            HttpMethod.Post, url, world.SessionOf(head), Sheet(4m, 5m, reason: "Sửa lần nữa"), Guid.NewGuid().ToString(), $"\"{sheet.Version}\"");
        Assert.Equal((HttpStatusCode.PreconditionFailed, "version-stale"), (stale.StatusCode, await stale.Code()));
    }

    [Fact]
    public async Task an_assigned_entry_without_a_sheet_is_listed_and_its_history_names_the_judges_who_owe_one()
    {
        // The head judge comes from the team's district, so the plan gives the entry to the two others and never to them.
        var world = await app.ScoringWorld(["Việt Yên"], [new("GK Một"), new("GK Hai"), new("Trưởng ban", ["Việt Yên"], HeadJudge: true)], judgesPerEntry: 2);
        var head = world.Judges.Single(candidate => candidate.HeadJudge);
        var scorers = world.Judges.Where(candidate => !candidate.HeadJudge).ToList();
        var entry = Assert.Single(await app.EntriesOf(world, scorers[0]));

        var progress = await (await app.Send(HttpMethod.Get, $"{world.Round}/judging/progress", world.SessionOf(head))).Read<JudgingProgressView>();
        var listed = Assert.Single(progress.Entries);
        Assert.Equal((entry, 0, 2), (listed.Entry.EntryId, listed.Scored, listed.Assigned));

        var historyUrl = $"{world.Round}/judging/entries/{entry}/history";
        var history = await (await app.Send(HttpMethod.Get, historyUrl, world.SessionOf(head))).Read<EntryHistoryView>();
        Assert.Empty(history.Sheets);
        Assert.Equal(scorers.Select(judge => judge.Name).Order(StringComparer.Ordinal), history.Owed.Select(judge => judge.Name).Order(StringComparer.Ordinal));

        // Once one judge submits, only the other still owes a sheet, and the list counts one of two.
        Assert.Equal(HttpStatusCode.OK, (await app.SubmitScore(world, scorers[0], entry, Sheet(8m, 5m))).StatusCode);
        history = await (await app.Send(HttpMethod.Get, historyUrl, world.SessionOf(head))).Read<EntryHistoryView>();
        Assert.Equal([scorers[1].Name], history.Owed.Select(judge => judge.Name));
        progress = await (await app.Send(HttpMethod.Get, $"{world.Round}/judging/progress", world.SessionOf(head))).Read<JudgingProgressView>();
        Assert.Equal((1, 2), (progress.Entries[0].Scored, progress.Entries[0].Assigned));

        // Both judges relieved of it: the entry stays listed (0 of 0), its sheet kept but not counted, nobody owing one.
        await app.Change(HttpMethod.Delete, $"{world.Round}/assignments/{entry}/judges/{scorers[0].Id}", null, Roles.Organiser, "\"1\"", 200);
        await app.Change(HttpMethod.Delete, $"{world.Round}/assignments/{entry}/judges/{scorers[1].Id}", null, Roles.Organiser, "\"2\"", 200);
        progress = await (await app.Send(HttpMethod.Get, $"{world.Round}/judging/progress", world.SessionOf(head))).Read<JudgingProgressView>();
        Assert.Equal((entry, 0, 0), (Assert.Single(progress.Entries).Entry.EntryId, progress.Entries[0].Scored, progress.Entries[0].Assigned));
        history = await (await app.Send(HttpMethod.Get, historyUrl, world.SessionOf(head))).Read<EntryHistoryView>();
        Assert.False(Assert.Single(history.Sheets).Counted);
        Assert.Empty(history.Owed);

        var unknown = await app.Send(HttpMethod.Get, $"{world.Round}/judging/entries/{Guid.NewGuid()}/history", world.SessionOf(head));
        Assert.Equal((HttpStatusCode.NotFound, "scored-entry-not-found"), (unknown.StatusCode, await unknown.Code()));
        var notHead = await app.Send(HttpMethod.Get, historyUrl, world.SessionOf(scorers[1]));
        Assert.Equal(HttpStatusCode.Forbidden, notHead.StatusCode);
    }
}
