using Contests.Domain.Access;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Contests.Domain.Tests.Access;

public sealed class SignInLockoutTests
{
    private static readonly LockoutPolicy Policy = LockoutPolicy.Default;
    private static readonly DateTimeOffset Start = new(2024, 6, 30, 1, 0, 0, TimeSpan.Zero);

    private static SignInAttempts FailuresAt(params int[] minutes) =>
        minutes.Aggregate(SignInAttempts.None, (attempts, minute) => attempts.Failed(Start.AddMinutes(minute), Policy));

    [Fact]
    public void four_wrong_passwords_do_not_lock() =>
        Assert.Null(FailuresAt(0, 1, 2, 3).LockedUntil(Policy, Start.AddMinutes(4)));

    [Fact]
    public void the_fifth_wrong_password_within_the_window_locks_for_fifteen_minutes_after_it()
    {
        var attempts = FailuresAt(0, 1, 2, 3, 4);

        Assert.Equal(Start.AddMinutes(19), attempts.LockedUntil(Policy, Start.AddMinutes(5)));
        Assert.Null(attempts.LockedUntil(Policy, Start.AddMinutes(19)));
    }

    [Fact]
    public void failures_spread_wider_than_the_window_do_not_lock() =>
        Assert.Null(FailuresAt(0, 5, 10, 15, 20).LockedUntil(Policy, Start.AddMinutes(21)));

    [Fact]
    public void a_right_password_clears_the_count() =>
        Assert.Empty(SignInAttempts.Succeeded().RecentFailures);

    [Fact]
    public void after_a_lock_expires_one_more_failure_does_not_lock_again() =>
        Assert.Null(FailuresAt(0, 1, 2, 3, 4, 30).LockedUntil(Policy, Start.AddMinutes(31)));

    [Property]
    public Property the_record_never_grows_beyond_the_policy(PositiveInt count) =>
        (Enumerable.Range(0, count.Get % 500).Aggregate(SignInAttempts.None, (attempts, minute) => attempts.Failed(Start.AddSeconds(minute), Policy))
            .RecentFailures.Count <= Policy.MaxFailures).ToProperty();

    [Property]
    public Property a_lock_never_outlasts_the_last_failure_by_more_than_the_lock_time(PositiveInt[] gaps)
    {
        var at = Start;
        var attempts = SignInAttempts.None;
        foreach (var gap in gaps.Take(30))
        {
            at = at.AddSeconds(gap.Get % 600);
            attempts = attempts.Failed(at, Policy);
        }

        var until = attempts.LockedUntil(Policy, at);
        return (until is null || until <= at + Policy.LockFor).ToProperty();
    }
}
