using System.Text;
using Alba;
using Contests.Api.Access;
using Contests.Api.Judging;
using Contests.Api.Tests.Judging;
using Contests.Api.Tests.Rounds;
using Contests.Api.Tests.Support;
using Contests.Domain.Import;

namespace Contests.Api.Tests.Exports;

/// <summary>The judging exports read back and compared with the organisers' results screen.</summary>
[Collection(AppCollection.Name)]
public sealed class JudgingExportsTests(AppFixture app)
{
    private const string Sheet = "THCS - Trung học cơ sở";
    private const string Formula = "=1+1";
    private const string Remark = "Ý tưởng hay, cần hoàn thiện mô hình";

    private sealed record Scenario(JudgedContest Judged, IReadOnlyList<ScoredEntry> Entries, IReadOnlyList<Guid> Judges, JudgingResultsView Results);

    /// <summary>
    /// Three THCS entries scored by two judges: Đội Sao Mai (Việt Yên) and Đội Lục Ngạn (Lục Nam) tied at 21 with equal
    /// criterion means, Đội Bình Minh (Việt Yên) last, its first judge's sheet corrected by the organisers.
    /// </summary>
    private async Task<Scenario> Judged()
    {
        var judged = await app.CreateJudgedContest();
        await app.SetUpJudging(judged);
        Guid[] judges = [(await app.AddJudge(judged, "GS. Đỗ Minh Chủ")).Id, (await app.AddJudge(judged, "ThS. Bùi Thị Lan")).Id];
        var scoring = new ScoringStreams(app, judged.Contest.Id, judged.JudgedRound);
        var entries = new List<ScoredEntry>();
        foreach (var (name, district) in new[] { ("Đội Sao Mai", "Việt Yên"), ("Đội Lục Ngạn", "Lục Nam"), ("Đội Bình Minh", "Việt Yên") })
        {
            var team = await app.RegisterTeam(judged.Contest.Id, name, district);
            entries.Add(new ScoredEntry(Api.Entries.Entry.IdFor(judged.JudgedRound, team.Id), team.Id, "THCS"));
        }

        await scoring.Assign(entries, judges);
        await scoring.Submit(entries[0], judges[0], 8, 6, Formula);
        await scoring.Submit(entries[0], judges[1], 6, 8);
        await scoring.Submit(entries[1], judges[0], 7, 7);
        await scoring.Submit(entries[1], judges[1], 7, 7, Remark);
        await scoring.Submit(entries[2], judges[0], 3, 4);
        await scoring.Correct(entries[2], judges[0], 4, 4, "Nhập nhầm điểm tính mới", new Actor("organiser", "Ban Tổ chức tỉnh", Roles.Organiser));
        await scoring.Submit(entries[2], judges[1], 5, 5);
        await scoring.Settled();
        var results = await app.Read<JudgingResultsView>($"{judged.Round}/judging/results");
        return new Scenario(judged, entries, judges, results);
    }

    private static Dictionary<string, string> Named(IReadOnlyList<string> header, IReadOnlyList<XlsxCell> row) =>
        row.ToDictionary(cell => header[Column(cell.Reference)], cell => cell.Value);

    private static int Column(string reference) => reference.TakeWhile(char.IsLetter).Aggregate(0, (index, letter) => (index * 26) + letter - 'A' + 1) - 1;

