using Contests.Api.Access;
using Contests.Domain.Judging;

namespace Contests.Api.Judging;

/// <summary>A judged round's rubric replaced as a whole, criteria in the order judges see them.</summary>
public sealed record RubricSet(Guid ContestId, Guid RoundId, IReadOnlyList<Criterion> Criteria, Actor SetBy, DateTimeOffset SetAt);

/// <summary>A judged round's aggregation method, trimming, judges per entry and tie-break rules, replaced as a whole.</summary>
public sealed record JudgingSettingsSet(Guid ContestId, Guid RoundId, JudgingSettings Settings, Actor SetBy, DateTimeOffset SetAt);

public sealed record JudgeAdded(
    Guid JudgeId, Guid ContestId, string Name, JudgeAffiliations Affiliations, string? Phone, string? Email, bool HeadJudge,
    Actor AddedBy, DateTimeOffset AddedAt);

/// <summary>A judge's profile replaced as a whole; the affiliations are what conflict-of-interest checks read from now on.</summary>
public sealed record JudgeDetailsChanged(
    Guid JudgeId, Guid ContestId, string Name, JudgeAffiliations Affiliations, string? Phone, string? Email, bool HeadJudge,
    Actor ChangedBy, DateTimeOffset ChangedAt);

public sealed record JudgeRemoved(Guid JudgeId, Guid ContestId, Actor RemovedBy, DateTimeOffset RemovedAt);

public sealed record PanelCreated(
    Guid PanelId, Guid ContestId, Guid RoundId, string Name, IReadOnlyList<string> Divisions, IReadOnlyList<string> Fields, IReadOnlyList<Guid> Members,
    Actor CreatedBy, DateTimeOffset CreatedAt);

/// <summary>A panel's name, scope and members replaced as a whole.</summary>
public sealed record PanelChanged(
    Guid PanelId, Guid ContestId, Guid RoundId, string Name, IReadOnlyList<string> Divisions, IReadOnlyList<string> Fields, IReadOnlyList<Guid> Members,
    Actor ChangedBy, DateTimeOffset ChangedAt);

public sealed record PanelRemoved(Guid PanelId, Guid ContestId, Guid RoundId, Actor RemovedBy, DateTimeOffset RemovedAt);
