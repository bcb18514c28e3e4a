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

public enum RoundLevel
{
    District,
    Province,
    National,
}

public enum RoundType
{
    JudgedSubmissions,
    Matches,
}

/// <summary>
/// A round of the contest. Its <c>Id</c> is stable across renames and reordering: what hangs off a round (its schedule,
/// entries, rubric, matches) lives in streams of its own keyed by this id.
/// </summary>
public sealed record RoundDefinition(Guid Id, int Order, string Name, RoundLevel Level, RoundType Type);

/// <summary>The contest's rounds replaced as a whole, in order; later capabilities (entries, judging, matches) hang off them.</summary>
public sealed record RoundsSet(Guid ContestId, IReadOnlyList<RoundDefinition> Rounds, Actor SetBy, DateTimeOffset SetAt);

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
