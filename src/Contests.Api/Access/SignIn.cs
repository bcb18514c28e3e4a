using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Contests.Api.Infrastructure;

namespace Contests.Api.Access;

public sealed record PasswordSignInRequest(string? Email, string? Password);

public sealed record CodeSignInRequest(string? Code);

public sealed record SignedInUser(string Name, string Role);

/// <summary>What the web app needs on load: who is signed in (for a team, <c>Id</c> is the team's id), and the token to send back as X-XSRF-TOKEN on writes.</summary>
public sealed record CurrentUser(bool Authenticated, string? Id, string? Name, string? Role, string AntiforgeryToken);

public static class SignIn
{
    public static async Task<Results<Ok<SignedInUser>, ProblemHttpResult>> WithPassword(
        PasswordSignInRequest request, HttpContext httpContext, IQuerySession session, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return Problems.Refused(StatusCodes.Status401Unauthorized, "sign-in-failed");
        }

        var account = await session.LoadAsync<OrganiserAccount>(OrganiserAccount.IdFor(request.Email), cancellationToken);
        if (account is null || !OrganiserAccounts.Verify(account, request.Password))
        {
            return Problems.Refused(StatusCodes.Status401Unauthorized, "sign-in-failed");
        }

        await StartSession(httpContext, account.Id, account.DisplayName, account.Role, account.District);
        return TypedResults.Ok(new SignedInUser(account.DisplayName, account.Role));
    }

    public static async Task<Results<Ok<SignedInUser>, ProblemHttpResult>> WithCode(
        CodeSignInRequest request, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var code = SignInCode.Normalise(request.Code);
        if (code.Length == 0)
        {
            return Problems.Refused(StatusCodes.Status401Unauthorized, "sign-in-code-invalid");
        }

        var now = clock.GetUtcNow();
        var stream = await session.Events.FetchForWriting<SignInCode>(SignInCode.IdFor(code), cancellationToken);
        if (stream.Aggregate is not { } signInCode || !signInCode.CanBeRedeemedAt(now))
        {
            return Problems.Refused(StatusCodes.Status401Unauthorized, "sign-in-code-invalid");
        }

        stream.AppendOne(new SignInCodeRedeemed(signInCode.Id, now));
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (JasperFx.ConcurrencyException)
        {
            // Another device redeemed the same code a moment earlier: single use means this one loses.
            return Problems.Refused(StatusCodes.Status401Unauthorized, "sign-in-code-invalid");
        }

        await StartSession(httpContext, signInCode.PrincipalId, signInCode.DisplayName, signInCode.Role);
        return TypedResults.Ok(new SignedInUser(signInCode.DisplayName, signInCode.Role));
    }

    public static async Task<NoContent> SignOut(HttpContext httpContext)
    {
        await httpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    public static Ok<CurrentUser> Me(HttpContext httpContext, IAntiforgery antiforgery)
    {
        var user = httpContext.User;
        var token = antiforgery.GetAndStoreTokens(httpContext).RequestToken ?? string.Empty;
        return user.Identity?.IsAuthenticated == true
            ? TypedResults.Ok(new CurrentUser(
                true, user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirstValue(ClaimTypes.Name), user.FindFirstValue(ClaimTypes.Role), token))
            : TypedResults.Ok(new CurrentUser(false, null, null, null, token));
    }

    private static Task StartSession(HttpContext httpContext, Guid principalId, string name, string role, string? district = null)
    {
        List<Claim> claims =
        [
            new Claim(ClaimTypes.NameIdentifier, principalId.ToString()),
            new Claim(ClaimTypes.Name, name),
            new Claim(ClaimTypes.Role, role),
        ];
        if (district is not null)
        {
            claims.Add(new Claim(Roles.DistrictClaim, district));
        }

        var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme);
        httpContext.User = new ClaimsPrincipal(identity);
        return httpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, httpContext.User);
    }
}
