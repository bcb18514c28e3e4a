using Contests.Api.Infrastructure;
using Contests.Domain.Rounds;

namespace Contests.Api.Rounds;

/// <summary>A transition as recorded, with the counts its outcome message shows.</summary>
public sealed record RecordedTransition(string Key, TransitionKind Kind, DateTimeOffset At, DateTimeOffset RecordedAt, string Outcome, IReadOnlyList<int> Counts);

/// <summary>
/// A judged round's schedule: the inline snapshot of the stream "round-schedule/{roundId}", apart from the Contest's
/// stream so that the rounds' own capabilities never contend with contest setup. It also keeps the transitions
/// recorded so far and the id of each job still to run, so moving a time deletes the old job.
/// </summary>
public sealed record RoundSchedule(Guid Id, Guid RoundId, Guid ContestId, RoundTimes Times, AdvancementRule Advancement)
{
    public long Version { get; set; }

    public bool Cancelled { get; init; }

    public string? CancelReason { get; init; }

    public IReadOnlyList<RecordedTransition> Recorded { get; init; } = [];

    public IReadOnlyList<ScheduledJob> Jobs { get; init; } = [];

    public static Guid IdFor(Guid roundId) => StreamIds.For("round-schedule", roundId.ToString());

    public static RoundSchedule Create(RoundScheduleSet set) => new(IdFor(set.RoundId), set.RoundId, set.ContestId, set.Times, set.Advancement);

    public RoundSchedule Apply(RoundScheduleSet set) => this with { Times = set.Times, Advancement = set.Advancement, Cancelled = false, CancelReason = null };

    public RoundSchedule Apply(RoundCancelled cancelled) => this with { Cancelled = true, CancelReason = cancelled.Reason, Jobs = [] };

    public RoundSchedule Apply(RoundJobsScheduled scheduled) => this with { Jobs = scheduled.Jobs };

    public RoundSchedule Apply(RoundOpened opened) => Record(opened, TransitionKind.Open, "rounds-outcome-opened", opened.TeamsNotified);

    public RoundSchedule Apply(RoundReminderSent sent) => Record(sent, TransitionKind.Reminder, "rounds-outcome-reminded", sent.TeamsReminded);

    public RoundSchedule Apply(RoundReminderSkipped skipped) => Record(skipped, TransitionKind.Reminder, "rounds-outcome-reminder-skipped");

    public RoundSchedule Apply(RoundSubmissionsLocked locked) =>
        Record(locked, TransitionKind.Lock, "rounds-outcome-locked", locked.Entries, locked.Late, locked.Missing);

    public RoundSchedule Apply(RoundJudgingLocked locked) => Record(locked, TransitionKind.JudgingLock, "rounds-outcome-judging-locked");

    public RoundSchedule Apply(RoundPublished published) =>
        Record(published, TransitionKind.Publish, published.AwaitingResults ? "rounds-outcome-published-awaiting" : "rounds-outcome-published", published.Advanced);

    private RoundSchedule Record(IRoundTransitionRecorded recorded, TransitionKind kind, string outcome, params int[] counts) =>
        this with { Recorded = [.. Recorded, new RecordedTransition(recorded.Key, kind, recorded.At, recorded.RecordedAt, outcome, counts)] };

    /// <summary>The transitions the current schedule calls for; none once cancelled.</summary>
    public IReadOnlyList<Transition> Plan() => Cancelled ? [] : RoundTimeline.Plan(Times);

    public IReadOnlyList<Transition> RecordedTransitions() => Recorded.Select(recorded => new Transition(recorded.Key, recorded.Kind, recorded.At)).ToList();

    public RoundState StateAt(DateTimeOffset now) => RoundTimeline.StateAt(Times, Cancelled, now);

    /// <summary>Publication as recorded by its job: advancement has then been applied.</summary>
    public bool PublicationRecorded() => Recorded.Any(recorded => recorded.Kind == TransitionKind.Publish);
}
