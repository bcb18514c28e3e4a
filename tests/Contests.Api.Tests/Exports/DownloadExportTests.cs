using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Alba;
using Contests.Api.Access;
using Contests.Api.Exports;
using Contests.Api.Registration;
using Contests.Api.Tests.Support;
using Contests.Domain.Import;
using Marten;
using MiniExcelLibs;

namespace Contests.Api.Tests.Exports;

/// <summary>Every export is read back (MiniExcel, the project's CSV parser, JSON) and compared with what the API shows.</summary>
[Collection(AppCollection.Name)]
public sealed class DownloadExportTests(AppFixture app)
{
    private const string FormulaName = "=HYPERLINK(\"http://x.example\",\"Bấm\")";
    private static readonly string NfdName = "Đội Nguyễn Hồng Đào".Normalize(NormalizationForm.FormD);

    private async Task<(Guid ContestId, Dictionary<string, TeamDetails> Teams)> Contest()
    {
        var contest = await app.CreateContest();
        var teams = new Dictionary<string, TeamDetails>();
        foreach (var (name, district, division) in new[]
                 {
                     (NfdName, "Việt Yên", "THCS"), (FormulaName, "Lục Nam", "THCS"), ("Anh Em Sáng Tạo", "Việt Yên", "THCS"), ("Đội Phổ Thông", "Hiệp Hòa", "THPT"),
                 })
        {
            var form = Requests.Team(name, district) with { DivisionCode = division };
            var registered = await app.Host.Scenario(scenario =>
            {
                scenario.Post.Json(form).ToUrl($"/api/contests/{contest.Id}/teams");
                scenario.StatusCodeShouldBe(201);
            });
            var team = (await registered.ReadAsJsonAsync<TeamRegistration>())!.Team;
            teams[team.Name] = await Details(contest.Id, team.Id);
        }

        return (contest.Id, teams);
    }

