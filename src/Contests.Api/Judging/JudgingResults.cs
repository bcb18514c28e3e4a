using Contests.Api.Infrastructure;
using Contests.Domain.Judging;
using Contests.Domain.Text;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Judging;

/// <summary>
/// An entry's place: competition rank shared by ties (<c>Tied</c>), the tie-break rule that separated it (null when the
/// score alone did, or it is still tied), its result by the round's method and what tie-breaks read.
/// </summary>
public sealed record RankingRow(
    int Rank, bool Tied, TieBreakRule? DecidedBy, decimal Score, decimal Median, int JudgeCount,
    IReadOnlyDictionary<string, decimal> CriterionMeans, EntryLabel Entry);

public sealed record DivisionRankingView(string Division, string DivisionName, decimal Maximum, IReadOnlyList<RankingRow> Rows);

/// <summary>
/// <c>Revision</c> counts the judging events the view rests on, so a screen can tell it has caught up;
/// <c>TieOrderVersion</c> is the version to send as If-Match when recording a tie order.
/// </summary>
public sealed record JudgingResultsView(
    Guid RoundId, string RoundName, JudgingSettings Settings, IReadOnlyList<DivisionRankingView> Divisions, long Revision, long TieOrderVersion);

public sealed record JudgeProgressView(Guid JudgeId, string Name, int Scored, int Assigned);

public sealed record PanelProgressView(Guid PanelId, string Name, IReadOnlyList<string> Divisions, int Scored, int Assigned, IReadOnlyList<JudgeProgressView> Judges);

/// <summary>An entry with fewer sheets than judges assigned, and the judges still to score it.</summary>
public sealed record MissingEntryView(EntryLabel Entry, int Scored, int Assigned, IReadOnlyList<JudgeName> MissingJudges);

/// <summary>An entry of the round: <c>Scored</c> of its <c>Assigned</c> judges have a sheet that counts (0 of 0 when every judge who scored it was relieved).</summary>
public sealed record EntryProgressView(EntryLabel Entry, int Scored, int Assigned);

/// <summary>
/// Progress in sheets: <c>Scored</c> of <c>Assigned</c> (entry, judge) pairs have a submitted sheet. <c>Entries</c> is
/// every entry assigned or scored in the round, by division and code, so a head judge can find one with no sheet yet.
/// </summary>
public sealed record JudgingProgressView(
    Guid RoundId, int Scored, int Assigned, IReadOnlyList<PanelProgressView> Panels, IReadOnlyList<JudgeProgressView> Judges,
    IReadOnlyList<MissingEntryView> Missing, IReadOnlyList<EntryProgressView> Entries, long Revision);

/// <summary>One judge's distance from the other judges of the entries they scored in one division (see <see cref="Outliers"/>).</summary>
public sealed record JudgeDeviationView(
    Guid JudgeId, string Name, string Division, int Compared, decimal MeanDeviation, decimal MeanAbsoluteDeviation, decimal ShareOfRange, bool Outlier);

public sealed record OutliersView(Guid RoundId, decimal ShareOfRange, int MinimumCompared, IReadOnlyList<JudgeDeviationView> Judges, long Revision);

/// <summary>
/// One judge's sheet for the entry with every version; <c>Counted</c> is false once the judge was relieved of it.
/// <c>Version</c> is the sheet's own version (drafts counted): the If-Match of a correction made from this view.
/// </summary>
public sealed record SheetHistoryView(JudgeName Judge, bool Counted, IReadOnlyList<SheetVersion> Versions, long Version);

/// <summary>
/// An entry's sheets with the rubric of its division (<c>Criteria</c>, <c>Maximum</c>), which a correction is scored
/// against; <c>Owed</c> are the judges assigned the entry who have not submitted a sheet for it yet.
/// </summary>
public sealed record EntryHistoryView(
    EntryLabel Entry, IReadOnlyList<SheetHistoryView> Sheets, IReadOnlyList<JudgeName> Owed, IReadOnlyList<Criterion> Criteria, decimal Maximum, long Revision);

/// <summary>One judge's current scores for one entry, by criterion code; null scores: not scored (yet, when assigned).</summary>
public sealed record SideBySideCell(Guid JudgeId, bool Assigned, IReadOnlyDictionary<string, decimal>? Scores, decimal? Total);

