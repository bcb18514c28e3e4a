using System.Net;
using System.Net.Http.Json;
using System.Text;
using Alba;
using Contests.Api.Access;
using Contests.Api.Registration;
using Contests.Api.Registration.Import;
using Contests.Api.Tests.Support;
using Marten;
using MiniExcelLibs;

namespace Contests.Api.Tests.Registration;

[Collection(AppCollection.Name)]
public sealed class ImportTeamsTests(AppFixture app)
{
    private static readonly byte[] DistrictSheet = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "danh-sach-3-huyen.csv"));

    private async Task<ImportPreview> Preview(Guid contestId, byte[] file, string fileName = "danh-sach-3-huyen.csv", string? mapping = null)
    {
        var response = await app.Upload($"/api/contests/{contestId}/imports", file, fileName, await app.SessionFor(Roles.Organiser), mapping);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ImportPreview>(AppJson.Options))!;
    }

    private async Task<IScenarioResult> Commit(Guid contestId, Guid importId, object body, int expectedStatus)
    {
        var organiser = await app.SessionFor(Roles.Organiser);
        return await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(body).ToUrl($"/api/contests/{contestId}/imports/{importId}/commit");
            organiser.Apply(scenario);
            scenario.StatusCodeShouldBe(expectedStatus);
        });
    }

    [Fact]
    public async Task the_preview_reads_a_messy_district_sheet_names_every_problem_and_writes_no_team()
    {
        var contest = await app.CreateContest();
        var preview = await Preview(contest.Id, DistrictSheet);

        Assert.Equal((5, 2, 3, 0), (preview.Teams, preview.Importable, preview.WithErrors, preview.AlreadyImported));
        var byName = preview.TeamPreviews.ToDictionary(team => team.Name);
        Assert.Equal(["Robo Hiệp Hòa", "Tia Chớp Lục Nam", "Sao Khuê", "Rồng Xanh Việt Yên", "+Plus Robotics"], preview.TeamPreviews.Select(team => team.Name));
        Assert.True(byName["Tia Chớp Lục Nam"].Name.IsNormalized(NormalizationForm.FormC));
        Assert.Equal([2, 3, 4], byName["Robo Hiệp Hòa"].Rows);
        Assert.Equal((2, 1), (byName["Robo Hiệp Hòa"].Members, byName["Robo Hiệp Hòa"].Mentors));
        Assert.Contains(byName["Sao Khuê"].Errors, error => error is { Field: "members[0].phone", Rule: "phone-format" });
        Assert.Contains(byName["Robo Hiệp Hòa"].Errors, error => error is { Field: "members[0].fullName", Rule: "member-in-another-team" });
        Assert.Contains(byName["Rồng Xanh Việt Yên"].Errors, error => error.Rule == "member-in-another-team");
        Assert.Empty(byName["+Plus Robotics"].Errors);
        Assert.Equal(["name", "school"], byName["+Plus Robotics"].Warnings.Where(warning => warning.Rule == "formula-like-text").Select(warning => warning.Field));

        Assert.Empty((await app.Host.GetAsJson<TeamView[]>($"/api/contests/{contest.Id}/teams"))!);
    }

    [Fact]
    public async Task committing_registers_the_importable_teams_with_their_source_rows_and_a_second_commit_adds_nobody()
    {
        var contest = await app.CreateContest();
        var preview = await Preview(contest.Id, DistrictSheet);

        var committed = (await (await Commit(contest.Id, preview.Id, new { }, 200)).ReadAsJsonAsync<ImportCommitted>())!;
        Assert.Equal(2, committed.Imported);

        var teams = (await app.Host.GetAsJson<TeamView[]>($"/api/contests/{contest.Id}/teams"))!;
        Assert.Equal(["+Plus Robotics", "Tia Chớp Lục Nam"], teams.Select(team => team.Name));
        await using (var session = app.QuerySession())
        {
            var registered = (TeamRegistered)(await session.Events.FetchStreamAsync(committed.TeamIds[0]))[0].Data;
            Assert.Equal("danh-sach-3-huyen.csv", registered.Source!.FileName);
            Assert.Equal([6, 7, 8], registered.Source.Rows);
            Assert.Equal("=Trường THCS Tăng Tiến", (await session.LoadAsync<Team>(committed.TeamIds[1]))!.School);
        }

        var again = await Preview(contest.Id, DistrictSheet);
        Assert.Equal(2, again.AlreadyImported);
        var second = (await (await Commit(contest.Id, again.Id, new { }, 200)).ReadAsJsonAsync<ImportCommitted>())!;
        Assert.Equal(0, second.Imported);
        Assert.Equal(2, (await app.Host.GetAsJson<TeamView[]>($"/api/contests/{contest.Id}/teams"))!.Length);
    }

    [Fact]
    public async Task choosing_a_team_with_errors_refuses_the_whole_commit()
    {
        var contest = await app.CreateContest();
        var preview = await Preview(contest.Id, DistrictSheet);
        var withError = preview.TeamPreviews.First(team => team.Errors.Count > 0).Index;
        var valid = preview.TeamPreviews.First(team => team.Errors.Count == 0).Index;

        await Commit(contest.Id, preview.Id, new { teamIndexes = new[] { valid, withError } }, 422);

        Assert.Empty((await app.Host.GetAsJson<TeamView[]>($"/api/contests/{contest.Id}/teams"))!);
    }

    [Fact]
    public async Task an_xlsx_sheet_is_read_like_the_csv()
    {
        var contest = await app.CreateContest();
        var rows = new List<Dictionary<string, object>>
        {
            new() { ["Tên đội"] = "Đội Excel", ["Trường"] = "Trường THCS Lê Lợi", ["Huyện"] = "Yên Thế", ["Bảng"] = "THCS", ["Vai trò"] = "Thành viên", ["Họ tên"] = "Hoàng Thu Trang", ["Ngày sinh"] = new DateTime(2010, 4, 2), ["Lớp"] = 8, ["Điện thoại"] = "", ["Email"] = "" },
            new() { ["Tên đội"] = "Đội Excel", ["Trường"] = "", ["Huyện"] = "", ["Bảng"] = "", ["Vai trò"] = "GV hướng dẫn", ["Họ tên"] = "Lý Văn Nam", ["Ngày sinh"] = "", ["Lớp"] = "", ["Điện thoại"] = "0966111222", ["Email"] = "nam.ly@thcs-leloi.edu.vn" },
        };
        using var xlsx = new MemoryStream();
        await xlsx.SaveAsAsync(rows);

        var preview = await Preview(contest.Id, xlsx.ToArray(), "yen-the.xlsx");

        var team = Assert.Single(preview.TeamPreviews);
        Assert.Equal(("Đội Excel", 1, 1), (team.Name, team.Members, team.Mentors));
        Assert.Empty(team.Errors);
    }

    [Fact]
    public async Task a_csv_in_a_legacy_code_page_is_refused_rather_than_turned_into_mojibake()
    {
        var contest = await app.CreateContest();
        var latin1 = Encoding.Latin1.GetBytes("Tên đội,Trường\nĐội Ánh Sáng,Trường Lê Lợi\n".Replace("đ", "d", StringComparison.Ordinal));
        var response = await app.Upload($"/api/contests/{contest.Id}/imports", latin1, "cu.csv", await app.SessionFor(Roles.Organiser));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("encoding-unsupported", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_file_over_ten_megabytes_is_refused_with_413()
    {
        var contest = await app.CreateContest();
        var response = await app.Upload($"/api/contests/{contest.Id}/imports", new byte[(10 * 1024 * 1024) + 1], "lon.csv", await app.SessionFor(Roles.Organiser));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task a_confirmed_column_mapping_is_remembered_for_the_organisers_next_sheet()
    {
        var contest = await app.CreateContest();
        var sheet = Encoding.UTF8.GetBytes("Cột 1,Cột 2,Cột 3,Cột 4,Cột 5,Cột 6\nĐội Nhớ Cột,Trường THCS A,Tân Yên,THCS,Vũ Văn Kiên,6\n");
        var mapping = """{"TeamName":0,"School":1,"District":2,"Division":3,"FullName":4,"Grade":5}""";

        var first = await Preview(contest.Id, sheet, "cot.csv", mapping);
        var second = await Preview(contest.Id, sheet, "cot.csv");

        Assert.Equal(first.Mapping, second.Mapping);
        Assert.Equal("Đội Nhớ Cột", Assert.Single(second.TeamPreviews).Name);
    }

    [Fact]
    public async Task the_template_is_a_csv_with_a_bom_that_the_import_reads_back()
    {
        var organiser = await app.SessionFor(Roles.Organiser);
        var contest = await app.CreateContest();
        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url($"/api/contests/{contest.Id}/imports/template.csv");
            organiser.Apply(scenario);
        });
        var bytes = Encoding.UTF8.GetBytes(await result.ReadAsTextAsync());
        var raw = result.Context.Response.Body;
        raw.Position = 0;
        using var copy = new MemoryStream();
        await raw.CopyToAsync(copy);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, copy.ToArray()[..3]);
        var preview = await Preview(contest.Id, copy.ToArray(), "mau.csv");
        Assert.Equal("Robo Sao Mai", Assert.Single(preview.TeamPreviews).Name);
        Assert.NotEmpty(bytes);
    }

    [Fact]
    public async Task only_organisers_import()
    {
        var contest = await app.CreateContest();
        var judge = await app.Upload($"/api/contests/{contest.Id}/imports", DistrictSheet, "x.csv", await app.SessionFor(Roles.Judge));
        Assert.Equal(HttpStatusCode.Forbidden, judge.StatusCode);
        var team = await app.Upload($"/api/contests/{contest.Id}/imports", DistrictSheet, "x.csv", await app.SessionFor(Roles.Team));
        Assert.Equal(HttpStatusCode.Forbidden, team.StatusCode);
    }
}
