using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Rounds;

public static class PublishRoundNow
{
    public const string SubmissionsStillOpen = "publish-now-submissions-open";
    public const string JudgingStillOpen = "publish-now-judging-open";

    /// <summary>
    /// Brings a judged round's publication forward to now, by the server's clock: the schedule is set again with that
    /// time, so its publication job runs at once and the results are public from this instant. Submissions must be
    /// locked and judging over, so no entry or score can change once public. A round already public is answered as it
    /// is, so a resend after a lost answer changes nothing.
    /// </summary>
    public static async Task<Results<Ok<RoundScheduleView>, ProblemHttpResult>> Handle(
        Guid contestId,
        Guid roundId,
        HttpContext httpContext,
        IDocumentSession session,
        RoundJobs jobs,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (round, expectedVersion, refusal) = await RoundLookup.JudgedRoundToSchedule(httpContext, session, contestId, roundId, cancellationToken);
        if (round is null)
        {
            return refusal!;
        }

        var now = clock.GetUtcNow();
        // Read without the expected version: a round already public is answered whatever version the resend carries.
        var stream = await session.Events.FetchForWriting<RoundSchedule>(RoundSchedule.IdFor(roundId), cancellationToken);
        if (stream.Aggregate is { Cancelled: false } current && current.StateAt(now).Published)
        {
            ETags.Write(httpContext, current.Version);
            return TypedResults.Ok(RoundScheduleView.From(contestId, round, current, now));
        }

        if ((stream.CurrentVersion ?? 0) != expectedVersion)
        {
            return Problems.Refused(StatusCodes.Status412PreconditionFailed, "version-stale");
        }

        if (Refusal(stream.Aggregate, now) is { } refused)
        {
            return refused;
        }

        var schedule = stream.Aggregate!;
        var set = new RoundScheduleSet(roundId, contestId, schedule.Times with { PublishAt = now }, schedule.Advancement, Actor.From(httpContext.User), now);
        var updated = await SetRoundSchedule.Replace(session, jobs, stream, expectedVersion, set, cancellationToken);
        ETags.Write(httpContext, updated.Version);
        return TypedResults.Ok(RoundScheduleView.From(contestId, round, updated, now));
    }

    private static ProblemHttpResult? Refusal(RoundSchedule? schedule, DateTimeOffset now) => schedule switch
    {
        null => Problems.Refused(StatusCodes.Status409Conflict, Domain.Rounds.RoundTimeline.NotScheduled),
        { Cancelled: true } => Problems.Refused(StatusCodes.Status409Conflict, Domain.Rounds.RoundTimeline.Cancelled),
        _ when now < schedule.Times.LocksAt => Problems.Refused(StatusCodes.Status409Conflict, SubmissionsStillOpen, RoundCatchUp.Local(schedule.Times.LocksAt)),
        { Times.JudgingClosesAt: { } judgingCloses } when now < judgingCloses =>
            Problems.Refused(StatusCodes.Status409Conflict, JudgingStillOpen, RoundCatchUp.Local(judgingCloses)),
        _ => null,
    };
}
