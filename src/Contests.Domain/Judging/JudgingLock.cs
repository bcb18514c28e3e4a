namespace Contests.Domain.Judging;

/// <summary>
/// Whether a round's judging is locked at a moment: it locks when the schedule's judging lock has passed or an organiser
/// locked it by hand, whichever came last, and an organiser's unlock after that lock opens it again.
/// </summary>
public static class JudgingLock
{
    public static bool IsLocked(DateTimeOffset? scheduledLock, DateTimeOffset? lockedByHandAt, DateTimeOffset? unlockedByHandAt, DateTimeOffset now)
    {
        var scheduled = scheduledLock is { } at && at <= now ? at : (DateTimeOffset?)null;
        var lastLock = Latest(scheduled, lockedByHandAt);
        return lastLock is { } locked && (unlockedByHandAt is not { } unlocked || unlocked < locked);
    }

    private static DateTimeOffset? Latest(DateTimeOffset? left, DateTimeOffset? right) =>
        left is null ? right : right is null ? left : left > right ? left : right;
}
