using System.Text;
using Contests.Domain.Import;
using Contests.Domain.Registration;
using FsCheck.Xunit;

namespace Contests.Domain.Tests.Import;

public sealed class SheetParsingTests
{
    [Fact]
    public void csv_fields_may_hold_quotes_delimiters_and_line_breaks()
    {
        var rows = CsvText.Parse("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\n");
        Assert.Equal(["a", "b, c", "say \"hi\""], rows[0]);
        Assert.Equal(["two\nlines", "x", ""], rows[1]);
    }

    [Fact]
    public void the_delimiter_is_detected_from_the_header()
    {
        Assert.Equal(["Tên đội", "Trường"], CsvText.Parse("Tên đội;Trường\nA;B")[0]);
        Assert.Equal(["Tên đội", "Trường"], CsvText.Parse("Tên đội\tTrường\nA\tB")[0]);
    }

    [Property]
    public bool any_list_of_plain_cells_survives_a_round_trip(string[] cells)
    {
        var clean = cells.Select(cell => (cell ?? string.Empty).Replace("\r", string.Empty, StringComparison.Ordinal)).ToArray();
        if (clean.Length == 0)
        {
            return true;
        }

        var line = string.Join(',', clean.Select(cell => "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        return CsvText.Parse(line + "\r\n").Single().SequenceEqual(clean);
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0xC4, 0x90 }, "Đ")]
    [InlineData(new byte[] { 0xC4, 0x90 }, "Đ")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x10, 0x01 }, "Đ")]
    [InlineData(new byte[] { 0xFE, 0xFF, 0x01, 0x10 }, "Đ")]
    public void utf8_with_or_without_bom_and_utf16_with_bom_are_read(byte[] bytes, string text) =>
        Assert.Equal((text, null), TextDecoding.Decode(bytes));

    [Fact]
    public void a_legacy_code_page_is_refused() =>
        Assert.Equal((null, TextDecoding.UnsupportedEncoding), TextDecoding.Decode(Encoding.Latin1.GetBytes("Lê Văn Tám, Hiệp Hòa")));

    [Theory]
    [InlineData(new byte[] { 0x41, 0x00, 0x42, 0x00 })]
    [InlineData(new byte[] { 0x00, 0x00, 0x00 })]
    public void text_with_nul_characters_utf16_without_bom_or_binary_is_refused(byte[] bytes) =>
        Assert.Equal((null, TextDecoding.UnsupportedEncoding), TextDecoding.Decode(bytes));

    [Theory]
    [InlineData("14/03/2011", 2011, 3, 14)]
    [InlineData("4/3/2011", 2011, 3, 4)]
    [InlineData("2011-03-14", 2011, 3, 14)]
    [InlineData("40616", 2011, 3, 14)]
    public void dates_are_read_day_first_and_from_excel_serials(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), TeamSheet.ParseDate(text));

    [Theory]
    [InlineData("8", 8)]
    [InlineData("Lớp 8", 8)]
    [InlineData("8A1", 8)]
    [InlineData("không rõ", null)]
    public void grades_are_read_from_what_schools_write(string text, int? grade) =>
        Assert.Equal(grade, TeamSheet.ParseGrade(text));

    [Fact]
    public void headers_are_mapped_whatever_their_accents_and_a_remembered_mapping_wins()
    {
        var mapping = TeamSheet.GuessMapping(["STT", "TÊN ĐỘI", "ho va ten", "Ngày sinh", "Cột lạ"]);
        Assert.Equal(new Dictionary<ImportField, int> { [ImportField.TeamName] = 1, [ImportField.FullName] = 2, [ImportField.DateOfBirth] = 3 }, mapping);

        var remembered = TeamSheet.GuessMapping(["Cột lạ"], new Dictionary<string, ImportField> { ["cot la"] = ImportField.School });
        Assert.Equal(ImportField.School, Assert.Single(remembered).Key);
    }

    [Fact]
    public void person_rows_are_grouped_into_teams_and_mentors_recognised_by_their_role()
    {
        var mapping = new Dictionary<ImportField, int> { [ImportField.TeamName] = 0, [ImportField.Role] = 1, [ImportField.FullName] = 2, [ImportField.Phone] = 3, [ImportField.DateOfBirth] = 4 };
        SheetRow Row(int number, params string[] cells) => new(number, cells);

        var teams = TeamSheet.Group(
            [
                Row(2, "Đội A", "Thành viên", "An", "", "01/01/2010"),
                Row(3, "", "", "", "", ""),
                Row(4, "ĐỘI A", "GVHD", "Hà", "0912345678", ""),
                Row(5, "Đội B", "Thành viên", "Bình", "", "31/02/2010"),
            ],
            mapping);

        Assert.Equal(2, teams.Count);
        Assert.Equal([2, 4], teams[0].Rows);
        Assert.Equal(("An", "Hà", "0912345678"), (teams[0].Form.Members![0].FullName, teams[0].Form.Mentors![0].FullName, teams[0].Form.ContactPhone));
        Assert.Equal([new RuleViolation("members[0].dateOfBirth", TeamSheet.DateUnreadable)], teams[1].ReadErrors);
    }

    [Fact]
    public void formula_like_text_and_a_respelled_district_are_warnings()
    {
        var form = new TeamForm("=SUM(A1)", "@Trường", "viet yen", "THCS", null, null, [new MemberForm("-An", null, 8, null, null)], []);

        var warnings = TeamSheet.Warnings(form, ["Việt Yên"]);

        Assert.Equal(
            [
                new RuleViolation("name", TeamSheet.FormulaLikeText),
                new RuleViolation("school", TeamSheet.FormulaLikeText),
                new RuleViolation("members[0].fullName", TeamSheet.FormulaLikeText),
                new RuleViolation("district", TeamSheet.DistrictRespelled),
            ],
            warnings);
    }

    [Fact]
    public void members_in_two_teams_of_one_file_are_found()
    {
        var member = new MemberForm("Ngô Văn Hùng", new DateOnly(2010, 5, 12), 8, null, null);
        var first = new TeamForm("A", null, null, null, null, null, [member], []);
        var second = new TeamForm("B", null, null, null, null, null, [member with { FullName = "NGO VAN HUNG" }], []);

        Assert.Single(TeamSheet.MembersInSeveralTeams([first, second]));
        Assert.Empty(TeamSheet.MembersInSeveralTeams([first]));
    }
}
