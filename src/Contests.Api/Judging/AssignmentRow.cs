using Contests.Api.Infrastructure;
using Contests.Api.Registration;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Contests.Api.Judging;

/// <summary>
/// One assignment as its own small document, kept in the transaction that changes the round's assignments: every score
/// write checks "is this judge assigned this entry" with one keyed read instead of loading the round's whole list. It
/// carries the division the entry was assigned in, which its sheets are scored against, so a score write reads no team.
/// </summary>
public sealed record AssignmentRow(Guid Id, Guid ContestId, Guid RoundId, Guid EntryId, Guid TeamId, Guid JudgeId, string Division)
{
    public static Guid IdFor(Guid roundId, Guid entryId, Guid judgeId) => StreamIds.For("assignment", $"{roundId}/{entryId}/{judgeId}");

    public static AssignmentRow From(Guid contestId, Guid roundId, AssignedEntry assignment, string division) =>
        new(IdFor(roundId, assignment.EntryId, assignment.JudgeId), contestId, roundId, assignment.EntryId, assignment.TeamId, assignment.JudgeId, division);

    public AssignedEntry Assignment => new(EntryId, TeamId, JudgeId);
}

public sealed partial class AssignmentRowsProjection : EventProjection
{
    public async Task Project(IEvent<JudgesAssigned> assigned, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var data = assigned.Data;
        var divisions = await DivisionsOf(operations, data.Assignments.Select(assignment => assignment.TeamId), cancellationToken);
        operations.DeleteWhere<AssignmentRow>(row => row.RoundId == data.RoundId);
        operations.Store(data.Assignments.Select(assignment => AssignmentRow.From(data.ContestId, data.RoundId, assignment, divisions[assignment.TeamId])).ToArray());
    }

    public async Task Project(IEvent<JudgeAssignmentAdded> added, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var divisions = await DivisionsOf(operations, [added.Data.Assignment.TeamId], cancellationToken);
        operations.Store(AssignmentRow.From(added.Data.ContestId, added.Data.RoundId, added.Data.Assignment, divisions[added.Data.Assignment.TeamId]));
    }

    private static async Task<Dictionary<Guid, string>> DivisionsOf(IDocumentOperations operations, IEnumerable<Guid> teamIds, CancellationToken cancellationToken)
    {
        var ids = teamIds.Distinct().ToList();
        var teams = (await operations.LoadManyAsync<Team>(cancellationToken, ids)).ToDictionary(team => team.Id, team => team.DivisionCode);
        return ids.ToDictionary(id => id, id => teams.GetValueOrDefault(id, string.Empty));
    }

    public void Project(IEvent<JudgeAssignmentRemoved> removed, IDocumentOperations operations) =>
        operations.Delete<AssignmentRow>(AssignmentRow.IdFor(removed.Data.RoundId, removed.Data.Assignment.EntryId, removed.Data.Assignment.JudgeId));
}
