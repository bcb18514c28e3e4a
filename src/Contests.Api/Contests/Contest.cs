namespace Contests.Api.Contests;

/// <summary>The contest as set up by its organisers: an inline snapshot of its stream, so reads are one document load.</summary>
public sealed record Contest(
    Guid Id,
    string Name,
    ContestKind Kind,
    int Edition,
    string OrganisingBody,
    IReadOnlyList<string> Districts,
    IReadOnlyList<DivisionDefinition> Divisions)
{
    /// <summary>The stream version, set by Marten; sent to clients as the ETag.</summary>
    public long Version { get; set; }

    public static Contest Create(ContestCreated created) =>
        new(created.ContestId, created.Name, created.Kind, created.Edition, created.OrganisingBody, created.Districts, created.Divisions);

    public Contest Apply(DivisionAdded added) => this with { Divisions = [.. Divisions, added.Division] };

    public bool HasDivision(string code) => Divisions.Any(division => string.Equals(division.Code, code, StringComparison.OrdinalIgnoreCase));
}

public sealed record ContestView(
    Guid Id,
    string Name,
    ContestKind Kind,
    int Edition,
    string OrganisingBody,
    IReadOnlyList<string> Districts,
    IReadOnlyList<DivisionDefinition> Divisions,
    long Version)
{
    public static ContestView From(Contest contest) =>
        new(contest.Id, contest.Name, contest.Kind, contest.Edition, contest.OrganisingBody, contest.Districts, contest.Divisions, contest.Version);
}
