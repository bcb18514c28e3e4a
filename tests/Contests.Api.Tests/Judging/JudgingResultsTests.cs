using Contests.Api.Access;
using Contests.Api.Judging;
using Contests.Api.Tests.Support;
using Contests.Domain.Judging;

namespace Contests.Api.Tests.Judging;

[Collection(AppCollection.Name)]
public sealed class JudgingResultsTests(AppFixture app)
{
    private async Task<(JudgedContest Judged, ScoringStreams Scoring, Guid[] Judges)> Round(object? settings = null)
    {
        var judged = await app.CreateJudgedContest();
        await app.SetUpJudging(judged, settings);
        var judges = new[]
        {
            (await app.AddJudge(judged, "GS. Đỗ Minh Chủ")).Id,
            (await app.AddJudge(judged, "ThS. Bùi Thị Lan")).Id,
            (await app.AddJudge(judged, "TS. Hà Văn Cường")).Id,
        };
        return (judged, new ScoringStreams(app, judged.Contest.Id, judged.JudgedRound), judges);
    }

    [Theory]
    [InlineData("Mean", 19.0, 18.0)]
    [InlineData("Median", 20.0, 18.0)]
    [InlineData("TrimmedMean", 20.0, 18.0)]
    public async Task each_method_turns_the_judges_totals_into_the_entrys_result(string method, double first, double second)
    {
        var (judged, scoring, judges) = await Round(new { method });
        var entries = await scoring.Entries(2);
        await scoring.Assign(entries, judges);
        // Totals (2 × novelty + science): 10, 20, 27 for the first entry; 18 from every judge for the second.
        await scoring.Submit(entries[0], judges[0], 3, 4);
        await scoring.Submit(entries[0], judges[1], 7, 6);
        await scoring.Submit(entries[0], judges[2], 9, 9);
        foreach (var judge in judges)
        {
            await scoring.Submit(entries[1], judge, 6, 6);
        }

        await scoring.Settled();
        var results = await app.Read<JudgingResultsView>($"{judged.Round}/judging/results");

        var division = Assert.Single(results.Divisions);
        Assert.Equal(("THCS", "Trung học cơ sở", 30m), (division.Division, division.DivisionName, division.Maximum));
        Assert.Equal(
            [(1, (decimal)first, entries[0].EntryId, 3), (2, (decimal)second, entries[1].EntryId, 3)],
            division.Rows.Select(row => (row.Rank, row.Score, row.Entry.EntryId, row.JudgeCount)));
        Assert.Equal("Đội A", division.Rows[0].Entry.Name);
        Assert.Equal(19m / 3, division.Rows[0].CriterionMeans["NOVELTY"]);
    }

    [Fact]
    public async Task the_standardised_mean_rescales_each_judges_totals_before_averaging()
    {
        var (judged, scoring, judges) = await Round(new { method = "StandardisedMean" });
        var entries = await scoring.Entries(3);
        await scoring.Assign(entries, judges[0], judges[1]);
        // A severe judge and a lenient one who agree on the order: standardised, their scores coincide.
        decimal[][] values = [[2, 2, 4], [3, 3, 5], [4, 4, 6]];
        for (var index = 0; index < entries.Count; index++)
        {
            await scoring.Submit(entries[index], judges[0], values[index][0], values[index][1]);
            await scoring.Submit(entries[index], judges[1], values[index][2] + 3, values[index][1] + 2);
        }

        await scoring.Settled();
        var results = await app.Read<JudgingResultsView>($"{judged.Round}/judging/results");

        var totals = entries.SelectMany((entry, index) => new[]
        {
            new JudgeTotal(entry.EntryId, judges[0], (2 * values[index][0]) + values[index][1]),
            new JudgeTotal(entry.EntryId, judges[1], (2 * (values[index][2] + 3)) + values[index][1] + 2),
        }).ToList();
        var expected = Aggregation.Aggregate(totals, AggregationMethod.StandardisedMean, new ScoreRange(0, 30)).ToDictionary(result => result.EntryId, result => result.Score);
        var rows = Assert.Single(results.Divisions).Rows;
        Assert.Equal([entries[2].EntryId, entries[1].EntryId, entries[0].EntryId], rows.Select(row => row.Entry.EntryId));
        Assert.All(rows, row => Assert.Equal(expected[row.Entry.EntryId], row.Score));
        Assert.Equal(15m, rows[1].Score);
    }

