using System.Globalization;
using System.Text.RegularExpressions;
using Contests.Domain.Registration;
using Contests.Domain.Text;

namespace Contests.Domain.Import;

/// <summary>The fields a district's spreadsheet may carry: one row per person, team fields repeated or given once.</summary>
public enum ImportField
{
    TeamName,
    School,
    District,
    Division,
    Role,
    FullName,
    DateOfBirth,
    Grade,
    Gender,
    Phone,
    Email,
    ContactPhone,
    ContactEmail,
}

public sealed record SheetRow(int RowNumber, IReadOnlyList<string> Cells);

/// <summary>A team read from a sheet, with the sheet rows it came from and what cannot be read from them.</summary>
public sealed record SheetTeam(IReadOnlyList<int> Rows, TeamForm Form, IReadOnlyList<RuleViolation> ReadErrors);

public static partial class TeamSheet
{
    public const string DateUnreadable = "date-unreadable";
    public const string GradeUnreadable = "grade-unreadable";
    public const string FormulaLikeText = "formula-like-text";
    public const string DistrictRespelled = "district-respelled";

    private static readonly Dictionary<ImportField, string[]> HeaderNames = new()
    {
        [ImportField.TeamName] = ["ten doi", "doi", "team", "team name", "ten doi thi"],
        [ImportField.School] = ["truong", "school", "ten truong", "don vi"],
        [ImportField.District] = ["huyen", "district", "huyen/thanh pho", "huyen/tp", "quan/huyen", "don vi hanh chinh"],
        [ImportField.Division] = ["bang", "bang thi", "division", "cap hoc", "ma bang"],
        [ImportField.Role] = ["vai tro", "role", "loai"],
        [ImportField.FullName] = ["ho va ten", "ho ten", "full name", "name", "ten"],
        [ImportField.DateOfBirth] = ["ngay sinh", "date of birth", "dob", "birth date"],
        [ImportField.Grade] = ["lop", "grade", "khoi"],
        [ImportField.Gender] = ["gioi tinh", "gender"],
        [ImportField.Phone] = ["dien thoai", "so dien thoai", "sdt", "phone"],
        [ImportField.Email] = ["email", "e-mail", "thu dien tu"],
        [ImportField.ContactPhone] = ["dien thoai lien he", "sdt lien he", "contact phone"],
        [ImportField.ContactEmail] = ["email lien he", "contact email"],
    };

    private static readonly string[] MentorWords = ["huong dan", "mentor", "giao vien", "gv", "gvhd", "nguoi huong dan"];

    private static readonly string[] DateFormats = ["d/M/yyyy", "dd/MM/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss"];

    /// <summary>The template's headers, in the order the downloadable template lists them.</summary>
    public static IReadOnlyList<(ImportField Field, string Header)> TemplateHeaders { get; } =
    [
        (ImportField.TeamName, "Tên đội"), (ImportField.School, "Trường"), (ImportField.District, "Huyện/TP"),
        (ImportField.Division, "Bảng thi"), (ImportField.Role, "Vai trò"), (ImportField.FullName, "Họ và tên"),
        (ImportField.DateOfBirth, "Ngày sinh"), (ImportField.Grade, "Lớp"), (ImportField.Gender, "Giới tính"),
        (ImportField.Phone, "Điện thoại"), (ImportField.Email, "Email"), (ImportField.ContactPhone, "Điện thoại liên hệ"),
        (ImportField.ContactEmail, "Email liên hệ"),
    ];

    /// <summary>Maps columns to fields by their headers, ignoring case and accents; a remembered mapping wins over a guess.</summary>
    public static IReadOnlyDictionary<ImportField, int> GuessMapping(
        IReadOnlyList<string> headers, IReadOnlyDictionary<string, ImportField>? remembered = null)
    {
        var mapping = new Dictionary<ImportField, int>();
        for (var column = 0; column < headers.Count; column++)
        {
            var header = VietnameseText.Fold(headers[column]).Trim(' ', '*', ':');
            ImportField? field = remembered is not null && remembered.TryGetValue(header, out var known)
                ? known
                : HeaderNames.Where(pair => pair.Value.Contains(header)).Select(pair => (ImportField?)pair.Key).FirstOrDefault();
            if (field is { } found && !mapping.ContainsKey(found))
            {
                mapping[found] = column;
            }
        }

        return mapping;
    }

