using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Contests.Domain.Awards;

namespace Contests.Api.Awards;

public sealed record OverrideRecord(Guid TeamId, AwardTier? Tier, string Reason, Actor By, DateTimeOffset At);

public sealed record DecisionRecord(IReadOnlyList<DecidedAward> Awards, int RankedEntries, Actor By, DateTimeOffset At);

public sealed record DivisionAwards(string DivisionCode, IReadOnlyList<TierQuota> Tiers, IReadOnlyList<OverrideRecord> Overrides, DecisionRecord? Decision)
{
    public IReadOnlyList<AwardOverride> ForAllocation() => Overrides.Select(item => new AwardOverride(item.TeamId, item.Tier, item.Reason)).ToList();
}

/// <summary>
/// A round's awards: quotas per division, the organiser's overrides and the latest decision. Its own stream, keyed
/// from the round's stable id, so awards never touch the contest's stream.
/// </summary>
public sealed record RoundAwards(Guid Id, Guid ContestId, Guid RoundId, IReadOnlyList<DivisionAwards> Divisions)
{
    public long Version { get; set; }

    public static Guid StreamFor(Guid roundId) => StreamIds.For("awards", roundId.ToString());

    public DivisionAwards? Division(string code) => Divisions.FirstOrDefault(division => division.DivisionCode == code);

    public static RoundAwards Create(AwardQuotasSet set) =>
        new(StreamFor(set.RoundId), set.ContestId, set.RoundId, set.Divisions.Select(division => new DivisionAwards(division.DivisionCode, division.Tiers, [], null)).ToList());

    /// <summary>Quotas change; overrides and decisions of divisions that keep awards stay.</summary>
    public RoundAwards Apply(AwardQuotasSet set) => this with
    {
        Divisions = set.Divisions.Select(division => Division(division.DivisionCode) is { } existing
            ? existing with { Tiers = division.Tiers }
            : new DivisionAwards(division.DivisionCode, division.Tiers, [], null)).ToList(),
    };

    public RoundAwards Apply(AwardsOverridden overridden) => Change(overridden.DivisionCode, division => division with
    {
        Overrides =
        [
            .. division.Overrides.Where(item => !overridden.TeamIds.Contains(item.TeamId)),
            .. overridden.TeamIds.Select(teamId => new OverrideRecord(teamId, overridden.Tier, overridden.Reason, overridden.OverriddenBy, overridden.OverriddenAt)),
        ],
    });

    public RoundAwards Apply(AwardOverridesWithdrawn withdrawn) => Change(withdrawn.DivisionCode, division => division with
    {
        Overrides = division.Overrides.Where(item => !withdrawn.TeamIds.Contains(item.TeamId)).ToList(),
    });

    public RoundAwards Apply(AwardsDecided decided) => Change(decided.DivisionCode, division => division with
    {
        Decision = new DecisionRecord(decided.Awards, decided.RankedEntries, decided.DecidedBy, decided.DecidedAt),
    });

    private RoundAwards Change(string divisionCode, Func<DivisionAwards, DivisionAwards> change) => this with
    {
        Divisions = Divisions.Select(division => division.DivisionCode == divisionCode ? change(division) : division).ToList(),
    };
}
