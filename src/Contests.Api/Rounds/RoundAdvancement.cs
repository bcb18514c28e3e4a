using Contests.Api.Infrastructure;

namespace Contests.Api.Rounds;

public sealed record AdvancedTeam(Guid TeamId, AdvancementBasis Basis, DateTimeOffset AdvancedAt, string AdvancedBy);

public sealed record ReversedAdvancement(Guid TeamId, string Reason, DateTimeOffset ReversedAt, string ReversedBy, bool BeforePublication);

/// <summary>
/// Who goes on from a round: the inline snapshot of the stream "round-advancement/{roundId}". Before publication it
/// holds the organisers' picks; publication turns them (and the rule's results) into advancements.
/// </summary>
public sealed record RoundAdvancement(Guid Id, Guid RoundId)
{
    public long Version { get; set; }

    public IReadOnlyList<Guid> Selected { get; init; } = [];

    public IReadOnlyList<AdvancedTeam> Advanced { get; init; } = [];

    public IReadOnlyList<ReversedAdvancement> Reversals { get; init; } = [];

    public static Guid IdFor(Guid roundId) => StreamIds.For("round-advancement", roundId.ToString());

    public static RoundAdvancement Create(TeamSelectedForAdvancement selected) => new RoundAdvancement(IdFor(selected.RoundId), selected.RoundId).Apply(selected);

    public static RoundAdvancement Create(TeamAdvanced advanced) => new RoundAdvancement(IdFor(advanced.RoundId), advanced.RoundId).Apply(advanced);

    public RoundAdvancement Apply(TeamSelectedForAdvancement selected) => this with { Selected = [.. Selected, selected.TeamId] };

    public RoundAdvancement Apply(AdvancementSelectionWithdrawn withdrawn) => this with
    {
        Selected = Selected.Where(team => team != withdrawn.TeamId).ToList(),
        Reversals = [.. Reversals, new ReversedAdvancement(withdrawn.TeamId, withdrawn.Reason, withdrawn.WithdrawnAt, withdrawn.WithdrawnBy.Name, true)],
    };

    public RoundAdvancement Apply(TeamAdvanced advanced) => this with
    {
        Selected = Selected.Where(team => team != advanced.TeamId).ToList(),
        Advanced = [.. Advanced, new AdvancedTeam(advanced.TeamId, advanced.Basis, advanced.AdvancedAt, advanced.AdvancedBy.Name)],
    };

    public RoundAdvancement Apply(AdvancementReversed reversed) => this with
    {
        Advanced = Advanced.Where(team => team.TeamId != reversed.TeamId).ToList(),
        Reversals = [.. Reversals, new ReversedAdvancement(reversed.TeamId, reversed.Reason, reversed.ReversedAt, reversed.ReversedBy.Name, false)],
    };

    public bool HasAdvanced(Guid teamId) => Advanced.Any(team => team.TeamId == teamId);

    public bool IsSelected(Guid teamId) => Selected.Contains(teamId);
}
