namespace Contests.Domain.Access;

/// <summary>How many wrong passwords in a row, within how long, lock an e-mail address, and for how long.</summary>
public sealed record LockoutPolicy(int MaxFailures, TimeSpan Window, TimeSpan LockFor)
{
    public static LockoutPolicy Default { get; } = new(5, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15));
}

/// <summary>
/// The recent wrong passwords for one e-mail address (known or not, so the answer never tells which addresses exist).
/// A right password clears them; <see cref="LockoutPolicy.MaxFailures"/> of them within the window lock the address
/// until <see cref="LockoutPolicy.LockFor"/> after the last one, whatever password comes next. Attempts made while
/// locked are refused without being counted, so an attacker cannot keep a colleague locked out for ever by trying.
/// </summary>
public sealed record SignInAttempts(IReadOnlyList<DateTimeOffset> RecentFailures)
{
    public static SignInAttempts None { get; } = new([]);

    public DateTimeOffset? LockedUntil(LockoutPolicy policy, DateTimeOffset now)
    {
        if (RecentFailures.Count < policy.MaxFailures)
        {
            return null;
        }

        var first = RecentFailures[^policy.MaxFailures];
        var last = RecentFailures[^1];
        var until = last + policy.LockFor;
        return last - first <= policy.Window && until > now ? until : null;
    }

    /// <summary>Keeps only the failures the policy can still need, so the record stays small whatever is sent.</summary>
    public SignInAttempts Failed(DateTimeOffset at, LockoutPolicy policy) =>
        new([.. RecentFailures.TakeLast(policy.MaxFailures - 1), at]);

    public static SignInAttempts Succeeded() => None;
}
