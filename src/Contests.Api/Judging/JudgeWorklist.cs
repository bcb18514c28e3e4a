using Contests.Api.Contests;
using Contests.Api.Entries;
using Contests.Api.Infrastructure;
using Contests.Api.Registration;
using Contests.Api.Rounds;
using Contests.Domain.Judging;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Judging;

/// <summary>
/// One assigned entry on a judge's list. Judges see the team's code and the entry, not the team's name or school: what
/// they score is the work.
/// </summary>
public sealed record WorklistEntry(
    Guid EntryId, Guid TeamId, string TeamCode, string DivisionCode, string Title, SheetStatus Status, decimal? Total, DateTimeOffset? SavedAt, long Version);

public sealed record WorklistRound(
    Guid ContestId, Guid RoundId, string RoundName, bool Locked, DateTimeOffset? LocksAt, int Assigned, int Drafts, int Submitted,
    IReadOnlyList<WorklistEntry> Entries);

public sealed record JudgeWorklistView(Guid JudgeId, string Name, bool HeadJudge, IReadOnlyList<WorklistRound> Rounds);

/// <summary>An entry's file as a judge opens it, through the entries' own download route (which lets assigned judges in).</summary>
public sealed record ScoringFile(string Name, string ContentType, long Size, string DownloadUrl);

/// <summary>Everything the scoring screen shows: the entry as judged, the rubric for its division, the lock, and the judge's sheet.</summary>
public sealed record ScoringEntryView(
    Guid ContestId, Guid RoundId, string RoundName, Guid EntryId, Guid TeamId, string TeamCode, string DivisionCode, int Revision,
    string Title, string Description, string? Field, IReadOnlyList<string> VideoLinks, IReadOnlyList<ScoringFile> Files,
    IReadOnlyList<Criterion> Criteria, decimal Maximum, JudgingLockView Lock, ScoreSheetView Sheet);

public static class JudgeWorklist
{
    /// <summary>The signed-in judge's entries in every judged round of their contest, with each sheet's status and the round's progress.</summary>
    public static async Task<Results<Ok<JudgeWorklistView>, ProblemHttpResult>> Handle(
        HttpContext httpContext, IQuerySession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (judge, refusal) = await ScoringAccess.JudgeOf(httpContext.User, session, null, cancellationToken);
        if (judge is null)
        {
            return refusal!;
        }

        var contest = (await session.LoadAsync<Contest>(judge.ContestId, cancellationToken))!;
        var sheets = (await session.Query<JudgeSheet>().Where(sheet => sheet.JudgeId == judge.Id).ToListAsync(cancellationToken))
            .ToDictionary(sheet => (sheet.RoundId, sheet.EntryId));
        var rows = await session.Query<AssignmentRow>().Where(row => row.JudgeId == judge.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var rounds = new List<WorklistRound>();
        foreach (var round in contest.Rounds.Where(round => round.Type == RoundType.JudgedSubmissions).OrderBy(round => round.Order))
        {
            var mine = rows.Where(row => row.RoundId == round.Id).Select(row => row.Assignment).ToList();
            if (mine.Count == 0)
            {
                continue;
            }

            var judging = await JudgedRounds.JudgingOf(session, new JudgedRound(contest, round), cancellationToken);
            var schedule = await session.LoadAsync<RoundSchedule>(RoundSchedule.IdFor(round.Id), cancellationToken);
            var teams = (await session.LoadManyAsync<Team>(cancellationToken, mine.Select(assignment => assignment.TeamId))).ToDictionary(team => team.Id);
            var entries = (await session.LoadManyAsync<Entry>(cancellationToken, mine.Select(assignment => assignment.EntryId))).ToDictionary(entry => entry.Id);
            var items = mine.Select(assignment =>
                {
                    var sheet = sheets.GetValueOrDefault((round.Id, assignment.EntryId));
                    var team = teams[assignment.TeamId];
                    var title = entries.TryGetValue(assignment.EntryId, out var entry) ? JudgedRevision(entry, schedule)?.Content.Title ?? string.Empty : string.Empty;
                    return new WorklistEntry(
                        assignment.EntryId, assignment.TeamId, team.Code, team.DivisionCode, title, sheet?.Status ?? SheetStatus.NotStarted, sheet?.Total,
                        sheet?.SavedAt, sheet?.Version ?? 0);
                })
                .OrderBy(item => item.TeamCode, StringComparer.Ordinal)
                .ToList();
            var lockView = JudgingLockView.From(judging, schedule, now);
            rounds.Add(new WorklistRound(
                contest.Id, round.Id, round.Name, lockView.Locked, lockView.ScheduledLockAt, items.Count, items.Count(item => item.Status == SheetStatus.Draft),
                items.Count(item => item.Status is SheetStatus.Submitted or SheetStatus.Corrected), items));
        }

        return TypedResults.Ok(new JudgeWorklistView(judge.Id, judge.Name, judge.HeadJudge, rounds));
    }

    /// <summary>One assigned entry as the signed-in judge scores it (ETag: the sheet's version).</summary>
    public static async Task<Results<Ok<ScoringEntryView>, ProblemHttpResult>> Entry(
        Guid contestId, Guid roundId, Guid entryId, HttpContext httpContext, IQuerySession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (judgeId, notJudge) = ScoringAccess.JudgeIdOf(httpContext.User);
        if (notJudge is not null)
        {
            return notJudge;
        }

        var (scope, refusal) = await ScoringAccess.Scope(session, contestId, roundId, entryId, judgeId, clock.GetUtcNow(), cancellationToken);
        if (scope is null)
        {
            return refusal!;
        }

        var entry = (await session.LoadAsync<Entry>(entryId, cancellationToken))!;
        var team = (await session.LoadAsync<Team>(scope.Assignment.TeamId, cancellationToken))!;
        var revision = JudgedRevision(entry, await session.LoadAsync<RoundSchedule>(RoundSchedule.IdFor(roundId), cancellationToken)) ?? entry.Latest()!;
        var sheet = scope.Sheet;
        var division = scope.Division;
        var content = revision.Content;
        ETags.Write(httpContext, sheet?.Version ?? 0);
        return TypedResults.Ok(new ScoringEntryView(
            contestId, roundId, scope.Judged.Round.Name, entryId, team.Id, team.Code, division, revision.Number,
            content.Title, content.Description, content.Field, content.VideoLinks,
            content.Files.Select(file => new ScoringFile(file.Name, file.ContentType, file.Size, EntryViews.FileUrl(contestId, roundId, team.Id, file.Sha256))).ToList(),
            scope.Judging.Rubric.For(division), scope.Judging.Rubric.Range(division).Maximum, scope.Lock, ScoreSheetView.From(sheet, entryId, judgeId)));
    }

    private static EntryRevision? JudgedRevision(Entry entry, RoundSchedule? schedule) =>
        schedule is null ? entry.Latest() : entry.Judged(schedule.Times);
}