    [Fact]
    public async Task a_correction_replaces_the_earlier_sheet_in_the_result_and_the_history_keeps_both()
    {
        var (judged, scoring, judges) = await Round();
        var entry = (await scoring.Entries(1))[0];
        await scoring.Assign([entry], judges[0], judges[1]);
        await scoring.Submit(entry, judges[0], 5, 5, "Mô hình gọn");
        await scoring.Submit(entry, judges[1], 8, 8);
        var headJudge = new Actor("head", "GS. Đỗ Minh Chủ", Roles.HeadJudge);
        await scoring.Correct(entry, judges[0], 8, 6, "Nhập nhầm điểm tính mới", headJudge);

        await scoring.Settled();
        var row = Assert.Single(Assert.Single((await app.Read<JudgingResultsView>($"{judged.Round}/judging/results")).Divisions).Rows);
        Assert.Equal((22m + 24m) / 2, row.Score);

        var history = await app.Read<EntryHistoryView>($"{judged.Round}/judging/entries/{entry.EntryId}/history");
        Assert.Equal(entry.TeamId, history.Entry.TeamId);
        var sheet = history.Sheets.Single(sheet => sheet.Judge.JudgeId == judges[0]);
        Assert.Equal("GS. Đỗ Minh Chủ", sheet.Judge.Name);
        Assert.Equal(
            [(1, false, 15m, (string?)null, "Giám khảo"), (2, true, 22m, "Nhập nhầm điểm tính mới", "GS. Đỗ Minh Chủ")],
            sheet.Versions.Select(version => (version.Number, version.Correction, version.Total, version.Reason, version.By.Name)));
        Assert.Equal("Mô hình gọn", sheet.Versions[0].Comment);
        Assert.True(sheet.Versions[1].At > sheet.Versions[0].At);
        Assert.Equal(2, history.Sheets.Count);
    }

    [Fact]
    public async Task entries_with_equal_results_share_a_rank_unless_a_tie_break_separates_them()
    {
        var (judged, scoring, judges) = await Round();
        var entries = await scoring.Entries(3);
        await scoring.Assign(entries, judges[0], judges[1]);
        // Both tied entries total 24 and 24 → 24; the first scores higher on novelty.
        await scoring.Submit(entries[0], judges[0], 9, 6);
        await scoring.Submit(entries[0], judges[1], 9, 6);
        await scoring.Submit(entries[1], judges[0], 8, 8);
        await scoring.Submit(entries[1], judges[1], 8, 8);
        await scoring.Submit(entries[2], judges[0], 5, 5);
        await scoring.Submit(entries[2], judges[1], 5, 5);
        await scoring.Settled();

        var tied = Assert.Single((await app.Read<JudgingResultsView>($"{judged.Round}/judging/results")).Divisions).Rows;
        Assert.Equal([(1, true), (1, true), (3, false)], tied.Select(row => (row.Rank, row.Tied)));
        Assert.Equal(entries[2].EntryId, tied[2].Entry.EntryId);

        await app.Change(HttpMethod.Put, $"{judged.Round}/judging/settings", new { method = "Mean", tieBreaks = new[] { new { kind = "HigherCriterion", criterion = "NOVELTY" } } }, Roles.Organiser, "\"2\"", 200);
        var separated = Assert.Single((await app.Read<JudgingResultsView>($"{judged.Round}/judging/results")).Divisions).Rows;
        Assert.Equal([(1, false, entries[0].EntryId), (2, false, entries[1].EntryId), (3, false, entries[2].EntryId)], separated.Select(row => (row.Rank, row.Tied, row.Entry.EntryId)));
        Assert.Equal(new TieBreakRule(TieBreakKind.HigherCriterion, "NOVELTY"), separated[0].DecidedBy);
    }

