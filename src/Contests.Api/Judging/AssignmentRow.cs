using Contests.Api.Infrastructure;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Contests.Api.Judging;

/// <summary>
/// One assignment as its own small document, kept in the transaction that changes the round's assignments: every score
/// write checks "is this judge assigned this entry" with one keyed read instead of loading the round's whole list.
/// </summary>
public sealed record AssignmentRow(Guid Id, Guid ContestId, Guid RoundId, Guid EntryId, Guid TeamId, Guid JudgeId)
{
    public static Guid IdFor(Guid roundId, Guid entryId, Guid judgeId) => StreamIds.For("assignment", $"{roundId}/{entryId}/{judgeId}");

    public static AssignmentRow From(Guid contestId, Guid roundId, AssignedEntry assignment) =>
        new(IdFor(roundId, assignment.EntryId, assignment.JudgeId), contestId, roundId, assignment.EntryId, assignment.TeamId, assignment.JudgeId);

    public AssignedEntry Assignment => new(EntryId, TeamId, JudgeId);
}

public sealed partial class AssignmentRowsProjection : EventProjection
{
    public void Project(IEvent<JudgesAssigned> assigned, IDocumentOperations operations)
    {
        var data = assigned.Data;
        operations.DeleteWhere<AssignmentRow>(row => row.RoundId == data.RoundId);
        operations.Store(data.Assignments.Select(assignment => AssignmentRow.From(data.ContestId, data.RoundId, assignment)).ToArray());
    }

    public void Project(IEvent<JudgeAssignmentAdded> added, IDocumentOperations operations) =>
        operations.Store(AssignmentRow.From(added.Data.ContestId, added.Data.RoundId, added.Data.Assignment));

    public void Project(IEvent<JudgeAssignmentRemoved> removed, IDocumentOperations operations) =>
        operations.Delete<AssignmentRow>(AssignmentRow.IdFor(removed.Data.RoundId, removed.Data.Assignment.EntryId, removed.Data.Assignment.JudgeId));
}
