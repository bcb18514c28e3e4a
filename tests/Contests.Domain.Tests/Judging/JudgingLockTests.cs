using Contests.Domain.Judging;

namespace Contests.Domain.Tests.Judging;

public sealed class JudgingLockTests
{
    private static readonly DateTimeOffset Noon = new(2024, 7, 1, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public void judging_is_open_before_the_scheduled_lock_and_locked_after_it()
    {
        Assert.False(JudgingLock.IsLocked(Noon, null, null, Noon.AddMinutes(-1)));
        Assert.True(JudgingLock.IsLocked(Noon, null, null, Noon));
        Assert.False(JudgingLock.IsLocked(null, null, null, Noon));
    }

    [Fact]
    public void a_lock_by_hand_locks_before_the_schedule_does()
    {
        Assert.True(JudgingLock.IsLocked(Noon, Noon.AddHours(-2), null, Noon.AddHours(-1)));
    }

    [Fact]
    public void an_unlock_opens_only_what_was_locked_before_it()
    {
        Assert.False(JudgingLock.IsLocked(Noon, null, Noon.AddHours(1), Noon.AddHours(2)));
        Assert.False(JudgingLock.IsLocked(null, Noon, Noon.AddMinutes(5), Noon.AddHours(2)));
        Assert.True(JudgingLock.IsLocked(null, Noon.AddMinutes(10), Noon.AddMinutes(5), Noon.AddHours(2)));
        // Unlocked by hand before the scheduled lock: the schedule still locks when its time comes.
        Assert.True(JudgingLock.IsLocked(Noon, Noon.AddHours(-2), Noon.AddHours(-1), Noon.AddHours(1)));
    }
}
