using System.Linq.Expressions;
using System.Security.Claims;
using Contests.Domain.Organisations;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Contests.Api.Access;

/// <summary>
/// One signed-in session, kept server-side so it can be ended from outside: the cookie only names it, and every
/// request checks that it is still open. Lives in the tenant of the account (the platform's for platform administrators).
/// </summary>
public sealed record UserSession(
    Guid Id, Guid PrincipalId, string Name, string Role, string Method, Guid? CodeId, string? ClientAddress, DateTimeOffset StartedAt)
{
    public long Version { get; set; }

    public DateTimeOffset? EndedAt { get; init; }

    public string? EndReason { get; init; }

    public static UserSession Create(SessionStarted started) =>
        new(started.SessionId, started.PrincipalId, started.Name, started.Role, started.Method, started.CodeId, started.ClientAddress, started.StartedAt);

    public UserSession Apply(SessionEnded ended) => this with { EndedAt = ended.EndedAt, EndReason = ended.Reason };

    public bool IsOpenAt(DateTimeOffset now) => EndedAt is null && now - StartedAt < UserSessions.MaxAge;
}

public static class UserSessions
{
    public const string ByPassword = "password";
    public const string ByCode = "code";

    /// <summary>However active a session is kept, it ends after this; a lost tablet stops being a key within two weeks.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(14);

    /// <summary>Where the account's sessions are kept: its organisation's tenant, or the platform's.</summary>
    public static string HomeTenant(ClaimsPrincipal user) => Roles.OrganisationOf(user) ?? OrganisationSlug.Platform;

    /// <summary>
    /// Records the session in <paramref name="session"/> (the account's tenant) together with whatever the caller has
    /// appended there, then issues the cookie naming it. <paramref name="organisation"/> is null for platform administrators.
    /// </summary>
    public static async Task StartAsync(
        HttpContext httpContext, IDocumentSession session, string? organisation, SessionStarted started, string? district,
        CancellationToken cancellationToken)
    {
        session.Events.StartStream<UserSession>(started.SessionId, started);
        await session.SaveChangesAsync(cancellationToken);

        List<Claim> claims =
        [
            new Claim(ClaimTypes.NameIdentifier, started.PrincipalId.ToString()),
            new Claim(ClaimTypes.Name, started.Name),
            new Claim(ClaimTypes.Role, started.Role),
            new Claim(Roles.SessionClaim, started.SessionId.ToString()),
        ];
        if (district is not null)
        {
            claims.Add(new Claim(Roles.DistrictClaim, district));
        }

        if (organisation is not null)
        {
            claims.Add(new Claim(Roles.OrganisationClaim, organisation));
        }

        httpContext.User = new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
        await httpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, httpContext.User);
    }

    public static Guid? IdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Roles.SessionClaim), out var id) ? id : null;

    /// <summary>Appends the end of every open session that matches; the caller saves, with the change that caused it.</summary>
    public static async Task<int> EndWhereAsync(
        IDocumentSession session, Expression<Func<UserSession, bool>> which, string reason, Actor endedBy, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var open = await session.Query<UserSession>().Where(which).Where(item => item.EndedAt == null).ToListAsync(cancellationToken);
        foreach (var item in open)
        {
            session.Events.Append(item.Id, new SessionEnded(item.Id, item.PrincipalId, item.Name, reason, endedBy, now));
        }

        return open.Count;
    }

    /// <summary>
    /// The cookie's check on every request: a session that was ended (signed out, revoked, its code revoked, its account
    /// changed) or is older than <see cref="MaxAge"/> no longer authenticates anyone, from this request on.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var user = context.Principal!;
        var services = context.HttpContext.RequestServices;
        if (IdOf(user) is { } sessionId)
        {
            await using var query = services.GetRequiredService<IDocumentStore>().QuerySession(HomeTenant(user));
            var stored = await query.LoadAsync<UserSession>(sessionId, context.HttpContext.RequestAborted);
            if (stored is not null && stored.PrincipalId.ToString() == user.FindFirstValue(ClaimTypes.NameIdentifier) &&
                stored.IsOpenAt(services.GetRequiredService<TimeProvider>().GetUtcNow()))
            {
                return;
            }
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