    [Fact]
    public async Task the_organisers_order_settles_a_tie_the_rules_leave_and_is_refused_when_it_names_entries_not_scored_there()
    {
        var (judged, scoring, judges) = await Round(new { method = "Mean", tieBreaks = new[] { new { kind = "OrganiserDecision" } } });
        var entries = await scoring.Entries(3);
        await scoring.Assign(entries, judges[0]);
        foreach (var entry in entries)
        {
            await scoring.Submit(entry, judges[0], 7, 7);
        }

        await scoring.Settled();
        var orders = $"{judged.Round}/judging/tie-orders";
        Guid[] decided = [entries[2].EntryId, entries[0].EntryId, entries[1].EntryId];
        var unknown = await (await app.Change(HttpMethod.Put, $"{orders}/THCS", new { entryIds = new[] { entries[0].EntryId, Guid.NewGuid() } }, Roles.Organiser, "\"0\"", 422)).Problem();
        Assert.Equal(["tie-order-entry-unknown"], unknown.Rules!["entryIds"]);
        await app.Change(HttpMethod.Put, $"{orders}/THPT", new { entryIds = decided }, Roles.Organiser, "\"0\"", 422);
        await app.Change(HttpMethod.Put, $"{orders}/thcs", new { entryIds = decided, reason = "Bốc thăm trước Hội đồng" }, Roles.Organiser, "\"0\"", 200);
        await app.Change(HttpMethod.Put, $"{orders}/THCS", new { entryIds = decided }, Roles.Organiser, "\"0\"", 412);
        foreach (var role in JudgingApi.NotOrganisers)
        {
            await app.Change(HttpMethod.Put, $"{orders}/THCS", new { entryIds = decided }, role, "\"1\"", 403);
        }

        await scoring.Settled();
        var rows = Assert.Single((await app.Read<JudgingResultsView>($"{judged.Round}/judging/results")).Divisions).Rows;
        Assert.Equal(decided.Select((entryId, index) => (index + 1, entryId, false)), rows.Select(row => (row.Rank, row.Entry.EntryId, row.Tied)));
        Assert.All(rows, row => Assert.Equal(TieBreakKind.OrganiserDecision, row.DecidedBy!.Kind));
    }

    [Fact]
    public async Task progress_counts_scored_of_assigned_per_panel_and_judge_and_lists_entries_missing_scores()
    {
        var (judged, scoring, judges) = await Round();
        var panel = await app.CreatePanel(judged, "Hội đồng THCS", ["THCS"], judges);
        var entries = await scoring.Entries(3);
        await scoring.Assign(entries, judges);
        foreach (var judge in judges)
        {
            await scoring.Submit(entries[0], judge, 5, 5);
        }

        await scoring.Submit(entries[1], judges[0], 5, 5);
        await scoring.Submit(entries[1], judges[2], 5, 5);
        await scoring.Settled();

        var progress = await app.Read<JudgingProgressView>($"{judged.Round}/judging/progress");

        Assert.Equal((5, 9), (progress.Scored, progress.Assigned));
        var panelProgress = Assert.Single(progress.Panels);
        Assert.Equal((panel.Id, 5, 9), (panelProgress.PanelId, panelProgress.Scored, panelProgress.Assigned));
        Assert.Equal(
            [("GS. Đỗ Minh Chủ", 2, 3), ("TS. Hà Văn Cường", 2, 3), ("ThS. Bùi Thị Lan", 1, 3)],
            progress.Judges.Select(judge => (judge.Name, judge.Scored, judge.Assigned)).OrderBy(judge => judge.Name, StringComparer.Ordinal));
        Assert.Equal(
            [(entries[2].EntryId, 0, 3), (entries[1].EntryId, 2, 3)],
            progress.Missing.Select(missing => (missing.Entry.EntryId, missing.Scored, missing.Assigned)));
        Assert.Equal(["ThS. Bùi Thị Lan"], progress.Missing[1].MissingJudges.Select(judge => judge.Name));
    }

    [Fact]
    public async Task a_judge_relieved_of_an_entry_no_longer_counts_there_but_their_sheet_stays_in_the_history()
    {
        var (judged, scoring, judges) = await Round();
        var entry = (await scoring.Entries(1))[0];
        await scoring.Assign([entry], judges[0], judges[1]);
        await scoring.Submit(entry, judges[0], 10, 10);
        await scoring.Submit(entry, judges[1], 5, 5);
        await scoring.Relieve(entry, judges[0]);
        await scoring.Settled();

        var row = Assert.Single(Assert.Single((await app.Read<JudgingResultsView>($"{judged.Round}/judging/results")).Divisions).Rows);
        Assert.Equal((15m, 1), (row.Score, row.JudgeCount));
        var history = await app.Read<EntryHistoryView>($"{judged.Round}/judging/entries/{entry.EntryId}/history");
        Assert.Equal([(judges[0], false), (judges[1], true)], history.Sheets.Select(sheet => (sheet.Judge.JudgeId, sheet.Counted)).OrderBy(sheet => sheet.Item1 == judges[1]));
    }

