using Contests.Api.Infrastructure;
using Contests.Domain.Access;

namespace Contests.Api.Access;

/// <summary>Recent wrong passwords for one e-mail address in one tenant, for the lockout rule.</summary>
public sealed record SignInAttemptsRecord(Guid Id, string Email, SignInAttempts Attempts)
{
    public long Version { get; set; }

    public static SignInAttemptsRecord Create(PasswordSignInFailed failed) =>
        new(IdFor(failed.Email), failed.Email, SignInAttempts.None.Failed(failed.FailedAt, LockoutPolicy.Default));

    public static SignInAttemptsRecord Create(PasswordSignInSucceeded succeeded) => new(IdFor(succeeded.Email), succeeded.Email, SignInAttempts.None);

    public SignInAttemptsRecord Apply(PasswordSignInFailed failed) => this with { Attempts = Attempts.Failed(failed.FailedAt, LockoutPolicy.Default) };

    public SignInAttemptsRecord Apply(PasswordSignInSucceeded succeeded) => this with { Attempts = SignInAttempts.Succeeded() };

    public SignInAttemptsRecord Apply(PasswordSignInLocked locked) => this;

    public static Guid IdFor(string normalisedEmail) => StreamIds.For("sign-in-attempts", normalisedEmail);
}
