using Contests.Api.Contests;
using Contests.Domain.Rounds;

namespace Contests.Api.Rounds;

/// <summary>
/// A round as everybody may see it: its schedule, its rule and where it stands now. <c>ServerTime</c> lets a device
/// whose clock is wrong still count down to the right instant.
/// </summary>
public sealed record RoundScheduleView(
    Guid ContestId,
    Guid RoundId,
    string Name,
    int Order,
    RoundLevel Level,
    RoundType Type,
    bool Scheduled,
    RoundTimes? Times,
    AdvancementRule Advancement,
    bool Cancelled,
    string? CancelReason,
    RoundState State,
    DateTimeOffset ServerTime,
    long Version)
{
    public static RoundScheduleView From(Guid contestId, RoundDefinition round, RoundSchedule? schedule, DateTimeOffset now) =>
        new(contestId, round.Id, round.Name, round.Order, round.Level, round.Type, schedule is not null, schedule?.Times,
            schedule?.Advancement ?? AdvancementRule.None, schedule?.Cancelled ?? false, schedule?.CancelReason,
            RoundTimeline.StateAt(schedule?.Times, schedule?.Cancelled ?? false, now), now, schedule?.Version ?? 0);
}

/// <summary>
/// One step of the round's timeline for organisers: when it is (or was) due, whether and when it was recorded with
/// what outcome, and the Hangfire job that will record it with that job's state. <c>Current</c> is false for a step
/// recorded under an earlier version of the schedule.
/// </summary>
public sealed record TimelineStep(
    string Key,
    TransitionKind Kind,
    DateTimeOffset At,
    bool Current,
    DateTimeOffset? RecordedAt,
    string? Outcome,
    string? JobId,
    string? JobState);

public sealed record RoundTimelineView(Guid RoundId, string Name, RoundState State, bool Cancelled, IReadOnlyList<TimelineStep> Steps, long Version);
