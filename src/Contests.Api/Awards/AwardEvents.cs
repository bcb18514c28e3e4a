using Contests.Api.Access;
using Contests.Domain.Awards;

namespace Contests.Api.Awards;

public sealed record DivisionQuotas(string DivisionCode, IReadOnlyList<TierQuota> Tiers);

/// <summary>A round's award tiers and quotas replaced as a whole, for every division that has awards.</summary>
public sealed record AwardQuotasSet(Guid ContestId, Guid RoundId, IReadOnlyList<DivisionQuotas> Divisions, Actor SetBy, DateTimeOffset SetAt);

/// <summary>The organiser decides these entries' award against the quotas (a null tier: no award), and says why.</summary>
public sealed record AwardsOverridden(
    Guid ContestId, Guid RoundId, string DivisionCode, IReadOnlyList<Guid> TeamIds, AwardTier? Tier, string Reason, Actor OverriddenBy, DateTimeOffset OverriddenAt);

/// <summary>The organiser takes overrides back: these entries get what the quotas give them again.</summary>
public sealed record AwardOverridesWithdrawn(
    Guid ContestId, Guid RoundId, string DivisionCode, IReadOnlyList<Guid> TeamIds, string Reason, Actor WithdrawnBy, DateTimeOffset WithdrawnAt);

/// <summary>
/// One award as confirmed, with what its certificate prints taken at the moment of the decision, so the certificate
/// and the record never change afterwards. <see cref="CertificateCode"/> is random and unguessable: a code is genuine
/// only if a decision issued it.
/// </summary>
public sealed record DecidedAward(
    Guid TeamId,
    AwardTier Tier,
    int Rank,
    decimal? Score,
    AwardTier? ComputedTier,
    string? OverrideReason,
    string CertificateCode,
    string TeamName,
    string School,
    string District,
    IReadOnlyList<string> MemberNames,
    IReadOnlyList<string> MentorNames);

/// <summary>
/// The organiser confirms a division's awards: the allocation from the ranking and the quotas, with every override
/// applied and every boundary tie decided. A later decision replaces an earlier one and its certificates.
/// </summary>
public sealed record AwardsDecided(
    Guid ContestId,
    Guid RoundId,
    string DivisionCode,
    string ContestName,
    string OrganisingBody,
    string RoundName,
    string DivisionName,
    int RankedEntries,
    IReadOnlyList<DecidedAward> Awards,
    Actor DecidedBy,
    DateTimeOffset DecidedAt);