public sealed record SideBySideRow(EntryLabel Entry, decimal? Score, IReadOnlyList<SideBySideCell> Cells);

/// <summary>A division's entries (rows) against its judges (columns), per criterion and total, ranked entries first.</summary>
public sealed record SideBySideView(
    string Division, IReadOnlyList<string> Divisions, IReadOnlyList<string> Criteria, IReadOnlyList<JudgeName> Judges, IReadOnlyList<SideBySideRow> Rows, long Revision);

/// <summary>The organisers' (and head judge's) views of a round's judging: results, progress, outliers, history, side by side.</summary>
public static class JudgingResults
{
    public static async Task<Results<Ok<JudgingResultsView>, ProblemHttpResult>> Get(
        Guid contestId, Guid roundId, HttpContext httpContext, IQuerySession session, CancellationToken cancellationToken)
    {
        var (model, refusal) = await JudgingReads.LoadFor(httpContext.User, session, contestId, roundId, cancellationToken);
        if (model is null)
        {
            return refusal!;
        }

        return TypedResults.Ok(new JudgingResultsView(
            roundId, model.Judged.Round.Name, model.Judging.Settings, Rankings(model), model.Scores.Revision, model.Scores.TieOrderVersion));
    }

    /// <summary>Each division's ranking as the results screen and the ranking export show it.</summary>
    public static IReadOnlyList<DivisionRankingView> Rankings(JudgingReadModel model)
    {
        var names = model.Judged.Contest.Divisions.ToDictionary(division => division.Code, division => division.Name, StringComparer.OrdinalIgnoreCase);
        return model.Standings().Select(standing => new DivisionRankingView(
            standing.Division,
            names.GetValueOrDefault(standing.Division, standing.Division),
            model.Judging.Rubric.Range(standing.Division).Maximum,
            standing.Entries.Select(entry => new RankingRow(
                entry.Place.Rank, entry.Place.Tied, entry.Place.DecidedBy, entry.Result.Score, entry.Result.Median, entry.Result.JudgeCount,
                entry.Result.CriterionMeans, model.Label(entry.Place.EntryId, model.TeamOf(entry.Place.EntryId)))).ToList())).ToList();
    }

    public static async Task<Results<Ok<JudgingProgressView>, ProblemHttpResult>> Progress(
        Guid contestId, Guid roundId, HttpContext httpContext, IQuerySession session, CancellationToken cancellationToken)
    {
        var (model, refusal) = await JudgingReads.LoadFor(httpContext.User, session, contestId, roundId, cancellationToken);
        if (model is null)
        {
            return refusal!;
        }

        var scores = model.Scores;
        var scored = scores.Counted().Select(sheet => (sheet.EntryId, sheet.JudgeId)).ToHashSet();
        var assignments = scores.Assignments;
        JudgeProgressView ProgressOf(Guid judgeId, IEnumerable<AssignedEntry> within)
        {
            var own = within.Where(assignment => assignment.JudgeId == judgeId).ToList();
            return new JudgeProgressView(judgeId, model.JudgeNamed(judgeId).Name, own.Count(assignment => scored.Contains((assignment.EntryId, judgeId))), own.Count);
        }

        var judges = assignments.Select(assignment => assignment.JudgeId).Distinct()
            .Select(judgeId => ProgressOf(judgeId, assignments))
            .OrderBy(judge => judge.Name, VietnameseText.Collation)
            .ToList();
        var panels = model.Panels.OrderBy(panel => panel.Name, VietnameseText.Collation).Select(panel =>
        {
            // A panel's work: its members' assignments on entries of its divisions (all divisions when it names none).
            var within = assignments.Where(assignment => panel.Members.Contains(assignment.JudgeId) &&
                (panel.Divisions.Count == 0 || panel.Divisions.Contains(model.DivisionOf(assignment.EntryId, assignment.TeamId), StringComparer.OrdinalIgnoreCase))).ToList();
            var members = panel.Members.Select(judgeId => ProgressOf(judgeId, within)).OrderBy(judge => judge.Name, VietnameseText.Collation).ToList();
            return new PanelProgressView(panel.Id, panel.Name, panel.Divisions, members.Sum(judge => judge.Scored), members.Sum(judge => judge.Assigned), members);
        }).ToList();
        var missing = assignments
            .GroupBy(assignment => (assignment.EntryId, assignment.TeamId))
            .Where(entry => entry.Any(assignment => !scored.Contains((assignment.EntryId, assignment.JudgeId))))
            .Select(entry => new MissingEntryView(
                model.Label(entry.Key.EntryId, entry.Key.TeamId),
                entry.Count(assignment => scored.Contains((assignment.EntryId, assignment.JudgeId))),
                entry.Count(),
                entry.Where(assignment => !scored.Contains((assignment.EntryId, assignment.JudgeId)))
                    .Select(assignment => model.JudgeNamed(assignment.JudgeId)).OrderBy(judge => judge.Name, VietnameseText.Collation).ToList()))
            .OrderBy(entry => entry.Scored)
            .ThenBy(entry => entry.Entry.Division, StringComparer.Ordinal)
            .ThenBy(entry => entry.Entry.Code, StringComparer.Ordinal)
            .ToList();
        var assignedTo = assignments.ToLookup(assignment => assignment.EntryId);
        var entries = assignments.Select(assignment => (assignment.EntryId, assignment.TeamId))
            .Concat(scores.Sheets.Select(sheet => (sheet.EntryId, sheet.TeamId)))
            .Distinct()
            .Select(entry => new EntryProgressView(
                model.Label(entry.EntryId, entry.TeamId),
                assignedTo[entry.EntryId].Count(assignment => scored.Contains((entry.EntryId, assignment.JudgeId))),
                assignedTo[entry.EntryId].Count()))
            .OrderBy(entry => entry.Entry.Division, StringComparer.Ordinal)
            .ThenBy(entry => entry.Entry.Code, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new JudgingProgressView(
            roundId, judges.Sum(judge => judge.Scored), assignments.Count, panels, judges, missing, entries, scores.Revision));
    }

