using Contests.Api.Access;
using Contests.Domain.Judging;

namespace Contests.Api.Judging;

// Assignments of one judged round live in the stream "round-assignments/{roundId}" (RoundAssignments.IdFor). The entry
// id everywhere below is the entry's stream id (Entry.IdFor(roundId, teamId)); the team id travels with it so that reads
// never have to load the entry to say whose it is.

/// <summary>The round's assignments replaced as a whole by a plan (hand adjustments it kept included), with the seed that made it.</summary>
public sealed record JudgesAssigned(
    Guid ContestId, Guid RoundId, int Seed, IReadOnlyList<AssignedEntry> Assignments, IReadOnlyList<Shortfall> Shortfalls,
    Actor AssignedBy, DateTimeOffset AssignedAt);

/// <summary>One entry given to one judge, as a plan or an organiser's hand adjustment records it.</summary>
public sealed record AssignedEntry(Guid EntryId, Guid TeamId, Guid JudgeId);

/// <summary>An organiser's hand adjustment: one judge given one more entry.</summary>
public sealed record JudgeAssignmentAdded(Guid ContestId, Guid RoundId, AssignedEntry Assignment, string? Reason, Actor AddedBy, DateTimeOffset AddedAt);

/// <summary>An organiser's hand adjustment: one judge relieved of one entry. Scores already given stay in their stream.</summary>
public sealed record JudgeAssignmentRemoved(Guid ContestId, Guid RoundId, AssignedEntry Assignment, string? Reason, Actor RemovedBy, DateTimeOffset RemovedAt);

// One judge's score sheet for one entry lives in the stream "score-sheet/{roundId}/{entryId}/{judgeId}"
// (ScoreSheetStream.IdFor). Every version is an event; nothing is overwritten. RequestKey is the client's idempotency
// key: a request whose key is already in the stream is answered from it and appends nothing.

/// <summary>A judge's unfinished sheet kept on the server; it counts for nothing until submitted.</summary>
public sealed record ScoreDraftSaved(
    Guid ContestId, Guid RoundId, Guid EntryId, Guid TeamId, Guid JudgeId, IReadOnlyList<CriterionScore> Scores, string? Comment,
    string? RequestKey, Actor SavedBy, DateTimeOffset SavedAt);

/// <summary>A judge's complete sheet, checked against the rubric; <c>Total</c> is its weighted total for the entry's division.</summary>
public sealed record ScoreSubmitted(
    Guid ContestId, Guid RoundId, Guid EntryId, Guid TeamId, Guid JudgeId, string Division, IReadOnlyList<CriterionScore> Scores,
    decimal Total, string? Comment, string? RequestKey, Actor SubmittedBy, DateTimeOffset SubmittedAt);

/// <summary>
/// A submitted sheet replaced by a new complete one: by its judge while judging is open, or after the lock by the head
/// judge or an organiser, who must give a reason.
/// </summary>
public sealed record ScoreCorrected(
    Guid ContestId, Guid RoundId, Guid EntryId, Guid TeamId, Guid JudgeId, string Division, IReadOnlyList<CriterionScore> Scores,
    decimal Total, string? Comment, string? Reason, string? RequestKey, Actor CorrectedBy, DateTimeOffset CorrectedAt);

// Locking by hand lives in the round's judging stream (RoundJudging.IdFor). Judging of a round is locked when the
// injected clock has passed the schedule's judging lock, or an organiser locked it, unless an organiser unlocked it
// after both; the scheduled RoundJudgingLocked only notifies.

public sealed record JudgingLockedByHand(Guid ContestId, Guid RoundId, string? Reason, Actor LockedBy, DateTimeOffset LockedAt);

public sealed record JudgingUnlockedByHand(Guid ContestId, Guid RoundId, string Reason, Actor UnlockedBy, DateTimeOffset UnlockedAt);
