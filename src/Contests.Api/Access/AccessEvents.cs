namespace Contests.Api.Access;

/// <summary>
/// A password account: an organiser's, a district organiser's (scoped to <paramref name="District"/>) or, in the platform's
/// own tenant, a platform administrator's. <paramref name="Role"/> is null on accounts created before roles were
/// recorded, whose role follows from the district.
/// </summary>
public sealed record OrganiserAccountCreated(
    Guid AccountId, string Email, string DisplayName, string PasswordHash, Actor CreatedBy, DateTimeOffset CreatedAt, string? District = null,
    string? Role = null);

/// <summary>An organiser gives a colleague another role (organiser, or district organiser of a district); their sessions end.</summary>
public sealed record OrganiserRoleChanged(Guid AccountId, string Email, string Role, string? District, Actor ChangedBy, DateTimeOffset ChangedAt);

/// <summary>The account can no longer sign in, and its sessions end.</summary>
public sealed record OrganiserAccountDisabled(Guid AccountId, string Email, Actor DisabledBy, DateTimeOffset DisabledAt);

public sealed record OrganiserAccountEnabled(Guid AccountId, string Email, Actor EnabledBy, DateTimeOffset EnabledAt);

/// <summary>Only a hash of the code is ever stored: the stream id is derived from the code itself.</summary>
public sealed record SignInCodeIssued(
    Guid CodeId, string Role, string DisplayName, Guid PrincipalId, DateTimeOffset ExpiresAt, Actor IssuedBy, DateTimeOffset IssuedAt);

public sealed record SignInCodeRedeemed(Guid CodeId, DateTimeOffset RedeemedAt);

/// <summary>Whom the code was for is repeated here (null on codes revoked before it was) so the audit can say it.</summary>
public sealed record SignInCodeRevoked(Guid CodeId, Actor RevokedBy, DateTimeOffset RevokedAt, string? Role = null, string? DisplayName = null);

/// <summary>A session begins: by password or by a sign-in code (<paramref name="CodeId"/>), from a client address.</summary>
public sealed record SessionStarted(
    Guid SessionId, Guid PrincipalId, string Name, string Role, string Method, Guid? CodeId, string? ClientAddress, DateTimeOffset StartedAt);

/// <summary>A session ends: signed out, revoked by an organiser, or because its code was revoked or its account changed.</summary>
public sealed record SessionEnded(Guid SessionId, Guid PrincipalId, string Name, string Reason, Actor EndedBy, DateTimeOffset EndedAt);

/// <summary>A wrong password (or an unknown e-mail address: the two are not told apart) for this address.</summary>
public sealed record PasswordSignInFailed(string Email, string? ClientAddress, DateTimeOffset FailedAt);

/// <summary>A password sign-in refused without checking the password, because the address is locked.</summary>
public sealed record PasswordSignInLocked(string Email, string? ClientAddress, DateTimeOffset LockedUntil, DateTimeOffset RefusedAt);

/// <summary>The right password: the count of wrong ones starts again.</summary>
public sealed record PasswordSignInSucceeded(string Email, DateTimeOffset SucceededAt);

/// <summary>A sign-in code that does not exist, expired, was used or revoked. The code itself is not kept.</summary>
public sealed record CodeSignInFailed(string? ClientAddress, DateTimeOffset FailedAt);
