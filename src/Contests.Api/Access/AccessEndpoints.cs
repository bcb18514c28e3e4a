namespace Contests.Api.Access;

public static class AccessEndpoints
{
    public static RouteGroupBuilder MapAccess(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Access");
        auth.MapGet("/me", SignIn.Me)
            .WithName("GetCurrentUser").WithSummary("Who is signed in, and the anti-forgery token to send as X-XSRF-TOKEN on writes.")
            .AllowPublic();
        auth.MapPost("/sign-in", SignIn.WithPassword)
            .WithName("SignInWithPassword").WithSummary("Organisers sign in with e-mail and password; answers with a session cookie.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .AllowPublic();
        auth.MapPost("/sign-in-code", SignIn.WithCode)
            .WithName("SignInWithCode").WithSummary("Judges, referees and teams exchange their single-use sign-in code for a session cookie.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .AllowPublic();
        auth.MapPost("/sign-out", (Delegate)SignIn.SignOut)
            .WithName("SignOut").WithSummary("Ends the current session.")
            .RequireAuthorization(Policies.SignedIn);

        var codes = app.MapGroup("/api/access/sign-in-codes").WithTags("Access");
        codes.MapPost("/", SignInCodes.Issue)
            .WithName("IssueSignInCode").WithSummary("Issues a personal sign-in code, link and QR code for a judge, referee or team (organisers).")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Organiser);
        codes.MapDelete("/{code}", SignInCodes.Revoke)
            .WithName("RevokeSignInCode").WithSummary("Revokes a sign-in code so it can no longer be used (organisers).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Organiser);
        app.MapPost("/api/access/organisers", CreateOrganiser.Handle)
            .WithTags("Access")
            .WithName("CreateOrganiser").WithSummary("Creates an organiser account, or a district organiser's when a district is given (organisers).")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Organiser);
        return auth;
    }
}
