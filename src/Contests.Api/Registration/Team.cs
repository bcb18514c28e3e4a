using Contests.Domain.Registration;
using Contests.Domain.Text;

namespace Contests.Api.Registration;

/// <summary>A registered team: the inline snapshot of its stream. Personal data (birth dates, phones) never leaves through public views.</summary>
public sealed record Team(
    Guid Id,
    Guid ContestId,
    string Code,
    string Name,
    string School,
    string District,
    string DivisionCode,
    string ContactPhone,
    string ContactEmail,
    IReadOnlyList<TeamMember> Members,
    IReadOnlyList<TeamMentor> Mentors,
    DateTimeOffset RegisteredAt)
{
    public long Version { get; set; }

    /// <summary>Folded name: a unique index on (contest, this) stops two teams of one contest sharing a name, whatever the accents.</summary>
    public string NameKey { get; init; } = VietnameseText.Fold(Name);

    /// <summary>Folded name, school and code, so "nguyen" finds "Nguyễn".</summary>
    public string SearchKey { get; init; } = VietnameseText.Fold($"{Name} {School} {Code}");

    public int People => Members.Count + Mentors.Count;

    /// <summary>Members' cross-team keys (name and birth date), so a student cannot be registered in two teams.</summary>
    public IReadOnlyList<string> MemberKeys { get; init; } =
        Members.Select(member => TeamRegistrationRules.CrossTeamKey(member.FullName, member.DateOfBirth)).OfType<string>().ToList();

    /// <summary>Rules the team breaks since the contest's rules changed after it registered.</summary>
    public IReadOnlyList<RuleViolation> Flags { get; init; } = [];

    public TeamStatus Status { get; init; } = TeamStatus.Submitted;

    /// <summary>Why the organisers returned the team for changes, until it is edited.</summary>
    public string? ReturnReason { get; init; }

    public Team Apply(TeamDetailsChanged changed) => new Team(
        Id, ContestId, Code, changed.Name, changed.School, changed.District, changed.DivisionCode, changed.ContactPhone, changed.ContactEmail,
        changed.Members, changed.Mentors, RegisteredAt)
    {
        Version = Version,
        Flags = [],
        Nominated = Nominated,
        Status = TeamLifecycle.After(Status, TeamAction.Edit),
    };

    public Team Apply(TeamApproved approved) => this with { Status = TeamStatus.Approved, ReturnReason = null };

    public Team Apply(TeamReturned returned) => this with { Status = TeamStatus.Returned, ReturnReason = returned.Reason };

    public Team Apply(TeamWithdrawn withdrawn) => this with { Status = TeamStatus.Withdrawn };

    /// <summary>Put forward by its district to the province round.</summary>
    public bool Nominated { get; init; }

    public Team Apply(TeamNominated nominated) => this with { Nominated = true };

    public Team Apply(TeamNominationWithdrawn withdrawn) => this with { Nominated = false };

    public Team Apply(TeamFlagged flagged) => this with { Flags = flagged.Violations };

    public Team Apply(TeamFlagsCleared cleared) => this with { Flags = [] };

    public TeamForm ToForm() => new(
        Name, School, District, DivisionCode, ContactPhone, ContactEmail,
        Members.Select(member => new MemberForm(member.FullName, member.DateOfBirth, member.Grade, member.Gender, member.Phone)).ToList(),
        Mentors.Select(mentor => new MentorForm(mentor.FullName, mentor.Phone, mentor.Email)).ToList());

    public static Team Create(TeamRegistered registered) =>
        new(
            registered.TeamId,
            registered.ContestId,
            registered.Code,
            registered.Name,
            registered.School,
            registered.District,
            registered.DivisionCode,
            registered.ContactPhone,
            registered.ContactEmail,
            registered.Members,
            registered.Mentors,
            registered.RegisteredAt);
}

public sealed record TeamView(
    Guid Id,
    string Code,
    Guid ContestId,
    string Name,
    string School,
    string District,
    string DivisionCode,
    int MemberCount,
    int MentorCount,
    DateTimeOffset RegisteredAt,
    TeamStatus Status,
    bool Flagged,
    bool Nominated)
{
    public static TeamView From(Team team) =>
        new(team.Id, team.Code, team.ContestId, team.Name, team.School, team.District, team.DivisionCode, team.Members.Count,
            team.Mentors.Count, team.RegisteredAt, team.Status, team.Flags.Count > 0, team.Nominated);
}

/// <summary>Everything about one team, for its own portal and for organisers; never public.</summary>
public sealed record TeamDetails(
    Guid Id,
    string Code,
    Guid ContestId,
    TeamForm Details,
    TeamStatus Status,
    string? ReturnReason,
    IReadOnlyList<RuleViolation> Flags,
    bool Nominated,
    DateTimeOffset RegisteredAt,
    long Version)
{
    public static TeamDetails From(Team team) =>
        new(team.Id, team.Code, team.ContestId, team.ToForm(), team.Status, team.ReturnReason, team.Flags, team.Nominated, team.RegisteredAt, team.Version);
}
