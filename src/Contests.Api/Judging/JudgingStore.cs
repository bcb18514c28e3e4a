using JasperFx.Events.Projections;
using Marten;

namespace Contests.Api.Judging;

public static class JudgingStore
{
    /// <summary>Judging's inline snapshots: what is read is always what was just written.</summary>
    public static void AddJudging(this StoreOptions store)
    {
        store.Projections.Add<JudgingAuditProjection>(ProjectionLifecycle.Inline);
        store.Projections.Snapshot<RoundJudging>(SnapshotLifecycle.Inline);
        store.Projections.Snapshot<Judge>(SnapshotLifecycle.Inline);
        store.Projections.Snapshot<Panel>(SnapshotLifecycle.Inline);
        store.Schema.For<Judge>().Index(judge => judge.ContestId);
        store.Schema.For<Panel>().Index(panel => panel.ContestId);
        store.Projections.Snapshot<RoundTieOrders>(SnapshotLifecycle.Inline);
    }
}
