using Contests.Api.Access;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Contests.Api.Judging;

/// <summary>
/// Judging's security-relevant events in the organisation's audit log: every correction of a submitted sheet (after
/// the lock only the head judge or an organiser makes one, always with a reason), and judging locked or unlocked by hand.
/// </summary>
public sealed partial class JudgingAuditProjection : EventProjection
{
    public static AuditEntry Create(IEvent<ScoreCorrected> e) =>
        new(e.Id, e.Data.CorrectedAt, "score-corrected", e.Data.CorrectedBy.Name, e.Data.CorrectedBy.Role,
            $"entry {e.Data.EntryId}, judge {e.Data.JudgeId}: {e.Data.Total}{(e.Data.Reason is { } reason ? $" — {reason}" : string.Empty)}", null);

    public static AuditEntry Create(IEvent<JudgingLockedByHand> e) =>
        new(e.Id, e.Data.LockedAt, "judging-locked", e.Data.LockedBy.Name, e.Data.LockedBy.Role, $"round {e.Data.RoundId}{(e.Data.Reason is { } reason ? $" — {reason}" : string.Empty)}", null);

    public static AuditEntry Create(IEvent<JudgingUnlockedByHand> e) =>
        new(e.Id, e.Data.UnlockedAt, "judging-unlocked", e.Data.UnlockedBy.Name, e.Data.UnlockedBy.Role, $"round {e.Data.RoundId} — {e.Data.Reason}", null);
}
