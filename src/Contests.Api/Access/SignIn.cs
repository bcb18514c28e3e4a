using System.Globalization;
using System.Security.Claims;
using Contests.Api.Infrastructure;
using Contests.Domain.Access;
using Contests.Domain.Organisations;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Access;

public sealed record PasswordSignInRequest(string? Email, string? Password);

public sealed record CodeSignInRequest(string? Code);

public sealed record SignedInUser(string Name, string Role);

/// <summary>
/// What the web app needs on load: who is signed in (for a team, <c>Id</c> is the team's id), the organisation the
/// request acts in, and the token to send back as X-XSRF-TOKEN on writes.
/// </summary>
public sealed record CurrentUser(bool Authenticated, string? Id, string? Name, string? Role, string AntiforgeryToken, string Organisation);

public static class SignIn
{
    private const int MaxCodeLength = 64;

    public static async Task<Results<Ok<SignedInUser>, ProblemHttpResult>> WithPassword(
        PasswordSignInRequest request, HttpContext httpContext, IDocumentSession session, IDocumentStore store, OrganiserAccounts accounts,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || request.Email.Length > 254 || string.IsNullOrEmpty(request.Password) ||
            request.Password.Length > CreateOrganiser.MaxPasswordLength)
        {
            return Problems.Refused(StatusCodes.Status401Unauthorized, "sign-in-failed");
        }

        var email = OrganiserAccount.NormaliseEmail(request.Email);
        var now = clock.GetUtcNow();
        // Platform administrators use the same form; their accounts live in the platform's own tenant.
        var account = await session.LoadAsync<OrganiserAccount>(OrganiserAccount.IdFor(email), cancellationToken);
        await using var platform = store.LightweightSession(OrganisationSlug.Platform);
        var accountSession = session;
        if (account is null && await platform.LoadAsync<OrganiserAccount>(OrganiserAccount.IdFor(email), cancellationToken) is { } administrator)
        {
            account = administrator;
            accountSession = platform;
        }

        var attempts = await accountSession.Events.FetchForWriting<SignInAttemptsRecord>(SignInAttemptsRecord.IdFor(email), cancellationToken);
        var address = ClientAddress.Of(httpContext);
        if ((attempts.Aggregate?.Attempts ?? SignInAttempts.None).LockedUntil(LockoutPolicy.Default, now) is { } lockedUntil)
        {
            attempts.AppendOne(new PasswordSignInLocked(email, address, lockedUntil, now));
            await SaveIgnoringRaces(accountSession, cancellationToken);
            var minutes = (int)Math.Ceiling((lockedUntil - now).TotalMinutes);
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling((lockedUntil - now).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Problems.Refused(StatusCodes.Status429TooManyRequests, "sign-in-locked", minutes);
        }

        if (!accounts.Verify(account, request.Password) || account.Disabled)
        {
            attempts.AppendOne(new PasswordSignInFailed(email, address, now));
            await SaveIgnoringRaces(accountSession, cancellationToken);
            return Problems.Refused(StatusCodes.Status401Unauthorized, "sign-in-failed");
        }

        var organisation = accountSession == platform ? null : session.TenantId;
        await UserSessions.StartAsync(httpContext, accountSession, organisation,
            new SessionStarted(Guid.CreateVersion7(), account.Id, account.DisplayName, account.Role, UserSessions.ByPassword, null, address, now),
            account.District, cancellationToken);
        // Saved after the session, on its own: the same person signing in on two devices at once must get two
        // sessions, and either success clears the failures just as well.
        accountSession.Events.Append(SignInAttemptsRecord.IdFor(email), new PasswordSignInSucceeded(email, now));
        await SaveIgnoringRaces(accountSession, cancellationToken);
        return TypedResults.Ok(new SignedInUser(account.DisplayName, account.Role));
    }

    public static async Task<Results<Ok<SignedInUser>, ProblemHttpResult>> WithCode(
        CodeSignInRequest request, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var code = SignInCode.Normalise(request.Code);
        var stream = code.Length is > 0 and <= MaxCodeLength
            ? await session.Events.FetchForWriting<SignInCode>(SignInCode.IdFor(code), cancellationToken)
            : null;
        if (stream?.Aggregate is not { } signInCode || !signInCode.CanBeRedeemedAt(now))
        {
            // Each failure is a stream of its own: concurrent guesses never contend, and the organisers' audit lists them.
            session.Events.StartStream(Guid.CreateVersion7(), new CodeSignInFailed(ClientAddress.Of(httpContext), now));
            await session.SaveChangesAsync(cancellationToken);
            return Problems.Refused(StatusCodes.Status401Unauthorized, "sign-in-code-invalid");
        }

        stream.AppendOne(new SignInCodeRedeemed(signInCode.Id, now));
        try
        {
            await UserSessions.StartAsync(httpContext, session, session.TenantId,
                new SessionStarted(Guid.CreateVersion7(), signInCode.PrincipalId, signInCode.DisplayName, signInCode.Role, UserSessions.ByCode,
                    signInCode.Id, ClientAddress.Of(httpContext), now),
                district: null, cancellationToken);
        }
        catch (ConcurrencyException)
        {
            // Another device redeemed the same code a moment earlier: single use means this one loses.
            return Problems.Refused(StatusCodes.Status401Unauthorized, "sign-in-code-invalid");
        }

        return TypedResults.Ok(new SignedInUser(signInCode.DisplayName, signInCode.Role));
    }

    /// <summary>Ends the session on the server too, so a copy of the cookie is worth nothing afterwards.</summary>
    public static async Task<NoContent> SignOut(HttpContext httpContext, IDocumentStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (UserSessions.IdOf(httpContext.User) is { } sessionId)
        {
            await using var session = store.LightweightSession(UserSessions.HomeTenant(httpContext.User));
            await UserSessions.EndWhereAsync(session, item => item.Id == sessionId, AuditProjection.SignedOut, Actor.From(httpContext.User), clock.GetUtcNow(), cancellationToken);
            await session.SaveChangesAsync(cancellationToken);
        }

        await httpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    public static Ok<CurrentUser> Me(HttpContext httpContext, IAntiforgery antiforgery, ContestsOptions options)
    {
        var user = httpContext.User;
        var token = antiforgery.GetAndStoreTokens(httpContext).RequestToken ?? string.Empty;
        var organisation = Organisations.RequestOrganisation.Of(httpContext, options.DefaultOrganisation);
        return user.Identity?.IsAuthenticated == true
            ? TypedResults.Ok(new CurrentUser(
                true, user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirstValue(ClaimTypes.Name), user.FindFirstValue(ClaimTypes.Role), token,
                organisation))
            : TypedResults.Ok(new CurrentUser(false, null, null, null, token, organisation));
    }

    /// <summary>Two wrong passwords for one address at the same instant: one is recorded, both are refused.</summary>
    private static async Task SaveIgnoringRaces(IDocumentSession session, CancellationToken cancellationToken)
    {
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyException)
        {
            // The other attempt's event is the record of this moment; the answer is a refusal either way.
        }
    }
}
