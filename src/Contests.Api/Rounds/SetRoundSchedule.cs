using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Infrastructure;
using Contests.Domain.Registration;
using Contests.Domain.Rounds;
using Marten;
using JasperFx.Events;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Rounds;

public static class SetRoundSchedule
{
    /// <summary>
    /// Sets (or replaces) a judged round's schedule. The stream's version is the ETag: "0" for a round never scheduled.
    /// </summary>
    public static async Task<Results<Ok<RoundScheduleView>, ProblemHttpResult>> Handle(
        Guid contestId,
        Guid roundId,
        RoundScheduleForm request,
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

        var violations = RoundScheduleRules.Check(request);
        if (violations.Count > 0)
        {
            return Problems.Invalid(violations);
        }

        var (times, advancement) = RoundScheduleRules.Decide(request);
        var now = clock.GetUtcNow();
        var stream = await session.Events.FetchForWriting<RoundSchedule>(RoundSchedule.IdFor(roundId), expectedVersion, cancellationToken);
        var set = new RoundScheduleSet(roundId, contestId, times, advancement, Actor.From(httpContext.User), now);
        var updated = await Replace(session, jobs, stream, expectedVersion, set, cancellationToken);
        ETags.Write(httpContext, updated.Version);
        return TypedResults.Ok(RoundScheduleView.From(contestId, round, updated, now));
    }

    /// <summary>
    /// Appends a new schedule with the jobs its pending transitions need. The jobs are created first and saved with the
    /// schedule; the ones it no longer needs are deleted after the save, and the new ones again if the save fails.
    /// </summary>
    public static async Task<RoundSchedule> Replace(
        IDocumentSession session, RoundJobs jobs, IEventStream<RoundSchedule> stream, long expectedVersion, RoundScheduleSet set, CancellationToken cancellationToken)
    {
        var before = stream.Aggregate;
        var updated = before is null ? RoundSchedule.Create(set) : before.Apply(set);
        var scheduled = jobs.Schedule(session.TenantId, set.RoundId, RoundTimeline.Pending(updated.Plan(), updated.RecordedTransitions()), updated.Jobs);
        var jobsScheduled = new RoundJobsScheduled(set.RoundId, scheduled, set.SetAt);
        stream.AppendMany(set, jobsScheduled);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            jobs.DeleteDropped(scheduled, updated.Jobs);
            throw;
        }

        jobs.DeleteDropped(updated.Jobs, scheduled);
        updated = updated.Apply(jobsScheduled);
        updated.Version = expectedVersion + 2;
        return updated;
    }
}

public static class CancelRound
{
    /// <summary>Cancels a round: its jobs are deleted and entries refused until a schedule is set again.</summary>
    public static async Task<Results<Ok<RoundScheduleView>, ProblemHttpResult>> Handle(
        Guid contestId,
        Guid roundId,
        Registration.ReasonForm request,
        HttpContext httpContext,
        IDocumentSession session,
        RoundJobs jobs,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!ETags.TryReadExpectedVersion(httpContext, out var expectedVersion, out var refusal))
        {
            return refusal!;
        }

        var (_, round, notFound) = await RoundLookup.Find(session, contestId, roundId, cancellationToken);
        if (round is null)
        {
            return notFound!;
        }

        var reason = Domain.Text.VietnameseText.Clean(request.Reason);
        var violations = new List<RuleViolation>();
        Domain.FieldChecks.RequireText(violations, "reason", reason, maxLength: 1000);
        if (violations.Count > 0)
        {
            return Problems.Invalid(violations);
        }

        var stream = await session.Events.FetchForWriting<RoundSchedule>(RoundSchedule.IdFor(roundId), expectedVersion, cancellationToken);
        if (stream.Aggregate is not { } schedule)
        {
            return Problems.Refused(StatusCodes.Status409Conflict, Domain.Rounds.RoundTimeline.NotScheduled);
        }

        if (schedule.Cancelled)
        {
            return Problems.Refused(StatusCodes.Status409Conflict, Domain.Rounds.RoundTimeline.Cancelled);
        }

        var now = clock.GetUtcNow();
        var cancelled = new RoundCancelled(roundId, contestId, reason, Actor.From(httpContext.User), now);
        stream.AppendOne(cancelled);
        await session.SaveChangesAsync(cancellationToken);
        jobs.DeleteDropped(schedule.Jobs, []);

        var updated = schedule.Apply(cancelled);
        updated.Version = expectedVersion + 1;
        ETags.Write(httpContext, updated.Version);
        return TypedResults.Ok(RoundScheduleView.From(contestId, round, updated, now));
    }
}
