using Contests.Api.Access;
using Contests.Domain.Registration;

namespace Contests.Api.Contests;

public enum ContestKind
{
    Robocon,
    Creativity,
    TechnicalInnovation,
}

public sealed record DivisionDefinition(string Code, string Name);

public sealed record ContestCreated(
    Guid ContestId,
    string Name,
    ContestKind Kind,
    int Edition,
    string OrganisingBody,
    IReadOnlyList<string> Districts,
    IReadOnlyList<DivisionDefinition> Divisions,
    Actor CreatedBy,
    DateTimeOffset CreatedAt);

/// <summary>Registration settings replaced as a whole; existing teams are re-checked against them and flagged, never removed.</summary>
public sealed record RegistrationRulesSet(
    Guid ContestId, RegistrationWindow Window, EligibilityRules Rules, Actor SetBy, DateTimeOffset SetAt);

public sealed record DivisionAdded(Guid ContestId, DivisionDefinition Division, Actor AddedBy, DateTimeOffset AddedAt);
