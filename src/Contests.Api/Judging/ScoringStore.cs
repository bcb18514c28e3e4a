using JasperFx.Events.Projections;
using Marten;

namespace Contests.Api.Judging;

public static class ScoringStore
{
    /// <summary>Assignments and score sheets as inline snapshots: a judge's next request sees what they just saved.</summary>
    public static void AddScoring(this StoreOptions store)
    {
        store.Projections.Snapshot<RoundAssignments>(SnapshotLifecycle.Inline);
        store.Projections.Snapshot<JudgeSheet>(SnapshotLifecycle.Inline);
        store.Schema.For<JudgeSheet>().Index(sheet => sheet.JudgeId).Index(sheet => sheet.RoundId);
    }
}
