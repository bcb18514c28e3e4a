using Contests.Api.Access;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Contests.Api.Matches;

/// <summary>A confirmed match result corrected by the head referee, with the reason, in the organisation's audit log.</summary>
public sealed partial class MatchesAuditProjection : EventProjection
{
    public static AuditEntry Create(IEvent<MatchResultCorrected> e) =>
        new(e.Id, e.Data.CorrectedAt, "match-result-corrected", e.Data.CorrectedBy.Name, e.Data.CorrectedBy.Role, $"{e.Data.Code} — {e.Data.Reason}", null);
}
