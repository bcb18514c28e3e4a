using Contests.Api.Infrastructure;
using Contests.Domain.Judging;

namespace Contests.Api.Judging;

/// <summary>
/// Who judges which entry in one judged round: the inline snapshot of the stream "round-assignments/{roundId}". The
/// organisers' hand additions are remembered apart, so that a new plan keeps them.
/// </summary>
public sealed record RoundAssignments(Guid Id, Guid ContestId, Guid RoundId)
{
    public long Version { get; set; }

    public int? Seed { get; init; }

    public IReadOnlyList<AssignedEntry> Assignments { get; init; } = [];

    public IReadOnlyList<Shortfall> Shortfalls { get; init; } = [];

    public IReadOnlyList<AssignedEntry> AddedByHand { get; init; } = [];

    /// <summary>Pairs an organiser took apart by hand: a new plan does not make them again (a hand addition undoes one).</summary>
    public IReadOnlyList<AssignedEntry> RemovedByHand { get; init; } = [];

    public static Guid IdFor(Guid roundId) => StreamIds.For("round-assignments", roundId.ToString());

    public static RoundAssignments Unset(Guid contestId, Guid roundId) => new(IdFor(roundId), contestId, roundId);

    public static RoundAssignments Create(JudgesAssigned assigned) => Unset(assigned.ContestId, assigned.RoundId).Apply(assigned);

    public static RoundAssignments Create(JudgeAssignmentAdded added) => Unset(added.ContestId, added.RoundId).Apply(added);

    public RoundAssignments Apply(JudgesAssigned assigned) => this with
    {
        Seed = assigned.Seed,
        Assignments = assigned.Assignments,
        Shortfalls = assigned.Shortfalls,
        AddedByHand = AddedByHand.Where(assigned.Assignments.Contains).ToList(),
    };

    public RoundAssignments Apply(JudgeAssignmentAdded added) => this with
    {
        Assignments = [.. Assignments, added.Assignment],
        AddedByHand = [.. AddedByHand, added.Assignment],
        RemovedByHand = RemovedByHand.Where(assignment => assignment != added.Assignment).ToList(),
    };

    public RoundAssignments Apply(JudgeAssignmentRemoved removed) => this with
    {
        Assignments = Assignments.Where(assignment => assignment != removed.Assignment).ToList(),
        AddedByHand = AddedByHand.Where(assignment => assignment != removed.Assignment).ToList(),
        RemovedByHand = [.. RemovedByHand, removed.Assignment],
    };

    public AssignedEntry? Find(Guid entryId, Guid judgeId) =>
        Assignments.FirstOrDefault(assignment => assignment.EntryId == entryId && assignment.JudgeId == judgeId);
}

/// <summary>One judge's load in the round.</summary>
public sealed record JudgeLoad(Guid JudgeId, string Name, int Entries);

/// <summary>The round's assignments as organisers read them, with each judge's load and every shortfall explained.</summary>
public sealed record RoundAssignmentsView(
    Guid RoundId, int? Seed, int JudgesPerEntry, IReadOnlyList<AssignedEntry> Assignments, IReadOnlyList<AssignedEntry> AddedByHand, IReadOnlyList<AssignedEntry> RemovedByHand,
    IReadOnlyList<JudgeLoad> Loads, IReadOnlyList<Shortfall> Shortfalls, IReadOnlyList<DroppedAssignment> Dropped, long Version)
{
    public static RoundAssignmentsView From(RoundAssignments assignments, int judgesPerEntry, IReadOnlyList<Judge> judges, IReadOnlyList<DroppedAssignment>? dropped = null) =>
        new(assignments.RoundId, assignments.Seed, judgesPerEntry, assignments.Assignments, assignments.AddedByHand, assignments.RemovedByHand,
            judges.Select(judge => new JudgeLoad(judge.Id, judge.Name, assignments.Assignments.Count(assignment => assignment.JudgeId == judge.Id)))
                .Where(load => load.Entries > 0)
                .ToList(),
            assignments.Shortfalls, dropped ?? [], assignments.Version);
}
