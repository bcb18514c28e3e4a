using Contests.Api.Access;
using Contests.Domain.Rounds;

namespace Contests.Api.Rounds;

/// <summary>A judged round's schedule and advancement rule, replaced as a whole; setting it again reinstates a cancelled round.</summary>
public sealed record RoundScheduleSet(Guid RoundId, Guid ContestId, RoundTimes Times, AdvancementRule Advancement, Actor SetBy, DateTimeOffset SetAt);

public sealed record RoundCancelled(Guid RoundId, Guid ContestId, string Reason, Actor CancelledBy, DateTimeOffset CancelledAt);

/// <summary>The Hangfire job waiting to record one transition of the schedule.</summary>
public sealed record ScheduledJob(string Key, DateTimeOffset At, string JobId);

/// <summary>The round's jobs after a schedule change, replacing the previous list; jobs not listed any more were deleted.</summary>
public sealed record RoundJobsScheduled(Guid RoundId, IReadOnlyList<ScheduledJob> Jobs, DateTimeOffset ScheduledAt);

/// <summary>
/// A transition of the schedule has happened. <c>At</c> is when it was due, <c>RecordedAt</c> when a job (or a catch-up
/// after a restart) recorded it: the round's state depends on the first only, so a late run changes nothing but that.
/// </summary>
public interface IRoundTransitionRecorded
{
    Guid RoundId { get; }

    string Key { get; }

    DateTimeOffset At { get; }

    DateTimeOffset RecordedAt { get; }
}

public sealed record RoundOpened(Guid RoundId, string Key, DateTimeOffset At, int TeamsNotified, Actor RecordedBy, DateTimeOffset RecordedAt)
    : IRoundTransitionRecorded;

public sealed record RoundReminderSent(Guid RoundId, string Key, DateTimeOffset At, int HoursBeforeClose, int TeamsReminded, Actor RecordedBy, DateTimeOffset RecordedAt)
    : IRoundTransitionRecorded;

/// <summary>The reminder's job could only run after the deadline (the server was down): reminding then would only confuse.</summary>
public sealed record RoundReminderSkipped(Guid RoundId, string Key, DateTimeOffset At, Actor RecordedBy, DateTimeOffset RecordedAt)
    : IRoundTransitionRecorded;

/// <summary>Submissions are locked: each entry's judged version is fixed. Counts are as of the lock, whenever it was recorded.</summary>
public sealed record RoundSubmissionsLocked(Guid RoundId, string Key, DateTimeOffset At, int Entries, int Late, int Missing, Actor RecordedBy, DateTimeOffset RecordedAt)
    : IRoundTransitionRecorded;

public sealed record RoundJudgingLocked(Guid RoundId, string Key, DateTimeOffset At, Actor RecordedBy, DateTimeOffset RecordedAt)
    : IRoundTransitionRecorded;

/// <summary>Results are public; <c>Advanced</c> teams went on by this publication. <c>AwaitingResults</c>: the rule needs scores there were none of.</summary>
public sealed record RoundPublished(Guid RoundId, string Key, DateTimeOffset At, int Advanced, bool AwaitingResults, Actor RecordedBy, DateTimeOffset RecordedAt)
    : IRoundTransitionRecorded;

public enum AdvancementBasis
{
    /// <summary>Met the round's rule (top N per division, score threshold) at publication.</summary>
    Rule,

    /// <summary>Picked by the organisers.</summary>
    OrganiserSelection,
}

/// <summary>An organiser picks a team to advance when the round is published.</summary>
public sealed record TeamSelectedForAdvancement(Guid RoundId, Guid TeamId, Actor SelectedBy, DateTimeOffset SelectedAt);

/// <summary>A pick taken back before publication.</summary>
public sealed record AdvancementSelectionWithdrawn(Guid RoundId, Guid TeamId, string Reason, Actor WithdrawnBy, DateTimeOffset WithdrawnAt);

/// <summary>The team goes on to <c>NextRoundId</c>.</summary>
public sealed record TeamAdvanced(Guid RoundId, Guid NextRoundId, Guid TeamId, AdvancementBasis Basis, Actor AdvancedBy, DateTimeOffset AdvancedAt);

/// <summary>An advancement undone by an organiser, with the reason.</summary>
public sealed record AdvancementReversed(Guid RoundId, Guid TeamId, string Reason, Actor ReversedBy, DateTimeOffset ReversedAt);
