using System.Security.Claims;
using Contests.Api.Infrastructure;
using Contests.Domain.Registration;
using Contests.Domain.Text;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Access;

/// <summary>A password account as organisers manage it; the password hash never leaves the server.</summary>
public sealed record AccountView(Guid Id, string Email, string DisplayName, string Role, string? District, bool Disabled, long Version)
{
    public static AccountView From(OrganiserAccount account) =>
        new(account.Id, account.Email, account.DisplayName, account.Role, account.District, account.Disabled, account.Version);
}

public sealed record RoleForm(string? Role, string? District);

/// <summary>An open session: who, how they signed in, from where and since when.</summary>
public sealed record SessionView(Guid Id, Guid PrincipalId, string Name, string Role, string Method, string? ClientAddress, DateTimeOffset StartedAt)
{
    public static SessionView From(UserSession session) =>
        new(session.Id, session.PrincipalId, session.Name, session.Role, session.Method, session.ClientAddress, session.StartedAt);
}

/// <summary>
/// Organisers manage their own organisation's people: the password accounts (role, district, disabled) and every open
/// session, which they can end at once. Changing an account ends its sessions, so the new role applies from the next
/// sign-in. An organiser cannot change their own account, so an organisation always keeps the organiser who acts.
/// </summary>
public static class Users
{
    public static async Task<Ok<IReadOnlyList<AccountView>>> List(IQuerySession session, CancellationToken cancellationToken)
    {
        var accounts = await session.Query<OrganiserAccount>().ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AccountView>>(accounts.OrderBy(account => account.DisplayName, VietnameseText.Collation).Select(AccountView.From).ToList());
    }

    public static async Task<Results<Ok<AccountView>, ProblemHttpResult>> ChangeRole(
        Guid accountId, RoleForm request, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var role = request.Role ?? string.Empty;
        var district = VietnameseText.Clean(request.District) is { Length: > 0 } named ? named : null;
        var violations = new List<RuleViolation>();
        if (!Roles.OrganiserAccounts.Contains(role))
        {
            violations.Add(new RuleViolation("role", "role-not-assignable"));
        }
        else if ((role == Roles.DistrictOrganiser) != (district is not null))
        {
            violations.Add(new RuleViolation("district", role == Roles.DistrictOrganiser ? RegistrationRule.Required : "district-not-expected"));
        }
        else if (district?.Length > Domain.FieldChecks.MaxTextLength)
        {
            violations.Add(new RuleViolation("district", RegistrationRule.TooLong, Domain.FieldChecks.MaxTextLength));
        }

        return violations.Count > 0
            ? Problems.Invalid(violations)
            : await Change(accountId, httpContext, session, clock, "role-changed",
                (account, actor, now) => new OrganiserRoleChanged(account.Id, account.Email, role, district, actor, now), cancellationToken);
    }

    public static Task<Results<Ok<AccountView>, ProblemHttpResult>> Disable(
        Guid accountId, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        Change(accountId, httpContext, session, clock, "account-disabled",
            (account, actor, now) => new OrganiserAccountDisabled(account.Id, account.Email, actor, now), cancellationToken);

    public static Task<Results<Ok<AccountView>, ProblemHttpResult>> Enable(
        Guid accountId, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        Change(accountId, httpContext, session, clock, endSessionsBecause: null,
            (account, actor, now) => new OrganiserAccountEnabled(account.Id, account.Email, actor, now), cancellationToken);

    public static async Task<Ok<IReadOnlyList<SessionView>>> Sessions(IQuerySession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - UserSessions.MaxAge;
        var open = await session.Query<UserSession>()
            .Where(item => item.EndedAt == null && item.StartedAt > since)
            .OrderByDescending(item => item.StartedAt)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SessionView>>(open.Select(SessionView.From).ToList());
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> EndSession(
        Guid sessionId, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<UserSession>(sessionId, cancellationToken) is null)
        {
            return Problems.NotFound("session-not-found");
        }

        await UserSessions.EndWhereAsync(session, item => item.Id == sessionId, "session-revoked", Actor.From(httpContext.User), clock.GetUtcNow(), cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> Change(
        Guid accountId, HttpContext httpContext, IDocumentSession session, TimeProvider clock, string? endSessionsBecause,
        Func<OrganiserAccount, Actor, DateTimeOffset, object> decide, CancellationToken cancellationToken)
    {
        if (!ETags.TryReadExpectedVersion(httpContext, out var expectedVersion, out var refusal))
        {
            return refusal!;
        }

        if (await session.LoadAsync<OrganiserAccount>(accountId, cancellationToken) is null)
        {
            return Problems.NotFound("account-not-found");
        }

        if (httpContext.User.FindFirstValue(ClaimTypes.NameIdentifier) == accountId.ToString())
        {
            return Problems.Refused(StatusCodes.Status409Conflict, "own-account");
        }

        var stream = await session.Events.FetchForWriting<OrganiserAccount>(accountId, expectedVersion, cancellationToken);
        var actor = Actor.From(httpContext.User);
        var now = clock.GetUtcNow();
        var change = decide(stream.Aggregate!, actor, now);
        stream.AppendOne(change);
        if (endSessionsBecause is not null)
        {
            await UserSessions.EndWhereAsync(session, item => item.PrincipalId == accountId, endSessionsBecause, actor, now, cancellationToken);
        }

        await session.SaveChangesAsync(cancellationToken);
        var updated = (await session.LoadAsync<OrganiserAccount>(accountId, cancellationToken))!;
        ETags.Write(httpContext, updated.Version);
        return TypedResults.Ok(AccountView.From(updated));
    }
}