    private static List<IReadOnlyList<string>> Csv(byte[] bytes) => CsvText.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));

    [Fact]
    public async Task the_ranking_export_shows_each_division_as_the_results_screen_ranks_it_with_ties_equal()
    {
        var scenario = await Judged();
        var expected = Assert.Single(scenario.Results.Divisions).Rows;

        var package = XlsxPackage.Open(await app.Bytes(
            $"/api/contests/{scenario.Judged.Contest.Id}/exports/judging-ranking?round={scenario.Judged.JudgedRound}", await app.SessionFor(Roles.Organiser)));

        Assert.Equal([Sheet, "THPT - Trung học phổ thông"], package.Sheets.Select(sheet => sheet.Name));
        var sheet = package[Sheet];
        Assert.Equal(
            ["Vòng thi", "Hạng", "Đồng hạng", "Mã đội", "Tên đội", "Trường", "Huyện/thành phố", "Điểm", "Trung vị", "Số giám khảo",
                "Tính mới, sáng tạo (trung bình)", "Cơ sở khoa học (trung bình)"],
            sheet.Header);
        var rows = sheet.Rows.Skip(1).Select(row => Named(sheet.Header, row)).ToList();
        Assert.Equal(
            expected.Select(row => ("Vòng sơ khảo trực tuyến", Text(row.Rank), row.Tied ? "1" : "0", row.Entry.Code, row.Entry.Name, row.Entry.School, row.Entry.District,
                Text(row.Score), Text(row.Median), Text(row.JudgeCount), Text(row.CriterionMeans["NOVELTY"]), Text(row.CriterionMeans["SCIENCE"]))),
            rows.Select(row => (row["Vòng thi"], row["Hạng"], row["Đồng hạng"], row["Mã đội"], row["Tên đội"], row["Trường"], row["Huyện/thành phố"],
                row["Điểm"], row["Trung vị"], row["Số giám khảo"], row["Tính mới, sáng tạo (trung bình)"], row["Cơ sở khoa học (trung bình)"])));
        // The two teams at 21 share first place; the third is third.
        Assert.Equal([("1", "1"), ("1", "1"), ("3", "0")], rows.Select(row => (row["Hạng"], row["Đồng hạng"])));
        Assert.Equal(["Đội Bình Minh"], rows.Skip(2).Select(row => row["Tên đội"]));
        Assert.Single(package["THPT - Trung học phổ thông"].Rows); // its header only: nobody scored in THPT
    }

    [Fact]
    public async Task score_sheets_export_one_row_per_counted_sheet_with_corrections_and_a_neutralised_formula()
    {
        var scenario = await Judged();
        var organiser = await app.SessionFor(Roles.Organiser);

        var rows = Csv(await app.Bytes($"/api/contests/{scenario.Judged.Contest.Id}/exports/score-sheets?format=csv&division=THCS", organiser));

        Assert.Equal(
            ["Vòng thi", "Bảng thi", "Mã đội", "Tên đội", "Giám khảo", "Tính mới, sáng tạo", "Cơ sở khoa học", "Tổng điểm (có trọng số)", "Nhận xét", "Lần chấm",
                "Sửa lần cuối lúc", "Sửa lần cuối bởi", "Đã đính chính", "Lý do đính chính"],
            rows[0]);
        var sheets = rows.Skip(1).ToDictionary(row => (row[3], row[4]));
        Assert.Equal(6, sheets.Count);
        Assert.Equal(
            ["Vòng sơ khảo trực tuyến", "THCS", "8", "6", "22", "'" + Formula, "1", "Giám khảo", "False", ""],
            Pick(sheets[("Đội Sao Mai", "GS. Đỗ Minh Chủ")], 0, 1, 5, 6, 7, 8, 9, 11, 12, 13));
        Assert.Equal(Remark, sheets[("Đội Lục Ngạn", "ThS. Bùi Thị Lan")][8]);
        Assert.Equal(
            ["4", "4", "12", "", "2", "Ban Tổ chức tỉnh", "True", "Nhập nhầm điểm tính mới"],
            Pick(sheets[("Đội Bình Minh", "GS. Đỗ Minh Chủ")], 5, 6, 7, 8, 9, 11, 12, 13));
        Assert.Matches(@"^\d\d/\d\d/\d{4} \d\d:\d\d$", sheets[("Đội Bình Minh", "GS. Đỗ Minh Chủ")][10]);
        // Each entry's judges' totals average to the score the results screen shows.
        Assert.All(Assert.Single(scenario.Results.Divisions).Rows, row => Assert.Equal(
            row.Score,
            rows.Skip(1).Where(sheet => sheet[2] == row.Entry.Code).Average(sheet => decimal.Parse(sheet[7], System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task a_district_organiser_gets_their_districts_ranking_rows_and_no_score_sheets()
    {
        var scenario = await Judged();
        var email = $"xep-hang-{Guid.NewGuid():N}@test.example";
        await app.Host.Scenario(request =>
        {
            request.Post.Json(new { email, displayName = "Ban Tổ chức Việt Yên", password = "mat-khau-viet-yen", district = "Việt Yên" }).ToUrl("/api/access/organisers");
            app.SessionFor(Roles.Organiser).Result.Apply(request);
            request.StatusCodeShouldBe(201);
        });
        var vietYen = await app.SignInOrganiser(email, "mat-khau-viet-yen");

        var ranking = Csv(await app.Bytes($"/api/contests/{scenario.Judged.Contest.Id}/exports/judging-ranking?format=csv", vietYen));
        using var sheets = await app.Get($"/api/contests/{scenario.Judged.Contest.Id}/exports/score-sheets", vietYen);

        Assert.Equal([("1", "Đội Sao Mai", "Việt Yên"), ("3", "Đội Bình Minh", "Việt Yên")], ranking.Skip(1).Where(row => row.Count > 1 && row[0] != "Vòng thi").Select(row => (row[1], row[4], row[6])));
        Assert.Equal(403, (int)sheets.StatusCode);
    }

    private static string Text(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Pick(IReadOnlyList<string> row, params int[] columns) => [.. columns.Select(column => row[column])];
}
