using Contests.Api.Infrastructure;

namespace Contests.Api.Access;

public static class AccessEndpoints
{
    public static RouteGroupBuilder MapAccess(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Access");
        auth.MapGet("/me", SignIn.Me)
            .WithName("GetCurrentUser").WithSummary("Who is signed in, the organisation the request acts in, and the anti-forgery token to send as X-XSRF-TOKEN on writes.")
            .AllowPublic();
        auth.MapPost("/sign-in", SignIn.WithPassword)
            .WithName("SignInWithPassword")
            .WithSummary("Organisers (and platform administrators) sign in with e-mail and password; answers with a session cookie. Five wrong passwords in 15 minutes lock the address for 15 minutes (429).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(SignInLimits.Policy)
            .AllowPublic();
        auth.MapPost("/sign-in-code", SignIn.WithCode)
            .WithName("SignInWithCode").WithSummary("Judges, referees and teams exchange their single-use sign-in code for a session cookie.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(SignInLimits.Policy)
            .AllowPublic();
        auth.MapPost("/sign-out", SignIn.SignOut)
            .WithName("SignOut").WithSummary("Ends the current session, on the server too.")
            .RequireAuthorization(Policies.SignedIn);

        var codes = app.MapGroup("/api/access/sign-in-codes").WithTags("Access");
        codes.MapPost("/", SignInCodes.Issue)
            .WithName("IssueSignInCode").WithSummary("Issues a personal sign-in code, link and QR code for a judge, referee or team (organisers).")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Organiser);
        codes.MapGet("/", SignInCodes.List)
            .WithName("ListSignInCodes").WithSummary("The codes issued, newest expiry first, without the codes themselves, which are not stored (organisers).")
            .RequireAuthorization(Policies.Organiser);
        codes.MapDelete("/{code}", SignInCodes.Revoke)
            .WithName("RevokeSignInCode").WithSummary("Revokes a sign-in code so it can no longer be used, and ends the sessions started with it (organisers).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Organiser);
        codes.MapPost("/{codeId:guid}/revoke", SignInCodes.RevokeById)
            .WithName("RevokeSignInCodeById").WithSummary("Revokes a listed code by its id and ends the sessions started with it (organisers).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Organiser);

        var access = app.MapGroup("/api/access").WithTags("Access");
        access.MapPost("/organisers", CreateOrganiser.Handle)
            .WithName("CreateOrganiser").WithSummary("Creates an organiser account, or a district organiser's when a district is given (organisers).")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Organiser);
        access.MapGet("/users", Users.List)
            .WithName("ListAccounts").WithSummary("The organisation's password accounts with their roles (organisers).")
            .RequireAuthorization(Policies.Organiser);
        access.MapPut("/users/{accountId:guid}/role", Users.ChangeRole)
            .WithName("ChangeAccountRole").WithSummary("Makes an account an organiser or a district organiser of a district; its sessions end (organisers, If-Match).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);
        access.MapPost("/users/{accountId:guid}/disable", Users.Disable)
            .WithName("DisableAccount").WithSummary("The account can no longer sign in and its sessions end (organisers, If-Match).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);
        access.MapPost("/users/{accountId:guid}/enable", Users.Enable)
            .WithName("EnableAccount").WithSummary("The account may sign in again (organisers, If-Match).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);
        access.MapGet("/sessions", Users.Sessions)
            .WithName("ListSessions").WithSummary("Every open session of the organisation: who, how, from where, since when (organisers).")
            .RequireAuthorization(Policies.Organiser);
        access.MapDelete("/sessions/{sessionId:guid}", Users.EndSession)
            .WithName("EndSession").WithSummary("Ends a session at once: its next request is anonymous (organisers).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Organiser);
        access.MapGet("/audit", AuditLog.List)
            .WithName("GetAuditLog")
            .WithSummary("Security-relevant actions, newest first (page back with before=the time of the last entry): sign-ins and failed ones, lockouts, codes issued and revoked, accounts and roles changed, sessions ended (organisers).")
            .RequireAuthorization(Policies.Organiser);
        return auth;
    }
}
