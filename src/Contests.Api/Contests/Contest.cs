using Contests.Domain.Registration;

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

    /// <summary>Null until an organiser sets it: registration is then open at any time.</summary>
    public RegistrationWindow? Window { get; init; }

    public EligibilityRules Rules { get; init; } = EligibilityRules.Default;

    public IReadOnlyList<RoundDefinition> Rounds { get; init; } = [];

    public static Contest Create(ContestCreated created) =>
        new(created.ContestId, created.Name, created.Kind, created.Edition, created.OrganisingBody, created.Districts, created.Divisions);

    public Contest Apply(DivisionAdded added) => this with { Divisions = [.. Divisions, added.Division] };

    public Contest Apply(RegistrationRulesSet set) => this with { Window = set.Window, Rules = set.Rules };

    public Contest Apply(RoundsSet set) => this with { Rounds = set.Rounds };

    public RegistrationContext RegistrationContext(DateTimeOffset now, IReadOnlySet<string> membersInOtherTeams) =>
        new(Districts, Divisions.Select(division => division.Code).ToList(), Rules, Domain.VietnamTime.Today(now), membersInOtherTeams);

    public RoundDefinition? Round(Guid roundId) => Rounds.FirstOrDefault(round => round.Id == roundId);

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
    RegistrationWindow? Window,
    EligibilityRules Rules,
    IReadOnlyList<RoundDefinition> Rounds,
    long Version)
{
    public static ContestView From(Contest contest) =>
        new(contest.Id, contest.Name, contest.Kind, contest.Edition, contest.OrganisingBody, contest.Districts, contest.Divisions,
            contest.Window, contest.Rules, contest.Rounds, contest.Version);
}
