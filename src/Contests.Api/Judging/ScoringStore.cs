using JasperFx.Events.Projections;
using Marten;

namespace Contests.Api.Judging;

public static class ScoringStore
{
    /// <summary>Assignments, their rows and score sheets, all inline: a judge's next request sees what was just saved.</summary>
    public static void AddScoring(this StoreOptions store)
    {
        store.Projections.Snapshot<RoundAssignments>(SnapshotLifecycle.Inline);
        store.Projections.Snapshot<JudgeSheet>(SnapshotLifecycle.Inline);
        store.Projections.Add<AssignmentRowsProjection>(ProjectionLifecycle.Inline);
        store.Schema.For<AssignmentRow>().Index(row => row.JudgeId).Index(row => row.RoundId);
        store.Schema.For<JudgeSheet>().Index(sheet => sheet.JudgeId).Index(sheet => sheet.RoundId);
    }
}