    [Fact]
    public async Task a_judge_far_below_the_others_is_flagged_as_an_outlier()
    {
        var (judged, scoring, judges) = await Round();
        var entries = await scoring.Entries(4);
        await scoring.Assign(entries, judges);
        for (var index = 0; index < entries.Count; index++)
        {
            await scoring.Submit(entries[index], judges[0], 2 + index, 2);
            await scoring.Submit(entries[index], judges[1], 6 + index, 7);
            await scoring.Submit(entries[index], judges[2], 6 + index, 8);
        }

        await scoring.Settled();
        var outliers = await app.Read<OutliersView>($"{judged.Round}/judging/outliers");

        var severe = outliers.Judges[0];
        Assert.Equal((judges[0], true, 4, "THCS"), (severe.JudgeId, severe.Outlier, severe.Compared, severe.Division));
        Assert.True(severe.MeanDeviation < 0);
        Assert.All(outliers.Judges.Skip(1), judge => Assert.False(judge.Outlier));
    }

    [Fact]
    public async Task side_by_side_shows_each_judges_scores_per_criterion_and_total_for_every_entry()
    {
        var (judged, scoring, judges) = await Round();
        var entries = await scoring.Entries(2);
        await scoring.Assign(entries, judges[0], judges[1]);
        await scoring.Submit(entries[0], judges[0], 6, 4);
        await scoring.Submit(entries[0], judges[1], 8, 6);
        await scoring.Submit(entries[1], judges[0], 9, 9);
        await scoring.Settled();

        var matrix = await app.Read<SideBySideView>($"{judged.Round}/judging/side-by-side?division=thcs");

        Assert.Equal("THCS", matrix.Division);
        Assert.Equal(["NOVELTY", "SCIENCE"], matrix.Criteria);
        Assert.Equal(["GS. Đỗ Minh Chủ", "ThS. Bùi Thị Lan"], matrix.Judges.Select(judge => judge.Name));
        Assert.Equal([entries[1].EntryId, entries[0].EntryId], matrix.Rows.Select(row => row.Entry.EntryId));
        var first = matrix.Rows[1];
        Assert.Equal(19m, first.Score);
        Assert.Equal([16m, 22m], first.Cells.Select(cell => cell.Total!.Value));
        Assert.Equal(8m, first.Cells[1].Scores!["NOVELTY"]);
        var missing = matrix.Rows[0].Cells[1];
        Assert.Equal((true, (decimal?)null), (missing.Assigned, missing.Total));
    }

    [Theory]
    [InlineData(Roles.Team)]
    [InlineData(Roles.Judge)]
    [InlineData(Roles.Referee)]
    [InlineData(Roles.HeadJudge)]
    public async Task judges_teams_referees_and_head_judges_of_other_contests_may_not_read_judging(string role)
    {
        var judged = await app.CreateJudgedContest();
        foreach (var view in new[] { "results", "progress", "outliers", "side-by-side", $"entries/{Guid.NewGuid()}/history" })
        {
            await app.Get($"{judged.Round}/judging/{view}", role, 403);
        }

        await app.Get($"{judged.Round}/judging/results", null, 401);
    }

    [Fact]
    public async Task the_head_judge_of_the_contest_reads_its_judging()
    {
        var (judged, _, _) = await Round();
        var head = await app.AddJudge(judged, "PGS. Trưởng Ban", headJudge: true);
        var session = await app.SignInWithCode(await app.IssueCode(Roles.HeadJudge, head.Name, principalId: head.Id));

        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url($"{judged.Round}/judging/progress");
            session.Apply(scenario);
            scenario.StatusCodeShouldBe(200);
        });
        Assert.Equal(0, (await result.ReadAsJsonAsync<JudgingProgressView>())!.Assigned);
    }
}