    /// <summary>
    /// Groups person rows into teams by folded team name, in sheet order; blank rows are skipped. Team fields come from
    /// the first row that has them. Cells that cannot be read become errors on the field, never a guess.
    /// </summary>
    public static IReadOnlyList<SheetTeam> Group(
        IReadOnlyList<SheetRow> rows, IReadOnlyDictionary<ImportField, int> mapping)
    {
        string Cell(SheetRow row, ImportField field) =>
            mapping.TryGetValue(field, out var column) && column < row.Cells.Count ? VietnameseText.Clean(row.Cells[column]) : string.Empty;

        var teams = new List<(string Key, List<SheetRow> Rows)>();
        foreach (var row in rows.Where(row => row.Cells.Any(cell => !string.IsNullOrWhiteSpace(cell))))
        {
            var key = VietnameseText.Fold(Cell(row, ImportField.TeamName));
            var team = teams.FirstOrDefault(existing => existing.Key == key);
            if (team.Rows is null)
            {
                teams.Add((key, [row]));
            }
            else
            {
                team.Rows.Add(row);
            }
        }

        return teams.Select(team =>
        {
            string First(ImportField field) => team.Rows.Select(row => Cell(row, field)).FirstOrDefault(value => value.Length > 0) ?? string.Empty;
            var errors = new List<RuleViolation>();
            var members = new List<MemberForm>();
            var mentors = new List<MentorForm>();
            foreach (var row in team.Rows.Where(row => Cell(row, ImportField.FullName).Length > 0))
            {
                if (IsMentor(Cell(row, ImportField.Role)))
                {
                    mentors.Add(new MentorForm(Cell(row, ImportField.FullName), Cell(row, ImportField.Phone), Cell(row, ImportField.Email)));
                    continue;
                }

                var path = $"members[{members.Count}]";
                var birth = ParseDate(Cell(row, ImportField.DateOfBirth));
                if (birth is null && Cell(row, ImportField.DateOfBirth).Length > 0)
                {
                    errors.Add(new RuleViolation($"{path}.dateOfBirth", DateUnreadable));
                }

                var grade = ParseGrade(Cell(row, ImportField.Grade));
                if (grade is null && Cell(row, ImportField.Grade).Length > 0)
                {
                    errors.Add(new RuleViolation($"{path}.grade", GradeUnreadable));
                }

                members.Add(new MemberForm(
                    Cell(row, ImportField.FullName), birth, grade, ParseGender(Cell(row, ImportField.Gender)),
                    Cell(row, ImportField.Phone) is { Length: > 0 } phone ? phone : null));
            }

            var form = new TeamForm(
                First(ImportField.TeamName), First(ImportField.School), First(ImportField.District), First(ImportField.Division),
                First(ImportField.ContactPhone) is { Length: > 0 } contact ? contact : mentors.FirstOrDefault()?.Phone,
                First(ImportField.ContactEmail) is { Length: > 0 } email ? email : mentors.FirstOrDefault()?.Email,
                members, mentors);
            return new SheetTeam(team.Rows.Select(row => row.RowNumber).ToList(), form, errors);
        }).ToList();
    }

    /// <summary>
    /// What an organiser should look at without it stopping the import: text a spreadsheet would run as a formula
    /// (kept as text here and neutralised in every export), and a district written differently from the contest's list.
    /// </summary>
    public static IReadOnlyList<RuleViolation> Warnings(TeamForm form, IReadOnlyCollection<string> districts)
    {
        var warnings = new List<RuleViolation>();
        List<(string Field, string? Text)> texts = [("name", form.Name), ("school", form.School)];
        texts.AddRange((form.Members ?? []).Select((member, index) => ($"members[{index}].fullName", member.FullName)));
        texts.AddRange((form.Mentors ?? []).Select((mentor, index) => ($"mentors[{index}].fullName", mentor.FullName)));
        warnings.AddRange(texts
            .Where(text => text.Text is { Length: > 0 } value && value[0] is '=' or '+' or '-' or '@')
            .Select(text => new RuleViolation(text.Field, FormulaLikeText)));
        if (!string.IsNullOrEmpty(form.District) && !districts.Contains(form.District, StringComparer.Ordinal) &&
            districts.Any(district => VietnameseText.SameName(district, form.District)))
        {
            warnings.Add(new RuleViolation("district", DistrictRespelled));
        }

        return warnings;
    }

    /// <summary>Member keys that appear in more than one team of the same file: each of those teams is refused.</summary>
    public static IReadOnlySet<string> MembersInSeveralTeams(IEnumerable<TeamForm> teams) =>
        teams.SelectMany(team => (team.Members ?? [])
                .Select(member => TeamRegistrationRules.CrossTeamKey(member.FullName, member.DateOfBirth))
                .OfType<string>()
                .Distinct())
            .CountBy(key => key)
            .Where(pair => pair.Value > 1)
            .Select(pair => pair.Key)
            .ToHashSet();

    public static DateOnly? ParseDate(string text)
    {
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date))
        {
            return DateOnly.FromDateTime(date);
        }

        // Excel stores dates as days since 30/12/1899; a sheet saved without date formatting shows that number.
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 3000 and < 80000
            ? DateOnly.FromDateTime(DateTime.FromOADate(serial))
            : null;
    }

    public static int? ParseGrade(string text) =>
        LeadingNumber().Match(text) is { Success: true } match && int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var grade)
            ? grade
            : null;

    private static Gender? ParseGender(string text) => VietnameseText.Fold(text) switch
    {
        "nu" or "female" or "f" => Gender.Female,
        "nam" or "male" or "m" => Gender.Male,
        "" => null,
        _ => Gender.Other,
    };

    private static bool IsMentor(string role)
    {
        var folded = VietnameseText.Fold(role);
        return MentorWords.Any(word => folded.Contains(word, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^\D{0,6}(\d{1,2})")]
    private static partial Regex LeadingNumber();
}
