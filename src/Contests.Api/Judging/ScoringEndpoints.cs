using Contests.Api.Access;
using Contests.Api.Infrastructure;

namespace Contests.Api.Judging;

/// <summary>The write side of judging: assignments, the judge's worklist and sheets, corrections and the hand lock.</summary>
public static class ScoringEndpoints
{
    public static RouteGroupBuilder MapScoring(this IEndpointRouteBuilder app)
    {
        var round = app.MapGroup("/api/contests/{contestId:guid}/rounds/{roundId:guid}").WithTags("Judging");

        round.MapGet("/assignments", AssignJudges.Get)
            .WithName("GetAssignments").WithSummary("Who judges which entry, each judge's load, and why entries are short of judges (organisers, ETag).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Organiser);
        round.MapPost("/assignments", AssignJudges.Plan)
            .WithName("AssignJudges")
            .WithSummary("Plans the round's assignments: each judged entry to K judges of its panel, no conflicts of interest, balanced loads, seed given or the round's own; keeps hand additions and started sheets (organisers, If-Match; \"0\" the first time).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);
        round.MapPost("/assignments/{entryId:guid}/judges", AssignJudges.Add)
            .WithName("AddAssignment").WithSummary("Gives one entry to one more judge of its panel by hand; refused on a conflict of interest (organisers, If-Match).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);
        round.MapDelete("/assignments/{entryId:guid}/judges/{judgeId:guid}", AssignJudges.Remove)
            .WithName("RemoveAssignment").WithSummary("Relieves one judge of one entry by hand, optional ?reason= (organisers, If-Match).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);

        round.MapGet("/judging/lock", LockJudging.Get)
            .WithName("GetJudgingLock").WithSummary("Whether judging is locked now: the schedule's lock time and the organisers' hand locks (organisers).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Organiser);
        round.MapPost("/judging/lock", LockJudging.Lock)
            .WithName("LockJudging").WithSummary("Locks judging by hand, optional reason (organisers, If-Match of the round's judging).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);
        round.MapPost("/judging/unlock", LockJudging.Unlock)
            .WithName("UnlockJudging").WithSummary("Unlocks judging after a scheduled or hand lock; the reason is required (organisers, If-Match of the round's judging).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);

        round.MapGet("/scoring/{entryId:guid}", JudgeWorklist.Entry)
            .WithName("GetScoringEntry").WithSummary("An entry assigned to the signed-in judge: the judged revision, the rubric of its division, the lock and the judge's sheet (judges; 403 when not assigned).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Judge);
        round.MapPut("/scoring/{entryId:guid}/draft", ScoreEntry.SaveDraft)
            .WithName("SaveScoreDraft").WithSummary("Saves the judge's unfinished sheet; criteria may be left out. Idempotency-Key required (judges, while judging is open).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Judge);
        round.MapPost("/scoring/{entryId:guid}/submit", ScoreEntry.Submit)
            .WithName("SubmitScore").WithSummary("Submits the judge's complete sheet, checked against the rubric. Idempotency-Key required (judges, while judging is open).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Judge);
        round.MapPost("/scoring/{entryId:guid}/judges/{judgeId:guid}/correction", ScoreEntry.Correct)
            .WithName("CorrectScore")
            .WithSummary("Corrects a submitted sheet: its judge while open; the head judge or an organiser any time, with a reason. If-Match (sheet version) and Idempotency-Key required.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.ScoreCorrection);

        app.MapGet("/api/judging/worklist", JudgeWorklist.Handle)
            .WithTags("Judging")
            .WithName("GetJudgeWorklist").WithSummary("The signed-in judge's assigned entries per judged round, with each sheet's status and the round's progress and lock (judges).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Judge);
        return round;
    }
}
