using Contests.Api.Access;
using Contests.Domain.Judging;
using Marten;

namespace Contests.Api.Judging;

/// <summary>One version of a judge's sheet as it was submitted or corrected, with who, when and why.</summary>
public sealed record SheetVersion(
    int Number, bool Correction, IReadOnlyList<CriterionScore> Scores, decimal Total, string? Comment, string? Reason, Actor By, DateTimeOffset At);

/// <summary>
/// A judge's sheet for an entry: every submitted or corrected version, the last one current. <c>StreamVersion</c> is the
/// sheet stream's version, drafts counted, so it is what a correction sends as If-Match, not the number of versions.
/// </summary>
public sealed record ScoredSheet(Guid EntryId, Guid TeamId, Guid JudgeId, string Division, IReadOnlyList<SheetVersion> Versions, long StreamVersion)
{
    public SheetVersion Current => Versions[^1];
}

/// <summary>The organisers' recorded order of entries of one division that the tie-breaks left tied.</summary>
public sealed record TieOrder(string Division, IReadOnlyList<Guid> EntryIds);

/// <summary>
/// What judging of one round has produced so far: its assignments, every judge's sheets with all their submitted and
/// corrected versions (drafts count for nothing and are left out) and the organisers' tie orders. It is put together
/// when read from the round's inline documents (<see cref="RoundAssignments"/>, each <see cref="JudgeSheet"/>,
/// <see cref="RoundTieOrders"/>), so it always holds the last committed score. Results and rankings are computed from
/// it with the round's rubric and settings as they are then, so a changed rubric or method never leaves a stale
/// ranking behind. <see cref="Revision"/> counts the judging events it rests on; <see cref="TieOrderVersion"/> is the
/// version of the tie orders' stream, their ETag.
/// </summary>
public sealed record RoundScores(
    Guid Id, Guid ContestId, long Revision, IReadOnlyList<AssignedEntry> Assignments, IReadOnlyList<ScoredSheet> Sheets, IReadOnlyList<TieOrder> TieOrders,
    long TieOrderVersion)
{
    /// <summary>
    /// One round trip for the assignments and tie orders, one for the sheets. Each sheet is its own document (one stream
    /// per judge and entry), so judges scoring at once never write to a shared document, and nothing runs behind.
    /// </summary>
    public static async Task<RoundScores> LoadAsync(IQuerySession session, Guid contestId, Guid roundId, CancellationToken cancellationToken)
    {
        var batch = session.CreateBatchQuery();
        var assignmentsRead = batch.Load<RoundAssignments>(RoundAssignments.IdFor(roundId));
        var tieOrdersRead = batch.Load<RoundTieOrders>(Judging.TieOrders.IdFor(roundId));
        var sheetsRead = batch.Query<JudgeSheet>().Where(sheet => sheet.RoundId == roundId).ToList();
        await batch.Execute(cancellationToken);
        return From(contestId, roundId, await assignmentsRead, await sheetsRead, await tieOrdersRead);
    }

    public static RoundScores From(
        Guid contestId, Guid roundId, RoundAssignments? assignments, IReadOnlyList<JudgeSheet> sheets, RoundTieOrders? tieOrders)
    {
        var scored = sheets
            .Where(sheet => sheet.History.Count > 0)
            .OrderBy(sheet => sheet.History[0].At)
            .ThenBy(sheet => sheet.Id)
            .Select(sheet => new ScoredSheet(sheet.EntryId, sheet.TeamId, sheet.JudgeId, sheet.Division!, sheet.History, sheet.Version))
            .ToList();
        var revision = (assignments?.Version ?? 0) + scored.Sum(sheet => sheet.Versions.Count) + (tieOrders?.Version ?? 0);
        return new RoundScores(roundId, contestId, revision, assignments?.Assignments ?? [], scored, tieOrders?.Orders ?? [], tieOrders?.Version ?? 0);
    }

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
}

/// <summary>The organisers' tie orders of one round, one per division, the last decided: the inline snapshot of "round-tie-orders/{roundId}".</summary>
public sealed record RoundTieOrders(Guid Id)
{
    public long Version { get; set; }

    public IReadOnlyList<TieOrder> Orders { get; init; } = [];

    public static RoundTieOrders Create(TieOrderDecided decided) => new RoundTieOrders(Judging.TieOrders.IdFor(decided.RoundId)).Apply(decided);

    public RoundTieOrders Apply(TieOrderDecided decided) => this with
    {
        Orders = [.. Orders.Where(order => !string.Equals(order.Division, decided.Division, StringComparison.OrdinalIgnoreCase)), new TieOrder(decided.Division, decided.EntryIds)],
    };
}
