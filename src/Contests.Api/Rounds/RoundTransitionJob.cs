using Contests.Api.Contests;
using Contests.Api.Entries;
using Contests.Api.Judging;
using Contests.Api.Notifications;
using Contests.Domain.Rounds;
using Hangfire;
using Marten;

namespace Contests.Api.Rounds;

/// <summary>
/// The Hangfire job behind every transition of a round's schedule. It takes ids only and records every transition
/// that is due and not recorded yet (see <see cref="RoundCatchUp"/>), so it is harmless to run twice, late, out of
/// order, or after its time was moved. Runs are serialised (several transitions of one round are often due at once,
/// e.g. after a restart); were two to race anyway, the loser's save fails on the stream version and Hangfire's retry
/// finds nothing left to do.
/// </summary>
public sealed class RoundTransitionJob(IDocumentStore store, TimeProvider clock, NotificationEmails emails)
{
    /// <param name="organisation">The organisation the round belongs to.</param>
    /// <param name="roundId">The round.</param>
    /// <param name="transition">Which transition the job was scheduled for; shown on the dashboard, not needed to decide.</param>
    [AutomaticRetry(Attempts = 5)]
    [DisableConcurrentExecution(timeoutInSeconds: 10 * 60)]
    [JobDisplayName("{0}: round {1}: {2}")]
    public async Task Run(string organisation, Guid roundId, string transition) => await CatchUp(organisation, roundId, CancellationToken.None);

    /// <summary>Records what is due for the round now; answers how many transitions it recorded.</summary>
    public async Task<int> CatchUp(string organisation, Guid roundId, CancellationToken cancellationToken)
    {
        // Jobs run outside any request, so this is where the slice opens its own session, in the round's organisation.
        await using var session = store.LightweightSession(organisation);
        var stream = await session.Events.FetchForWriting<RoundSchedule>(RoundSchedule.IdFor(roundId), cancellationToken);
        var now = clock.GetUtcNow();
        if (stream.Aggregate is not { } schedule ||
            RoundTimeline.Due(schedule.Plan(), schedule.RecordedTransitions(), now).Count == 0 ||
            await session.LoadAsync<Contest>(schedule.ContestId, cancellationToken) is not { } contest ||
            contest.Round(roundId) is not { } round)
        {
            return 0;
        }

        var advancementStream = await session.Events.FetchForWriting<RoundAdvancement>(RoundAdvancement.IdFor(roundId), cancellationToken);
        var teams = await RoundLookup.EligibleTeams(session, contest, round, cancellationToken);
        var entries = await session.Query<Entry>().Where(entry => entry.RoundId == roundId).ToListAsync(cancellationToken);
        // The round's ranking as judging's sheets hold it at this moment (read from their inline snapshots, nothing
        // trailing behind). With no sheets yet, a top-N or threshold rule has nothing to rank: organisers' picks still
        // advance, and the publication tells them the rule awaits results.
        var results = await JudgingReads.RankedResults(session, contest.Id, roundId, cancellationToken);
        var outcome = RoundCatchUp.Decide(
            contest, round, RoundLookup.Next(contest, round), schedule, advancementStream.Aggregate, teams, entries, results, now);

        stream.AppendMany(outcome.Transitions.Cast<object>().ToArray());
        if (outcome.Advancements.Count > 0)
        {
            advancementStream.AppendMany(outcome.Advancements.ToArray());
        }

        Notify.Append(session, outcome.Notifications);
        await session.SaveChangesAsync(cancellationToken);
        emails.Enqueue(organisation, outcome.Notifications);
        return outcome.Transitions.Count;
    }
}
