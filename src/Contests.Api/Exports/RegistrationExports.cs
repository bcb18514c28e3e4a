using Contests.Api.Contests;
using Contests.Api.Registration;
using Contests.Domain.Registration;
using Marten;

namespace Contests.Api.Exports;

/// <summary>A member or mentor with their team, for the one-row-per-person registration export.</summary>
public sealed record PersonRow(Team Team, string Role, int Order, string FullName, DateOnly? DateOfBirth, int? Grade, Gender? Gender, string? Phone, string? Email);

/// <summary>Registrations as organisers hand them on: one sheet per division, teams ordered by district then name.</summary>
public static class RegistrationExports
{
    public static IReadOnlyList<ExportColumn<Team>> TeamColumns { get; } =
    [
        new("code", "Mã đội", 12, team => team.Code),
        new("name", "Tên đội", 30, team => team.Name),
        new("school", "Trường", 34, team => team.School),
        new("district", "Huyện/thành phố", 18, team => team.District),
        new("division", "Bảng thi", 10, team => team.DivisionCode),
        new("status", "Trạng thái", 16, team => StatusText(team.Status)),
        new("nominated", "Đề cử vòng tỉnh", 10, team => team.Nominated ? "Có" : string.Empty),
        new("members", "Số thành viên", 10, team => team.Members.Count),
        new("mentors", "Số người hướng dẫn", 10, team => team.Mentors.Count),
        new("memberNames", "Thành viên", 50, team => string.Join("; ", team.Members.Select(member => member.FullName))),
        new("mentorNames", "Người hướng dẫn", 30, team => string.Join("; ", team.Mentors.Select(mentor => mentor.FullName))),
        new("contactPhone", "Điện thoại liên hệ", 14, team => team.ContactPhone),
        new("contactEmail", "Email liên hệ", 28, team => team.ContactEmail),
        new("registeredAt", "Thời điểm đăng ký", 18, team => team.RegisteredAt, CellFormat.DateTime),
        new("flags", "Cần xem lại", 24, team => string.Join("; ", team.Flags.Select(flag => $"{flag.Field}: {flag.Rule}"))),
    ];

    public static IReadOnlyList<ExportColumn<PersonRow>> PersonColumns { get; } =
    [
        new("teamCode", "Mã đội", 12, person => person.Team.Code),
        new("teamName", "Tên đội", 30, person => person.Team.Name),
        new("school", "Trường", 34, person => person.Team.School),
        new("district", "Huyện/thành phố", 18, person => person.Team.District),
        new("division", "Bảng thi", 10, person => person.Team.DivisionCode),
        new("role", "Vai trò", 16, person => person.Role),
        new("order", "STT trong đội", 8, person => person.Order),
        new("fullName", "Họ và tên", 28, person => person.FullName),
        new("dateOfBirth", "Ngày sinh", 12, person => person.DateOfBirth, CellFormat.Date),
        new("grade", "Lớp", 6, person => person.Grade),
        new("gender", "Giới tính", 9, person => person.Gender switch { Gender.Female => "Nữ", Gender.Male => "Nam", Gender.Other => "Khác", _ => null }),
        new("phone", "Điện thoại", 14, person => person.Phone),
        new("email", "Email", 28, person => person.Email),
        new("teamStatus", "Trạng thái đội", 16, person => StatusText(person.Team.Status)),
    ];

    public static Task<ExportTable> Teams(ExportRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ExportTable.Of(
            "dang-ky-theo-doi",
            TeamColumns,
            [.. request.Contest.Divisions.Select(division => (SheetName(division), TeamsOf(request, division.Code, cancellationToken)))]));

    public static Task<ExportTable> People(ExportRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ExportTable.Of(
            "dang-ky-theo-nguoi",
            PersonColumns,
            [.. request.Contest.Divisions.Select(division => (SheetName(division), TeamsOf(request, division.Code, cancellationToken).SelectMany(People)))]));

    /// <summary>
    /// The teams of a contest read one by one from the database, in Vietnamese order by district then name
    /// (PostgreSQL's ICU collation, so the order is made where the rows are and nothing is sorted in memory).
    /// </summary>
    public static IAsyncEnumerable<Team> TeamsOf(ExportRequest request, string? divisionCode, CancellationToken cancellationToken)
    {
        var contestId = request.Contest.Id;
        var query = request.Session.Query<Team>().Where(team => team.ContestId == contestId);
        if (divisionCode is not null)
        {
            query = query.Where(team => team.DivisionCode == divisionCode);
        }

        if (request.District is { } district)
        {
            query = query.Where(team => team.District == district);
        }

        // Marten's streaming ToAsyncEnumerable, named in full: .NET's own would enumerate the query synchronously.
        return QueryableExtensions.ToAsyncEnumerable(
            query.OrderBySql("d.data ->> 'District' collate \"vi-x-icu\", d.data ->> 'Name' collate \"vi-x-icu\""), cancellationToken);
    }

    public static string StatusText(TeamStatus status) => status switch
    {
        TeamStatus.Submitted => "Chờ duyệt",
        TeamStatus.Approved => "Đã duyệt",
        TeamStatus.Returned => "Trả lại để sửa",
        _ => "Đã rút",
    };

    public static string SheetName(DivisionDefinition division) => $"{division.Code} - {division.Name}";

    private static IEnumerable<PersonRow> People(Team team) =>
        team.Members.Select((member, index) => new PersonRow(team, "Thành viên", index + 1, member.FullName, member.DateOfBirth, member.Grade, member.Gender, member.Phone, null))
            .Concat(team.Mentors.Select((mentor, index) => new PersonRow(team, "Người hướng dẫn", index + 1, mentor.FullName, null, null, null, mentor.Phone, mentor.Email)));
}
