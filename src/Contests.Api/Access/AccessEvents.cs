namespace Contests.Api.Access;

/// <summary>An organiser's account; with a district it is a district organiser's, scoped to that district.</summary>
public sealed record OrganiserAccountCreated(
    Guid AccountId, string Email, string DisplayName, string PasswordHash, Actor CreatedBy, DateTimeOffset CreatedAt, string? District = null);

/// <summary>Only a hash of the code is ever stored: the stream id is derived from the code itself.</summary>
public sealed record SignInCodeIssued(
    Guid CodeId, string Role, string DisplayName, Guid PrincipalId, DateTimeOffset ExpiresAt, Actor IssuedBy, DateTimeOffset IssuedAt);

public sealed record SignInCodeRedeemed(Guid CodeId, DateTimeOffset RedeemedAt);

public sealed record SignInCodeRevoked(Guid CodeId, Actor RevokedBy, DateTimeOffset RevokedAt);
