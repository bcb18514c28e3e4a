using Contests.Api.Access;

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

public sealed record DivisionAdded(Guid ContestId, DivisionDefinition Division, Actor AddedBy, DateTimeOffset AddedAt);
