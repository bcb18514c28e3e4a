using Contests.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using QRCoder;

namespace Contests.Api.Access;

public sealed record IssueSignInCodeRequest(string? Role, string? DisplayName, int? ValidForHours);

public sealed record IssuedSignInCode(string Code, string SignInUrl, DateTimeOffset ExpiresAt, string QrCodeSvg);

/// <summary>An issued code as organisers see it later: never the code itself, which is not stored.</summary>
public sealed record SignInCodeView(Guid Id, string Role, string DisplayName, DateTimeOffset ExpiresAt, DateTimeOffset? RedeemedAt, DateTimeOffset? RevokedAt)
{
    public static SignInCodeView From(SignInCode code) => new(code.Id, code.Role, code.DisplayName, code.ExpiresAt, code.RedeemedAt, code.RevokedAt);
}

public static class SignInCodes
{
    public const int DefaultValidForHours = 72;
    public const int MaxValidForHours = 720;
    private const int ListLimit = 500;

    public static async Task<Results<Created<IssuedSignInCode>, ProblemHttpResult>> Issue(
        IssueSignInCodeRequest request, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.Role is null || !Roles.SignInByCode.Contains(request.Role))
        {
            return Problems.Invalid([new("role", "role-not-issuable")]);
        }

        var displayName = Domain.Text.VietnameseText.Clean(request.DisplayName);
        var violations = new List<Domain.Registration.RuleViolation>();
        Domain.FieldChecks.RequireText(violations, "displayName", displayName);
        if (request.ValidForHours is < 1 or > MaxValidForHours)
        {
            violations.Add(new("validForHours", "validity-out-of-range"));
        }

        if (violations.Count > 0)
        {
            return Problems.Invalid(violations);
        }

        var issued = await IssueAsync(
            session, request.Role, displayName, TimeSpan.FromHours(request.ValidForHours ?? DefaultValidForHours),
            Actor.From(httpContext.User), clock.GetUtcNow(), Guid.CreateVersion7(), cancellationToken);
        var url = SignInUrl(httpContext.Request, session.TenantId, request.Role, issued.Code);
        return TypedResults.Created($"/api/access/sign-in-codes/{issued.Code}", new IssuedSignInCode(issued.Code, url, issued.ExpiresAt, QrSvg(url)));
    }

    public static Task<Results<NoContent, ProblemHttpResult>> Revoke(
        string code, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        RevokeAsync(SignInCode.IdFor(code), httpContext, session, clock, cancellationToken);

    /// <summary>Revokes a code the organisers no longer hold (only its id is listed), e.g. when a judge's tablet is lost.</summary>
    public static Task<Results<NoContent, ProblemHttpResult>> RevokeById(
        Guid codeId, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        RevokeAsync(codeId, httpContext, session, clock, cancellationToken);

    public static async Task<Ok<IReadOnlyList<SignInCodeView>>> List(IQuerySession session, CancellationToken cancellationToken)
    {
        var codes = await session.Query<SignInCode>().OrderByDescending(code => code.ExpiresAt).Take(ListLimit).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SignInCodeView>>(codes.Select(SignInCodeView.From).ToList());
    }

    /// <summary>The code can no longer be used, and every session started with it ends from its next request.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        Guid codeId, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<SignInCode>(codeId, cancellationToken);
        if (stream.Aggregate is not { } signInCode)
        {
            return Problems.NotFound("sign-in-code-not-found");
        }

        var actor = Actor.From(httpContext.User);
        var now = clock.GetUtcNow();
        if (signInCode.RevokedAt is null)
        {
            stream.AppendOne(new SignInCodeRevoked(signInCode.Id, actor, now, signInCode.Role, signInCode.DisplayName));
        }

        await UserSessions.EndWhereAsync(session, item => item.CodeId == signInCode.Id, "code-revoked", actor, now, cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Shared by the endpoint, registration (a team's portal code, whose principal is the team) and the demo seed.
    /// Appends only: the caller saves, so a code is issued in the same transaction as what it grants access to.
    /// </summary>
    public static (string Code, DateTimeOffset ExpiresAt) AppendIssued(
        IDocumentSession session, string role, string displayName, TimeSpan validFor, Actor issuedBy, DateTimeOffset now, Guid principalId)
    {
        var code = SignInCode.NewCode();
        var codeId = SignInCode.IdFor(code);
        var expiresAt = now + validFor;
        session.Events.StartStream<SignInCode>(codeId, new SignInCodeIssued(codeId, role, displayName, principalId, expiresAt, issuedBy, now));
        return (code, expiresAt);
    }

    public static async Task<(string Code, DateTimeOffset ExpiresAt)> IssueAsync(
        IDocumentSession session, string role, string displayName, TimeSpan validFor, Actor issuedBy, DateTimeOffset now, Guid principalId,
        CancellationToken cancellationToken)
    {
        var issued = AppendIssued(session, role, displayName, validFor, issuedBy, now, principalId);
        await session.SaveChangesAsync(cancellationToken);
        return issued;
    }

    /// <summary>
    /// The page a code opens, under its organisation's address (a code is only valid there); a team's portal also names
    /// its contest. The code travels in the fragment, which browsers never send to a server, so it cannot end up in
    /// access logs, proxies or a Referer header.
    /// </summary>
    public static string SignInPath(string organisation, string role, string code, Guid? contestId = null) =>
        Organisations.RequestOrganisation.PathBase(organisation) + (role == Roles.Team
            ? contestId is { } contest ? $"/team/?contest={contest}#code={code}" : $"/team/#code={code}"
            : role is Roles.Referee or Roles.HeadReferee ? $"/referee/#code={code}" : $"/judge/#code={code}");

    public static string SignInUrl(HttpRequest request, string organisation, string role, string code, Guid? contestId = null) =>
        $"{request.Scheme}://{request.Host}{SignInPath(organisation, role, code, contestId)}";

    public static string QrSvg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }
}
