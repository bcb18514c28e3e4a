using Contests.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Rounds;

public static class GetRounds
{
    /// <summary>Every round of the contest in order, each with its schedule and state; what the team portal starts from.</summary>
    public static async Task<Results<Ok<IReadOnlyList<RoundScheduleView>>, ProblemHttpResult>> List(
        Guid contestId, IQuerySession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Contests.Contest>(contestId, cancellationToken) is not { } contest)
        {
            return Problems.NotFound("contest-not-found");
        }

        var rounds = contest.Rounds.OrderBy(round => round.Order).ToList();
        var schedules = (await session.LoadManyAsync<RoundSchedule>(cancellationToken, rounds.Select(round => RoundSchedule.IdFor(round.Id))))
            .ToDictionary(schedule => schedule.RoundId);
        var now = clock.GetUtcNow();
        return TypedResults.Ok<IReadOnlyList<RoundScheduleView>>(
            rounds.Select(round => RoundScheduleView.From(contestId, round, schedules.GetValueOrDefault(round.Id), now)).ToList());
    }

    public static async Task<Results<Ok<RoundScheduleView>, StatusCodeHttpResult, ProblemHttpResult>> Schedule(
        Guid contestId, Guid roundId, HttpContext httpContext, IQuerySession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (_, round, notFound) = await RoundLookup.Find(session, contestId, roundId, cancellationToken);
        if (round is null)
        {
            return notFound!;
        }

        var schedule = await session.LoadAsync<RoundSchedule>(RoundSchedule.IdFor(roundId), cancellationToken);
        var version = schedule?.Version ?? 0;
        if (ETags.Matches(httpContext, version))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        ETags.Write(httpContext, version);
        return TypedResults.Ok(RoundScheduleView.From(contestId, round, schedule, clock.GetUtcNow()));
    }

    /// <summary>
    /// The organisers' view: every step of the current plan, plus steps recorded under an earlier plan, each with its
    /// outcome and the state Hangfire gives its job.
    /// </summary>
    public static async Task<Results<Ok<RoundTimelineView>, ProblemHttpResult>> Timeline(
        Guid contestId, Guid roundId, IQuerySession session, RoundJobs jobs, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (_, round, notFound) = await RoundLookup.Find(session, contestId, roundId, cancellationToken);
        if (round is null)
        {
            return notFound!;
        }

        var now = clock.GetUtcNow();
        if (await session.LoadAsync<RoundSchedule>(RoundSchedule.IdFor(roundId), cancellationToken) is not { } schedule)
        {
            return TypedResults.Ok(new RoundTimelineView(roundId, round.Name, Domain.Rounds.RoundTimeline.StateAt(null, false, now), false, [], 0));
        }

        var plan = schedule.Plan();
        var steps = plan.Select(transition => (transition, current: true))
            .Concat(schedule.RecordedTransitions().Where(recorded => !plan.Contains(recorded)).Select(transition => (transition, current: false)))
            .OrderBy(step => step.transition.At)
            .Select(step =>
            {
                var recorded = schedule.Recorded.LastOrDefault(item => item.Key == step.transition.Key && item.At == step.transition.At);
                var job = schedule.Jobs.FirstOrDefault(item => item.Key == step.transition.Key && item.At == step.transition.At);
                return new TimelineStep(
                    step.transition.Key, step.transition.Kind, step.transition.At, step.current, recorded?.RecordedAt,
                    recorded is null ? null : Texts.Get(recorded.Outcome, [.. recorded.Counts.Cast<object>()]),
                    job?.JobId, job is null ? null : jobs.StateOf(job.JobId));
            })
            .ToList();
        return TypedResults.Ok(new RoundTimelineView(roundId, round.Name, schedule.StateAt(now), schedule.Cancelled, steps, schedule.Version));
    }
}
