using Contests.Api.Access;
using Contests.Domain.Judging;
using Marten.Events.Projections;

namespace Contests.Api.Judging;

/// <summary>One version of a judge's sheet as it was submitted or corrected, with who, when and why.</summary>
public sealed record SheetVersion(
    int Number, bool Correction, IReadOnlyList<CriterionScore> Scores, decimal Total, string? Comment, string? Reason, Actor By, DateTimeOffset At);

/// <summary>A judge's sheet for an entry: every submitted or corrected version, the last one current.</summary>
public sealed record ScoredSheet(Guid EntryId, Guid TeamId, Guid JudgeId, string Division, IReadOnlyList<SheetVersion> Versions)
{
    public SheetVersion Current => Versions[^1];
}

/// <summary>The organisers' recorded order of entries of one division that the tie-breaks left tied.</summary>
public sealed record TieOrder(string Division, IReadOnlyList<Guid> EntryIds);

/// <summary>
/// What judging of one round has produced so far, one document per round (id = the round's id): its assignments, every
/// judge's sheets with all their versions (drafts count for nothing and are left out) and the organisers' tie orders.
/// Results and rankings are computed from it when read, with the round's rubric and settings as they are then, so a
/// changed rubric or method never leaves a stale ranking behind. <see cref="Revision"/> counts the events applied; it
/// is not named Version because Marten would overwrite that with the global event sequence.
/// </summary>
public sealed record RoundScores(
    Guid Id, Guid ContestId, long Revision, IReadOnlyList<AssignedEntry> Assignments, IReadOnlyList<ScoredSheet> Sheets, IReadOnlyList<TieOrder> TieOrders)
    : Marten.Metadata.ITenanted
{
    public string? TenantId { get; set; }

    public static RoundScores Start(Guid contestId, Guid roundId) => new(roundId, contestId, 0, [], [], []);

    public bool IsAssigned(Guid entryId, Guid judgeId) =>
        Assignments.Any(assignment => assignment.EntryId == entryId && assignment.JudgeId == judgeId);

    /// <summary>The sheets that count: the current version of each sheet whose judge is still assigned to the entry.</summary>
    public IReadOnlyList<ScoredSheet> Counted()
    {
        var assigned = Assignments.Select(assignment => (assignment.EntryId, assignment.JudgeId)).ToHashSet();
        return Sheets.Where(sheet => assigned.Contains((sheet.EntryId, sheet.JudgeId))).ToList();
    }

    public IReadOnlyDictionary<string, IReadOnlyList<Guid>> TieOrdersByDivision() =>
        TieOrders.ToDictionary(order => order.Division, order => order.EntryIds, StringComparer.OrdinalIgnoreCase);

    public RoundScores With(JudgesAssigned assigned) =>
        this with { Revision = Revision + 1, Assignments = assigned.Assignments.Distinct().ToList() };

    public RoundScores With(JudgeAssignmentAdded added) =>
        this with { Revision = Revision + 1, Assignments = [.. Assignments.Where(assignment => assignment != added.Assignment), added.Assignment] };

    public RoundScores With(JudgeAssignmentRemoved removed) =>
        this with { Revision = Revision + 1, Assignments = Assignments.Where(assignment => assignment != removed.Assignment).ToList() };

    public RoundScores With(Guid entryId, Guid teamId, Guid judgeId, string division, Func<int, SheetVersion> version)
    {
        var existing = Sheets.FirstOrDefault(sheet => sheet.EntryId == entryId && sheet.JudgeId == judgeId);
        var sheet = existing is null
            ? new ScoredSheet(entryId, teamId, judgeId, division, [version(1)])
            : existing with { Division = division, Versions = [.. existing.Versions, version(existing.Versions.Count + 1)] };
        return this with
        {
            Revision = Revision + 1,
            Sheets = existing is null ? [.. Sheets, sheet] : Sheets.Select(other => ReferenceEquals(other, existing) ? sheet : other).ToList(),
        };
    }

    public RoundScores With(TieOrderDecided decided) =>
        this with
        {
            Revision = Revision + 1,
            TieOrders = [.. TieOrders.Where(order => !string.Equals(order.Division, decided.Division, StringComparison.OrdinalIgnoreCase)), new TieOrder(decided.Division, decided.EntryIds)],
        };
}

/// <summary>
/// Runs in the async daemon (Solo), one writer taking events in order: every judge of a round writes to their own sheet
/// stream at once, and all of them land on this one document, so an inline projection would have concurrent sessions
/// each load, change and overwrite it, losing sheets. Organisers' views may trail a submission by a moment; advancement
/// reads it long after judging has locked.
/// </summary>
public sealed partial class RoundScoresProjection : MultiStreamProjection<RoundScores, Guid>
{
    public RoundScoresProjection()
    {
        Identity<JudgesAssigned>(assigned => assigned.RoundId);
        Identity<JudgeAssignmentAdded>(added => added.RoundId);
        Identity<JudgeAssignmentRemoved>(removed => removed.RoundId);
        Identity<ScoreSubmitted>(submitted => submitted.RoundId);
        Identity<ScoreCorrected>(corrected => corrected.RoundId);
        Identity<TieOrderDecided>(decided => decided.RoundId);
    }

    public static RoundScores Create(JudgesAssigned assigned) => Apply(assigned, RoundScores.Start(assigned.ContestId, assigned.RoundId));

    public static RoundScores Create(JudgeAssignmentAdded added) => Apply(added, RoundScores.Start(added.ContestId, added.RoundId));

    public static RoundScores Create(JudgeAssignmentRemoved removed) => Apply(removed, RoundScores.Start(removed.ContestId, removed.RoundId));

    public static RoundScores Create(ScoreSubmitted submitted) => Apply(submitted, RoundScores.Start(submitted.ContestId, submitted.RoundId));

    public static RoundScores Create(ScoreCorrected corrected) => Apply(corrected, RoundScores.Start(corrected.ContestId, corrected.RoundId));

    public static RoundScores Create(TieOrderDecided decided) => Apply(decided, RoundScores.Start(decided.ContestId, decided.RoundId));

    public static RoundScores Apply(JudgesAssigned assigned, RoundScores scores) => scores.With(assigned);

    public static RoundScores Apply(JudgeAssignmentAdded added, RoundScores scores) => scores.With(added);

    public static RoundScores Apply(JudgeAssignmentRemoved removed, RoundScores scores) => scores.With(removed);

    public static RoundScores Apply(ScoreSubmitted submitted, RoundScores scores) =>
        scores.With(submitted.EntryId, submitted.TeamId, submitted.JudgeId, submitted.Division, number => new SheetVersion(
            number, number > 1, submitted.Scores, submitted.Total, submitted.Comment, null, submitted.SubmittedBy, submitted.SubmittedAt));

    public static RoundScores Apply(ScoreCorrected corrected, RoundScores scores) =>
        scores.With(corrected.EntryId, corrected.TeamId, corrected.JudgeId, corrected.Division, number => new SheetVersion(
            number, true, corrected.Scores, corrected.Total, corrected.Comment, corrected.Reason, corrected.CorrectedBy, corrected.CorrectedAt));

    public static RoundScores Apply(TieOrderDecided decided, RoundScores scores) => scores.With(decided);
}