    private async Task<TeamDetails> Details(Guid contestId, Guid teamId)
    {
        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url($"/api/contests/{contestId}/teams/{teamId}");
            app.SessionFor(Roles.Organiser).Result.Apply(scenario);
        });
        return (await result.ReadAsJsonAsync<TeamDetails>())!;
    }

    private static List<Dictionary<string, object?>> Sheet(byte[] xlsx, string sheet)
    {
        using var stream = new MemoryStream(xlsx);
        return stream.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().Select(row => new Dictionary<string, object?>(row)).ToList();
    }

    private static List<IReadOnlyList<string>> Csv(byte[] bytes)
    {
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        return CsvText.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    [Fact]
    public async Task teams_export_to_xlsx_with_a_sheet_per_division_and_reads_back_as_registered()
    {
        var (contestId, teams) = await Contest();
        var organiser = await app.SessionFor(Roles.Organiser);

        var xlsx = await app.Bytes($"/api/contests/{contestId}/exports/registrations-teams?format=xlsx", organiser);

        using (var stream = new MemoryStream(xlsx))
        {
            Assert.Equal(["THCS - Trung học cơ sở", "THPT - Trung học phổ thông"], stream.GetSheetNames());
        }

        var lower = Sheet(xlsx, "THCS - Trung học cơ sở");
        Assert.Equal(["Mã đội", "Tên đội", "Trường", "Huyện/thành phố", "Bảng thi", "Trạng thái"], lower[0].Keys.Take(6));
        // Lục Nam before Việt Yên, and within Việt Yên "Anh Em…" before "Đội…": Vietnamese order by district, then name.
        var nfc = NfdName.Normalize(NormalizationForm.FormC);
        Assert.Equal(["'" + FormulaName, "Anh Em Sáng Tạo", nfc], lower.Select(row => row["Tên đội"]));
        var expected = teams[nfc];
        var row = lower.Single(item => (string?)item["Tên đội"] == nfc);
        Assert.Equal(
            (expected.Code, expected.Details.School, "Việt Yên", "THCS", "Chờ duyệt", "Nguyễn Văn An; Trần Thị Bình", "Lê Thu Hà", expected.Details.ContactPhone),
            ((string)row["Mã đội"]!, (string)row["Trường"]!, (string)row["Huyện/thành phố"]!, (string)row["Bảng thi"]!, (string)row["Trạng thái"]!,
                (string)row["Thành viên"]!, (string)row["Người hướng dẫn"]!, (string)row["Điện thoại liên hệ"]!));
        Assert.Equal(2d, row["Số thành viên"]);
        Assert.Equal(Domain.VietnamTime.ToLocal(expected.RegisteredAt), (DateTime)row["Thời điểm đăng ký"]!, TimeSpan.FromSeconds(1));
        Assert.Equal(["Đội Phổ Thông"], Sheet(xlsx, "THPT - Trung học phổ thông").Select(item => item["Tên đội"]));
    }

    [Fact]
    public async Task the_xlsx_header_row_is_frozen_and_columns_have_widths()
    {
        var (contestId, _) = await Contest();

        var xlsx = await app.Bytes($"/api/contests/{contestId}/exports/registrations-people", await app.SessionFor(Roles.Organiser));

        using var zip = new ZipArchive(new MemoryStream(xlsx));
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var sheet = await reader.ReadToEndAsync();
        Assert.Contains("state=\"frozen\"", sheet, StringComparison.Ordinal);
        Assert.Contains("ySplit=\"1\"", sheet, StringComparison.Ordinal);
        Assert.Contains("customWidth=\"1\"", sheet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task every_export_downloads_as_a_valid_xlsx_with_its_header_row_and_typed_cells()
    {
        var (contestId, _) = await Contest();
        var organiser = await app.SessionFor(Roles.Organiser);

        foreach (var export in ExportCatalogue.All)
        {
            var package = XlsxPackage.Open(await app.Bytes($"/api/contests/{contestId}/exports/{export.Key}?format=xlsx", organiser));

            Assert.NotEmpty(package.Sheets);
            Assert.All(package.Sheets, sheet => Assert.All(sheet.Rows[0], cell => Assert.Equal(("inlineStr", 1), (cell.Type, cell.Style))));
        }

        var teams = XlsxPackage.Open(await app.Bytes($"/api/contests/{contestId}/exports/registrations-teams", organiser))["THCS - Trung học cơ sở"];
        var nfc = NfdName.Normalize(NormalizationForm.FormC);
        Assert.Equal(["Mã đội", "Tên đội", "Trường"], teams.Header.Take(3));
        Assert.Equal(["'" + FormulaName, "Anh Em Sáng Tạo", nfc], teams.Rows.Skip(1).Select(row => row.Single(cell => cell.Reference.StartsWith('B')).Value));
        Assert.All(teams.Rows.Skip(1), row => Assert.Equal((null, "2"), row.Where(cell => cell.Reference.StartsWith('H')).Select(cell => (cell.Type, cell.Value)).Single()));
        Assert.All(teams.Rows.Skip(1), row => Assert.Equal((null, 3), row.Where(cell => cell.Reference.StartsWith('N')).Select(cell => (cell.Type, cell.Style)).Single()));
    }

    [Fact]
    public async Task people_export_to_csv_with_a_bom_one_row_per_member_and_mentor()
    {
        var (contestId, teams) = await Contest();

        var rows = Csv(await app.Bytes($"/api/contests/{contestId}/exports/registrations-people?format=csv", await app.SessionFor(Roles.Organiser)));

        Assert.Equal(["Mã đội", "Tên đội", "Trường", "Huyện/thành phố", "Bảng thi", "Vai trò", "STT trong đội", "Họ và tên", "Ngày sinh", "Lớp", "Giới tính", "Điện thoại", "Email", "Trạng thái đội"], rows[0]);
        Assert.Equal(teams.Count * 3, rows.Count - 1);
        var nfc = NfdName.Normalize(NormalizationForm.FormC);
        var team = teams[nfc];
        var people = rows.Skip(1).Where(row => row[1] == nfc).ToList();
        Assert.Equal(
            [
                [team.Code, nfc, "Trường THCS Nguyễn Khắc Nhu", "Việt Yên", "THCS", "Thành viên", "1", "Nguyễn Văn An", team.Details.Members![0].DateOfBirth!.Value.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), "8", "Nam", "", "", "Chờ duyệt"],
                [team.Code, nfc, "Trường THCS Nguyễn Khắc Nhu", "Việt Yên", "THCS", "Thành viên", "2", "Trần Thị Bình", "", "8", "", "0987654321", "", "Chờ duyệt"],
                [team.Code, nfc, "Trường THCS Nguyễn Khắc Nhu", "Việt Yên", "THCS", "Người hướng dẫn", "1", "Lê Thu Hà", "", "", "", "0977123456", "ha.le@thcs.edu.vn", "Chờ duyệt"],
            ],
            people);
        Assert.Equal(3, rows.Count(row => row[1] == "'" + FormulaName));
    }

    [Fact]
    public async Task teams_export_to_json_with_exact_values()
    {
        var (contestId, teams) = await Contest();

        var json = await app.Bytes($"/api/contests/{contestId}/exports/registrations-teams?format=json", await app.SessionFor(Roles.Organiser));

        using var document = JsonDocument.Parse(json);
        var rows = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(teams.Count, rows.Count);
        var formula = rows.Single(row => row.GetProperty("name").GetString() == FormulaName);
        Assert.Equal(teams[FormulaName].Code, formula.GetProperty("code").GetString());
        Assert.Equal(2, formula.GetProperty("members").GetInt32());
        Assert.Equal(teams[FormulaName].RegisteredAt, formula.GetProperty("registeredAt").GetDateTimeOffset());
        Assert.Contains(rows, row => row.GetProperty("name").GetString() == NfdName.Normalize(NormalizationForm.FormC));
    }

    [Fact]
    public async Task the_district_summary_counts_teams_people_approvals_and_nominations()
    {
        var (contestId, teams) = await Contest();
        var organiser = await app.SessionFor(Roles.Organiser);
        var approved = teams["Anh Em Sáng Tạo"];
        await app.Change(HttpMethod.Post, $"/api/contests/{contestId}/teams/{approved.Id}/approve", new { }, Roles.Organiser, "\"1\"", 200);
        await app.Change(HttpMethod.Post, $"/api/contests/{contestId}/teams/{approved.Id}/nomination", null, Roles.Organiser, "\"2\"", 200);

        var rows = Csv(await app.Bytes($"/api/contests/{contestId}/exports/district-summary?format=csv", organiser));

        Assert.Equal(["Huyện/thành phố", "Số đội đăng ký", "Số thành viên và người hướng dẫn", "Số đội đã duyệt", "Số đội được đề cử"], rows[0].Take(5));
        Assert.Equal(12, rows.Count);
        Assert.Equal(["Việt Yên", "2", "6", "1", "1"], rows.Single(row => row[0] == "Việt Yên").Take(5));
        Assert.Equal(["Sơn Động", "0", "0", "0", "0"], rows.Single(row => row[0] == "Sơn Động").Take(5));
        Assert.Equal([DistrictSummaryExport.TotalRow, "4", "12", "1", "1"], rows[^1].Take(5));
        // Nothing submitted, advanced or awarded yet.
        Assert.All(rows.Skip(1), row => Assert.All(row.Skip(5), count => Assert.Equal("0", count)));
    }

    [Fact]
    public async Task the_audit_trail_has_every_event_of_the_contest_with_who_and_why()
    {
        var (contestId, teams) = await Contest();
        var returned = teams["Đội Phổ Thông"];
        await app.Change(HttpMethod.Post, $"/api/contests/{contestId}/teams/{returned.Id}/return", new { reason = "Thiếu =ảnh thẻ học sinh" }, Roles.Organiser, "\"1\"", 200);
        var organiser = await app.SessionFor(Roles.Organiser);

        var audit = Sheet(await app.Bytes($"/api/contests/{contestId}/exports/audit-trail", organiser), "Nhật ký");

        Assert.Equal("contest created", audit[0]["Sự kiện"]);
        Assert.Equal(4, audit.Count(row => (string?)row["Sự kiện"] == "team registered"));
        var returnRow = audit.Single(row => (string?)row["Sự kiện"] == "team returned");
        Assert.Equal(("Organiser thử", "Organiser", $"Đội {returned.Code} Đội Phổ Thông", "Thiếu =ảnh thẻ học sinh"),
            ((string)returnRow["Người thực hiện"]!, (string)returnRow["Vai trò"]!, (string)returnRow["Đối tượng"]!, (string)returnRow["Lý do"]!));
        Assert.Equal("export downloaded", audit[^1]["Sự kiện"]);
        Assert.Contains("\"export\":\"audit-trail\"", (string)audit[^1]["Dữ liệu"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task every_download_is_recorded_with_who_what_and_when()
    {
        var (contestId, _) = await Contest();
        var organiser = await app.SessionFor(Roles.Organiser);

        await app.Bytes($"/api/contests/{contestId}/exports/registrations-people?format=json&division=thcs", organiser);

        await using var session = app.QuerySession();
        var logged = (await session.Events.FetchStreamAsync(ExportLog.StreamFor(contestId))).Select(entry => entry.Data).OfType<ExportDownloaded>().Single();
        Assert.Equal(
            ("registrations-people", ExportFormat.Json, (string?)null, "THCS", "Organiser thử", app.Clock.GetUtcNow()),
            (logged.Export, logged.Format, logged.District, logged.DivisionCode, logged.DownloadedBy.Name, logged.DownloadedAt));
    }

    [Fact]
    public async Task a_district_organiser_exports_their_own_districts_rows_only()
    {
        var (contestId, _) = await Contest();
        var email = $"xuat-{Guid.NewGuid():N}@test.example";
        await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(new { email, displayName = "Ban Tổ chức Việt Yên", password = "mat-khau-viet-yen", district = "Việt Yên" }).ToUrl("/api/access/organisers");
            app.SessionFor(Roles.Organiser).Result.Apply(scenario);
            scenario.StatusCodeShouldBe(201);
        });
        var vietYen = await app.SignInOrganiser(email, "mat-khau-viet-yen");

        var teams = Csv(await app.Bytes($"/api/contests/{contestId}/exports/registrations-teams?format=csv", vietYen));
        var summary = Csv(await app.Bytes($"/api/contests/{contestId}/exports/district-summary?format=csv", vietYen));
        using var audit = await app.Get($"/api/contests/{contestId}/exports/audit-trail", vietYen);
        var listed = await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url($"/api/contests/{contestId}/exports");
            vietYen.Apply(scenario);
        });

        Assert.All(teams.Skip(1), row => Assert.Equal("Việt Yên", row[3]));
        Assert.Equal(2, teams.Count - 1);
        Assert.Equal(["Việt Yên", DistrictSummaryExport.TotalRow], summary.Skip(1).Select(row => row[0]));
        Assert.Equal(403, (int)audit.StatusCode);
        Assert.DoesNotContain((await listed.ReadAsJsonAsync<ExportDescription[]>())!, export => export.WholeProvince);
    }

    [Fact]
    public async Task exports_are_for_organisers_and_refusals_name_the_problem()
    {
        var (contestId, _) = await Contest();
        var organiser = await app.SessionFor(Roles.Organiser);

        using var anonymous = await app.Get($"/api/contests/{contestId}/exports/registrations-teams", null);
        using var judge = await app.Get($"/api/contests/{contestId}/exports/registrations-teams", await app.SessionFor(Roles.Judge));
        using var team = await app.Get($"/api/contests/{contestId}/exports/registrations-teams", await app.SessionFor(Roles.Team));
        using var unknownExport = await app.Get($"/api/contests/{contestId}/exports/bang-luong", organiser);
        using var unknownContest = await app.Get($"/api/contests/{Guid.NewGuid()}/exports/registrations-teams", organiser);
        using var unknownFormat = await app.Get($"/api/contests/{contestId}/exports/registrations-teams?format=pdf", organiser);

        Assert.Equal([401, 403, 403, 404, 404, 422], new[] { anonymous, judge, team, unknownExport, unknownContest, unknownFormat }.Select(response => (int)response.StatusCode));
        var problem = JsonSerializer.Deserialize<ProblemBody>(await unknownFormat.Content.ReadAsStringAsync(), AppJson.Options)!;
        Assert.Equal(["export-format-unknown"], problem.Rules!["format"]);
    }

    [Fact]
    public async Task the_list_of_exports_names_each_with_its_formats()
    {
        var (contestId, _) = await Contest();

        var listed = await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url($"/api/contests/{contestId}/exports");
            app.SessionFor(Roles.Organiser).Result.Apply(scenario);
        });

        var exports = (await listed.ReadAsJsonAsync<ExportDescription[]>())!;
        Assert.Equal(ExportCatalogue.All.Select(export => export.Key), exports.Select(export => export.Key));
        Assert.Equal("Tổng hợp theo huyện", exports.Single(export => export.Key == "district-summary").Title);
        Assert.All(exports, export => Assert.Equal([ExportFormat.Xlsx, ExportFormat.Csv, ExportFormat.Json], export.Formats));
    }
}
