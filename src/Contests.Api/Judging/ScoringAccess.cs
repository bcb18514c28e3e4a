using System.Security.Claims;
using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Entries;
using Contests.Api.Infrastructure;
using Contests.Api.Registration;
using Contests.Api.Rounds;
using Contests.Domain.Judging;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Judging;

/// <summary>Whether a round's judging is locked now, and why: the schedule's lock time and the organisers' hand locks.</summary>
public sealed record JudgingLockView(Guid RoundId, bool Locked, DateTimeOffset? ScheduledLockAt, DateTimeOffset? LockedByHandAt, DateTimeOffset? UnlockedByHandAt, long Version)
{
    public static JudgingLockView From(RoundJudging judging, RoundSchedule? schedule, DateTimeOffset now)
    {
        var scheduled = schedule is { Cancelled: false } ? schedule.Times.JudgingLocksAt : null;
        return new(judging.RoundId, JudgingLock.IsLocked(scheduled, judging.LockedByHandAt, judging.UnlockedByHandAt, now), scheduled,
            judging.LockedByHandAt, judging.UnlockedByHandAt, judging.Version);
    }
}

/// <summary>Everything a score sheet is checked against: the round, the entry's assignment and team, the rubric, the lock.</summary>
public sealed record SheetScope(JudgedRound Judged, Judge Judge, AssignedEntry Assignment, string Division, RoundJudging Judging, JudgingLockView Lock, JudgeSheet? Sheet)
{
    public Guid SheetId => ScoreSheetStream.IdFor(Judged.Round.Id, Assignment.EntryId, Assignment.JudgeId);
}

/// <summary>Who may read and write which score sheet: judges their assigned entries only, head judges and organisers any after the lock.</summary>
public static class ScoringAccess
{
    /// <summary>The id of the judge the session belongs to (its sign-in code's principal), or the 404 to answer.</summary>
    public static (Guid JudgeId, ProblemHttpResult? Refusal) JudgeIdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var judgeId) ? (judgeId, null) : (Guid.Empty, Problems.NotFound("judge-not-found"));

    /// <summary>The signed-in judge of this contest, or the refusal (a session without a judge profile, or another contest's judge).</summary>
    public static async Task<(Judge? Judge, ProblemHttpResult? Refusal)> JudgeOf(
        ClaimsPrincipal user, IQuerySession session, Guid? contestId, CancellationToken cancellationToken)
    {
        var judge = await JudgeSelf.SignedIn(user, session, cancellationToken);
        return judge is null || (contestId is { } contest && judge.ContestId != contest)
            ? (null, Problems.NotFound("judge-not-found"))
            : (judge, null);
    }

    public static async Task<JudgingLockView> LockOf(IQuerySession session, RoundJudging judging, DateTimeOffset now, CancellationToken cancellationToken) =>
        JudgingLockView.From(judging, await session.LoadAsync<RoundSchedule>(RoundSchedule.IdFor(judging.RoundId), cancellationToken), now);

    /// <summary>
    /// The scope of one judge's sheet for one entry: 404 when the judge is not one of the contest's. A judge who is not
    /// assigned the entry is refused with 403 and the same message whether or not the entry exists, so ids cannot be probed.
    /// </summary>
    public static async Task<(SheetScope? Scope, ProblemHttpResult? Refusal)> Scope(
        IQuerySession session, Guid contestId, Guid roundId, Guid entryId, Guid judgeId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A score write is judging's hot path: everything it checks is read in one round trip.
        var batch = session.CreateBatchQuery();
        var contestRead = batch.Load<Contest>(contestId);
        var rowRead = batch.Load<AssignmentRow>(AssignmentRow.IdFor(roundId, entryId, judgeId));
        var judgingRead = batch.Load<RoundJudging>(RoundJudging.IdFor(roundId));
        var scheduleRead = batch.Load<RoundSchedule>(RoundSchedule.IdFor(roundId));
        var sheetRead = batch.Load<JudgeSheet>(ScoreSheetStream.IdFor(roundId, entryId, judgeId));
        var judgeRead = batch.Load<Judge>(judgeId);
        await batch.Execute(cancellationToken);

        var (judged, refusal) = JudgedRounds.Of(await contestRead, roundId);
        if (judged is null)
        {
            return (null, refusal);
        }

        if (await judgeRead is not { Removed: false } judge || judge.ContestId != contestId)
        {
            return (null, Problems.NotFound("judge-not-found"));
        }

        if (await rowRead is not { } row)
        {
            return (null, Problems.Refused(StatusCodes.Status403Forbidden, "entry-not-assigned"));
        }

        var judging = await judgingRead ?? RoundJudging.Unset(contestId, roundId);
        if (judging.Rubric.Criteria.Count == 0)
        {
            return (null, Problems.Refused(StatusCodes.Status409Conflict, "rubric-not-set"));
        }

        // Rows projected before they carried the division name none: their team says it.
        var division = string.IsNullOrEmpty(row.Division) ? (await session.LoadAsync<Team>(row.TeamId, cancellationToken))!.DivisionCode : row.Division;
        return (new SheetScope(judged, judge, row.Assignment, division, judging, JudgingLockView.From(judging, await scheduleRead, now), await sheetRead), null);
    }

    /// <summary>Whether the caller is a judge assigned the team's entry in this round: they may download its files.</summary>
    public static async Task<bool> IsAssignedJudge(IQuerySession session, ClaimsPrincipal user, Guid roundId, Guid teamId, CancellationToken cancellationToken) =>
        (user.IsInRole(Roles.Judge) || user.IsInRole(Roles.HeadJudge))
        && await JudgeSelf.SignedIn(user, session, cancellationToken) is { } judge
        && await session.LoadAsync<AssignmentRow>(AssignmentRow.IdFor(roundId, Entry.IdFor(roundId, teamId), judge.Id), cancellationToken) is not null;

    /// <summary>The client's Idempotency-Key, required on score writes; null and the 400 to answer when missing or too long.</summary>
    public static string? RequestKey(HttpContext httpContext, out ProblemHttpResult? refusal)
    {
        var key = httpContext.Request.Headers[Idempotency.HeaderName].ToString().Trim();
        refusal = key.Length is > 0 and <= 100 ? null : Problems.Refused(StatusCodes.Status400BadRequest, "idempotency-key-required");
        return refusal is null ? key : null;
    }
}