    public static async Task<Results<Ok<OutliersView>, ProblemHttpResult>> Outliers(
        Guid contestId, Guid roundId, HttpContext httpContext, IQuerySession session, CancellationToken cancellationToken)
    {
        var (model, refusal) = await JudgingReads.LoadFor(httpContext.User, session, contestId, roundId, cancellationToken);
        if (model is null)
        {
            return refusal!;
        }

        var rubric = model.Judging.Rubric;
        var judges = model.Scores.Counted()
            .GroupBy(sheet => sheet.Division, StringComparer.OrdinalIgnoreCase)
            .SelectMany(division => Domain.Judging.Outliers.Measure(
                    division.Select(sheet => new JudgeTotal(sheet.EntryId, sheet.JudgeId, rubric.WeightedTotal(division.Key, sheet.Current.Scores))).ToList(),
                    rubric.Range(division.Key))
                .Select(deviation => new JudgeDeviationView(
                    deviation.JudgeId, model.JudgeNamed(deviation.JudgeId).Name, division.Key, deviation.Compared, deviation.MeanDeviation,
                    deviation.MeanAbsoluteDeviation, deviation.ShareOfRange, deviation.Outlier)))
            .OrderByDescending(judge => judge.Outlier)
            .ThenByDescending(judge => judge.ShareOfRange)
            .ThenBy(judge => judge.Name, VietnameseText.Collation)
            .ToList();
        return TypedResults.Ok(new OutliersView(roundId, Domain.Judging.Outliers.DefaultShareOfRange, Domain.Judging.Outliers.DefaultMinimumCompared, judges, model.Scores.Revision));
    }

