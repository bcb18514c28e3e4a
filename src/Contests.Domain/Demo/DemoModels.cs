namespace Contests.Domain.Demo;

public sealed record DemoContest(
    string Name,
    string Kind,
    int Edition,
    string OrganisingBody,
    IReadOnlyList<string> Districts,
    IReadOnlyList<DemoDivision> Divisions,
    IReadOnlyList<DemoTeam> Teams);

public sealed record DemoDivision(string Code, string Name, int MinGrade, int MaxGrade);

public sealed record DemoTeam(
    string Name,
    string School,
    string District,
    string DivisionCode,
    string ContactPhone,
    string ContactEmail,
    IReadOnlyList<DemoMember> Members,
    IReadOnlyList<DemoMentor> Mentors);

public sealed record DemoMember(string FullName, DateOnly DateOfBirth, int Grade, string Gender, string? Phone);

public sealed record DemoMentor(string FullName, string Phone, string Email);
