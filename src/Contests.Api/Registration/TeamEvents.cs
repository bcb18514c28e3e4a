using Contests.Api.Access;
using Contests.Domain.Registration;

namespace Contests.Api.Registration;

public sealed record TeamMember(string FullName, DateOnly? DateOfBirth, int? Grade, Gender? Gender, string? Phone);

public sealed record TeamMentor(string FullName, string Phone, string Email);

public sealed record TeamRegistered(
    Guid TeamId,
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
    Actor RegisteredBy,
    DateTimeOffset RegisteredAt,
    Import.ImportSource? Source = null);

/// <summary>The team's details replaced as a whole; carries where the team was counted before, so boards can move it.</summary>
public sealed record TeamDetailsChanged(
    Guid TeamId,
    Guid ContestId,
    string Name,
    string School,
    string District,
    string DivisionCode,
    string ContactPhone,
    string ContactEmail,
    IReadOnlyList<TeamMember> Members,
    IReadOnlyList<TeamMentor> Mentors,
    string PreviousDistrict,
    int PreviousPeople,
    Actor ChangedBy,
    DateTimeOffset ChangedAt);

public sealed record TeamApproved(Guid TeamId, Actor ApprovedBy, DateTimeOffset ApprovedAt);

public sealed record TeamReturned(Guid TeamId, string Reason, Actor ReturnedBy, DateTimeOffset ReturnedAt);

public sealed record TeamWithdrawn(Guid TeamId, Guid ContestId, string District, int People, string? Reason, Actor WithdrawnBy, DateTimeOffset WithdrawnAt);

/// <summary>A district's organisers put the team forward to the province round.</summary>
public sealed record TeamNominated(Guid TeamId, Guid ContestId, string District, Actor NominatedBy, DateTimeOffset NominatedAt);

public sealed record TeamNominationWithdrawn(Guid TeamId, Guid ContestId, string District, Actor WithdrawnBy, DateTimeOffset WithdrawnAt);

/// <summary>After the contest's rules changed, the team breaks some of them: it stays registered and organisers see why.</summary>
public sealed record TeamFlagged(Guid TeamId, IReadOnlyList<RuleViolation> Violations, DateTimeOffset FlaggedAt);

public sealed record TeamFlagsCleared(Guid TeamId, DateTimeOffset ClearedAt);