    public static async Task<Results<Ok<EntryHistoryView>, ProblemHttpResult>> History(
        Guid contestId, Guid roundId, Guid entryId, HttpContext httpContext, IQuerySession session, CancellationToken cancellationToken)
    {
        var (model, refusal) = await JudgingReads.LoadFor(httpContext.User, session, contestId, roundId, cancellationToken);
        if (model is null)
        {
            return refusal!;
        }

        var sheets = model.Scores.Sheets.Where(sheet => sheet.EntryId == entryId).ToList();
        var teamId = sheets.FirstOrDefault()?.TeamId ?? model.Scores.Assignments.FirstOrDefault(assignment => assignment.EntryId == entryId)?.TeamId;
        if (teamId is null)
        {
            return Problems.NotFound("scored-entry-not-found");
        }

        var history = sheets
            .Select(sheet => new SheetHistoryView(model.JudgeNamed(sheet.JudgeId), model.Scores.IsAssigned(entryId, sheet.JudgeId), sheet.Versions, sheet.StreamVersion))
            .OrderBy(sheet => sheet.Judge.Name, VietnameseText.Collation)
            .ToList();
        var owed = model.Scores.Assignments
            .Where(assignment => assignment.EntryId == entryId && !sheets.Any(sheet => sheet.JudgeId == assignment.JudgeId))
            .Select(assignment => model.JudgeNamed(assignment.JudgeId))
            .OrderBy(judge => judge.Name, VietnameseText.Collation)
            .ToList();
        var entry = model.Label(entryId, teamId.Value);
        var rubric = model.Judging.Rubric;
        return TypedResults.Ok(new EntryHistoryView(entry, history, owed, rubric.For(entry.Division), rubric.Range(entry.Division).Maximum, model.Scores.Revision));
    }

    public static async Task<Results<Ok<SideBySideView>, ProblemHttpResult>> SideBySide(
        Guid contestId, Guid roundId, string? division, HttpContext httpContext, IQuerySession session, CancellationToken cancellationToken)
    {
        var (model, refusal) = await JudgingReads.LoadFor(httpContext.User, session, contestId, roundId, cancellationToken);
        if (model is null)
        {
            return refusal!;
        }

        var scores = model.Scores;
        var entries = scores.Assignments.Select(assignment => (assignment.EntryId, assignment.TeamId))
            .Concat(scores.Counted().Select(sheet => (sheet.EntryId, sheet.TeamId)))
            .Distinct()
            .Select(entry => model.Label(entry.EntryId, entry.TeamId))
            .ToList();
        var divisions = entries.Select(entry => entry.Division).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        var chosen = divisions.FirstOrDefault(code => string.Equals(code, division, StringComparison.OrdinalIgnoreCase)) ?? divisions.FirstOrDefault();
        if (chosen is null)
        {
            return TypedResults.Ok(new SideBySideView(string.Empty, [], [], [], [], scores.Revision));
        }

        var rubric = model.Judging.Rubric;
        var inDivision = entries.Where(entry => entry.Division == chosen).ToList();
        var ids = inDivision.Select(entry => entry.EntryId).ToHashSet();
        var sheets = scores.Counted().Where(sheet => ids.Contains(sheet.EntryId)).ToDictionary(sheet => (sheet.EntryId, sheet.JudgeId));
        var judges = scores.Assignments.Where(assignment => ids.Contains(assignment.EntryId)).Select(assignment => assignment.JudgeId).Distinct()
            .Select(model.JudgeNamed).OrderBy(judge => judge.Name, VietnameseText.Collation).ToList();
        var standing = model.Standings().FirstOrDefault(item => item.Division == chosen)?.Entries.ToDictionary(entry => entry.Place.EntryId) ?? [];
        var rows = inDivision
            .OrderBy(entry => standing.TryGetValue(entry.EntryId, out var ranked) ? ranked.Place.Rank : int.MaxValue)
            .ThenBy(entry => entry.Code, StringComparer.Ordinal)
            .Select(entry => new SideBySideRow(
                entry,
                standing.TryGetValue(entry.EntryId, out var ranked) ? ranked.Result.Score : null,
                judges.Select(judge => sheets.TryGetValue((entry.EntryId, judge.JudgeId), out var sheet)
                    ? new SideBySideCell(
                        judge.JudgeId,
                        true,
                        sheet.Current.Scores.ToDictionary(score => score.Code, score => score.Value, StringComparer.OrdinalIgnoreCase),
                        rubric.WeightedTotal(chosen, sheet.Current.Scores))
                    : new SideBySideCell(judge.JudgeId, scores.IsAssigned(entry.EntryId, judge.JudgeId), null, null)).ToList()))
            .ToList();
        return TypedResults.Ok(new SideBySideView(
            chosen, divisions, rubric.For(chosen).Select(criterion => criterion.Code).ToList(), judges, rows, scores.Revision));
    }
}
