using System.Globalization;

namespace Contests.Domain.Rounds;

public enum TransitionKind
{
    Open,
    Reminder,
    Lock,
    JudgingLock,
    Publish,
}

/// <summary>
/// One moment of a round's schedule at which something must happen without anybody asking (notify, lock, publish).
/// A transition is its key and its time: when an organiser moves the time, it becomes a new transition.
/// </summary>
public sealed record Transition(string Key, TransitionKind Kind, DateTimeOffset At)
{
    public const string OpenKey = "open";
    public const string LockKey = "lock";
    public const string JudgingLockKey = "judging-lock";
    public const string PublishKey = "publish";

    public static string ReminderKey(int hoursBeforeClose) => $"reminder-{hoursBeforeClose.ToString(CultureInfo.InvariantCulture)}h";
}

public enum RoundPhase
{
    NotScheduled,
    Cancelled,
    Upcoming,
    Open,
    Grace,
    Judging,
    JudgingLocked,
    Published,
}

/// <summary>Where a round stands at an instant; what the server enforces on every request, whatever the jobs did.</summary>
public sealed record RoundState(
    RoundPhase Phase,
    bool AcceptsEntries,
    bool EntriesAreLate,
    bool JudgingOpen,
    bool JudgingLocked,
    bool Published,
    DateTimeOffset? NextChangeAt);

public static class RoundTimeline
{
    public const string NotScheduled = "round-not-scheduled";
    public const string Cancelled = "round-cancelled";
    public const string NotOpenYet = "submissions-not-open";
    public const string Closed = "submissions-closed";

    /// <summary>Every transition of the schedule in time order: opening, reminders before the close, lock, judging lock, publication.</summary>
    public static IReadOnlyList<Transition> Plan(RoundTimes times)
    {
        var plan = new List<Transition> { new(Transition.OpenKey, TransitionKind.Open, times.OpensAt) };
        foreach (var hours in times.ReminderHours.Distinct().OrderDescending())
        {
            var at = times.ClosesAt - TimeSpan.FromHours(hours);
            if (at > times.OpensAt)
            {
                plan.Add(new Transition(Transition.ReminderKey(hours), TransitionKind.Reminder, at));
            }
        }

        plan.Add(new Transition(Transition.LockKey, TransitionKind.Lock, times.LocksAt));
        if (times.JudgingClosesAt is { } judgingCloses)
        {
            plan.Add(new Transition(Transition.JudgingLockKey, TransitionKind.JudgingLock, judgingCloses));
        }

        if (times.PublishAt is { } publish)
        {
            plan.Add(new Transition(Transition.PublishKey, TransitionKind.Publish, publish));
        }

        return plan.OrderBy(transition => transition.At).ThenBy(transition => transition.Kind).ToList();
    }

    /// <summary>The transitions whose time has come and which have not been recorded yet, oldest first.</summary>
    public static IReadOnlyList<Transition> Due(IReadOnlyList<Transition> plan, IReadOnlyCollection<Transition> recorded, DateTimeOffset now) =>
        plan.Where(transition => transition.At <= now && !recorded.Contains(transition)).ToList();

    /// <summary>The transitions still to record, due or not: each needs a job.</summary>
    public static IReadOnlyList<Transition> Pending(IReadOnlyList<Transition> plan, IReadOnlyCollection<Transition> recorded) =>
        plan.Where(transition => !recorded.Contains(transition)).ToList();

    public static RoundState StateAt(RoundTimes? times, bool cancelled, DateTimeOffset now)
    {
        if (cancelled)
        {
            return new RoundState(RoundPhase.Cancelled, false, false, false, false, false, null);
        }

        if (times is null)
        {
            return new RoundState(RoundPhase.NotScheduled, false, false, false, false, false, null);
        }

        var judgingLocks = times.JudgingLocksAt;
        var published = times.PublishAt is { } publish && now >= publish;
        var judgingLocked = judgingLocks is { } locks && now >= locks;
        var phase = now < times.OpensAt ? RoundPhase.Upcoming
            : now < times.ClosesAt ? RoundPhase.Open
            : now < times.LocksAt ? RoundPhase.Grace
            : published ? RoundPhase.Published
            : judgingLocked ? RoundPhase.JudgingLocked
            : RoundPhase.Judging;
        var next = new DateTimeOffset?[] { times.OpensAt, times.ClosesAt, times.LocksAt, judgingLocks, times.PublishAt }
            .Where(instant => instant > now).Min();
        return new RoundState(
            phase,
            AcceptsEntries: phase is RoundPhase.Open or RoundPhase.Grace,
            EntriesAreLate: phase == RoundPhase.Grace,
            JudgingOpen: phase == RoundPhase.Judging,
            JudgingLocked: judgingLocked,
            Published: published,
            NextChangeAt: next);
    }

    /// <summary>Null when an entry may be submitted at <paramref name="now"/>, otherwise the rule that refuses it.</summary>
    public static string? EntryRefusal(RoundTimes? times, bool cancelled, DateTimeOffset now) =>
        cancelled ? Cancelled
        : times is null ? NotScheduled
        : now < times.OpensAt ? NotOpenYet
        : now >= times.LocksAt ? Closed
        : null;
}
