using Contests.Api.Organisations;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Access;

/// <summary>
/// One security-relevant action, as organisers read it: when, what (a stable code), who did it, to whom or what, and
/// from which address. Written by <see cref="AuditProjection"/> in the same transaction as the event it reports.
/// </summary>
public sealed record AuditEntry(Guid Id, DateTimeOffset At, string Action, string? ActorName, string? ActorRole, string? Subject, string? ClientAddress);

/// <summary>
/// Security events become audit entries inline. A capability with its own security-relevant events (a correction after
/// judging locked, an export) adds a projection of its own writing <see cref="AuditEntry"/> documents with its own
/// action codes, registered beside this one; nothing here needs to change.
/// </summary>
public sealed partial class AuditProjection : EventProjection
{
    public const string SignedOut = "signed-out";

    public static AuditEntry Create(IEvent<SessionStarted> e) =>
        new(e.Id, e.Data.StartedAt, "sign-in", e.Data.Name, e.Data.Role, e.Data.Method, e.Data.ClientAddress);

    public static AuditEntry Create(IEvent<SessionEnded> e) =>
        e.Data.Reason == SignedOut
            ? new(e.Id, e.Data.EndedAt, "sign-out", e.Data.EndedBy.Name, e.Data.EndedBy.Role, e.Data.Name, null)
            : new(e.Id, e.Data.EndedAt, "session-ended", e.Data.EndedBy.Name, e.Data.EndedBy.Role, $"{e.Data.Name} ({e.Data.Reason})", null);

    public static AuditEntry Create(IEvent<PasswordSignInFailed> e) =>
        new(e.Id, e.Data.FailedAt, "sign-in-failed", null, null, e.Data.Email, e.Data.ClientAddress);

    public static AuditEntry Create(IEvent<PasswordSignInLocked> e) =>
        new(e.Id, e.Data.RefusedAt, "sign-in-locked", null, null, e.Data.Email, e.Data.ClientAddress);

    public static AuditEntry Create(IEvent<CodeSignInFailed> e) =>
        new(e.Id, e.Data.FailedAt, "code-sign-in-failed", null, null, null, e.Data.ClientAddress);

    public static AuditEntry Create(IEvent<SignInCodeIssued> e) =>
        new(e.Id, e.Data.IssuedAt, "code-issued", e.Data.IssuedBy.Name, e.Data.IssuedBy.Role, $"{e.Data.Role}: {e.Data.DisplayName}", null);

    public static AuditEntry Create(IEvent<SignInCodeRevoked> e) =>
        new(e.Id, e.Data.RevokedAt, "code-revoked", e.Data.RevokedBy.Name, e.Data.RevokedBy.Role,
            e.Data.DisplayName is null ? e.Data.CodeId.ToString() : $"{e.Data.Role}: {e.Data.DisplayName}", null);

    public static AuditEntry Create(IEvent<OrganiserAccountCreated> e) =>
        new(e.Id, e.Data.CreatedAt, "account-created", e.Data.CreatedBy.Name, e.Data.CreatedBy.Role, Describe(e.Data.Email, e.Data.Role, e.Data.District), null);

    public static AuditEntry Create(IEvent<OrganiserRoleChanged> e) =>
        new(e.Id, e.Data.ChangedAt, "role-changed", e.Data.ChangedBy.Name, e.Data.ChangedBy.Role, Describe(e.Data.Email, e.Data.Role, e.Data.District), null);

    public static AuditEntry Create(IEvent<OrganiserAccountDisabled> e) =>
        new(e.Id, e.Data.DisabledAt, "account-disabled", e.Data.DisabledBy.Name, e.Data.DisabledBy.Role, e.Data.Email, null);

    public static AuditEntry Create(IEvent<OrganiserAccountEnabled> e) =>
        new(e.Id, e.Data.EnabledAt, "account-enabled", e.Data.EnabledBy.Name, e.Data.EnabledBy.Role, e.Data.Email, null);

    public static AuditEntry Create(IEvent<OrganisationCreated> e) =>
        new(e.Id, e.Data.CreatedAt, "organisation-created", e.Data.CreatedBy.Name, e.Data.CreatedBy.Role, $"{e.Data.Slug}: {e.Data.Name}", null);

    private static string Describe(string email, string? role, string? district) =>
        district is null ? $"{email} ({role ?? Roles.Organiser})" : $"{email} ({role ?? Roles.DistrictOrganiser}, {district})";
}

public static class AuditLog
{
    private const int DefaultLimit = 200;
    private const int MaxLimit = 1000;

    /// <summary>The newest entries first; <paramref name="before"/> (the time of a page's last entry) pages back.</summary>
    public static async Task<Ok<IReadOnlyList<AuditEntry>>> List(
        DateTimeOffset? before, int? limit, IQuerySession session, CancellationToken cancellationToken)
    {
        var query = session.Query<AuditEntry>().AsQueryable();
        if (before is { } until)
        {
            query = query.Where(entry => entry.At < until);
        }

        var entries = await query.OrderByDescending(entry => entry.At).ThenByDescending(entry => entry.Id)
            .Take(Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit)).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AuditEntry>>(entries);
    }
}
