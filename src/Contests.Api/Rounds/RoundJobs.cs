using Contests.Domain.Rounds;
using Hangfire;

namespace Contests.Api.Rounds;

/// <summary>
/// The round's Hangfire jobs: one per transition still to record, scheduled at its time. A job whose transition kept
/// its time is kept; a moved or removed transition's job is deleted once the new list is saved.
/// </summary>
public sealed class RoundJobs(IBackgroundJobClient jobs, JobStorage storage, ILogger<RoundJobs> logger)
{
    /// <summary>A job names the round's organisation: it runs outside any request, so nothing else would tell it whose data to open.</summary>
    public IReadOnlyList<ScheduledJob> Schedule(string organisation, Guid roundId, IReadOnlyList<Transition> pending, IReadOnlyList<ScheduledJob> current) =>
        pending.Select(transition =>
                current.FirstOrDefault(job => job.Key == transition.Key && job.At == transition.At)
                ?? new ScheduledJob(transition.Key, transition.At, ScheduleOne(organisation, roundId, transition)))
            .ToList();

    private string ScheduleOne(string organisation, Guid roundId, Transition transition)
    {
        var key = transition.Key;
        return jobs.Schedule<RoundTransitionJob>(job => job.Run(organisation, roundId, key), transition.At);
    }

    /// <summary>
    /// Deletes the jobs of <paramref name="before"/> that <paramref name="after"/> no longer holds. A job that cannot be
    /// deleted is harmless: when it runs it finds nothing due at its time and records nothing.
    /// </summary>
    public void DeleteDropped(IReadOnlyList<ScheduledJob> before, IReadOnlyList<ScheduledJob> after)
    {
        foreach (var dropped in before.Where(job => after.All(kept => kept.JobId != job.JobId)))
        {
            try
            {
                jobs.Delete(dropped.JobId);
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Could not delete job {JobId} ({Key})", dropped.JobId, dropped.Key);
            }
        }
    }

    /// <summary>Hangfire's state of a job (Scheduled, Enqueued, Processing, Succeeded, Failed, Deleted), or null once it expired.</summary>
    public string? StateOf(string jobId)
    {
        using var connection = storage.GetConnection();
        return connection.GetJobData(jobId)?.State;
    }
}
