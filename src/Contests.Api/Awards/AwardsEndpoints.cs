using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Marten;
using JasperFx.Events.Projections;
using Marten.Events.Projections;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Awards;

public static class AwardsEndpoints
{
    public static void AddAwards(this StoreOptions store)
    {
        store.Projections.Snapshot<RoundAwards>(SnapshotLifecycle.Inline);
        store.Projections.Add<CertificateProjection>(ProjectionLifecycle.Inline);
        store.Schema.For<Certificate>().Index(certificate => certificate.ContestId);
    }

    public static RouteGroupBuilder MapAwards(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/contests/{contestId:guid}/rounds/{roundId:guid}/awards").WithTags("Awards");

        group.MapGet("/", SetAwardQuotas.Get)
            .WithName("GetRoundAwards")
            .WithSummary("A round's award tiers and quotas per division, the organisers' overrides and confirmed awards; its ETag is 0 until quotas are set (organisers).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Organiser);
        group.MapPut("/", SetAwardQuotas.Handle)
            .WithName("SetAwardQuotas")
            .WithSummary("Sets the round's award tiers (Special optional, First, Second, Third, Consolation), each by count or share of ranked entries, per division (organisers, If-Match; \"0\" the first time).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);
        group.MapPost("/{division}/preview", AllocateAwards.Preview)
            .WithName("PreviewAwards")
            .WithSummary("Allocates the division's awards from a ranking (ranks or scores): quotas as maxima, equal results equal awards, ties at a quota boundary reported, overrides applied. Writes nothing (organisers).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Organiser);
        group.MapPost("/{division}/overrides", OverrideAwards.Handle)
            .WithName("OverrideAwards")
            .WithSummary("The organisers decide some teams' award (a tier, None or Computed to take it back) with a reason; deciding a boundary tie is overriding every tied team (organisers, If-Match).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);
        group.MapPost("/{division}/decision", AllocateAwards.Decide)
            .WithName("DecideAwards")
            .WithSummary("Confirms the division's allocation from the ranking and issues a certificate with an unguessable verification code per award; refused while a boundary tie is undecided (organisers, If-Match).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);
        group.MapGet("/{division}/certificates", CertificateEndpoints.DivisionPage)
            .WithName("GetDivisionCertificates")
            .WithSummary("Every certificate of the division's confirmed awards as one printable HTML page, A4 landscape (organisers).")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Organiser);
        group.MapGet("/{division}/certificates.pdf", CertificateEndpoints.DivisionPdf)
            .WithName("GetDivisionCertificatesPdf")
            .WithSummary("Every certificate of the division's confirmed awards as one PDF, printed by the server's headless Chromium (organisers).")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireAuthorization(Policies.Organiser);

        group.MapGet("/public", PublicAwards.Handle)
            .WithName("GetPublicAwards")
            .WithSummary("A round's confirmed awards per division for everyone, once the round's results are published (before that: when they will be, and no awards).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowPublic();

        app.MapGet("/api/certificates/{code}", CertificateEndpoints.Verify)
            .WithTags("Awards").WithName("VerifyCertificate")
            .WithSummary("Confirms a certificate is genuine from its code (what the certificate's QR code opens); an unknown or forged code is 404.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowPublic();
        app.MapGet("/certificates/{code}", CertificateEndpoints.Page)
            .WithTags("Awards").WithName("GetCertificatePage")
            .WithSummary("One certificate as a printable HTML page, for whoever holds its code.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowPublic();
        app.MapGet(CertificatePages.StylesheetPath, CertificateEndpoints.Stylesheet)
            .WithTags("Awards").WithName("GetCertificateStylesheet")
            .WithSummary("The certificates' print stylesheet.")
            .AllowPublic();
        return group;
    }
}

public static class CertificateEndpoints
{
    public static async Task<Results<Ok<CertificateVerification>, ProblemHttpResult>> Verify(string code, IQuerySession session, CancellationToken cancellationToken) =>
        await CertificateCodes.Verify(session, code, cancellationToken) is { } verification
            ? TypedResults.Ok(verification)
            : Problems.NotFound("certificate-not-found");

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Page(string code, HttpContext httpContext, IQuerySession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Certificate>(CertificateCodes.Normalise(code), cancellationToken) is not { } certificate)
        {
            return Problems.NotFound("certificate-not-found");
        }

        return TypedResults.Content(
            CertificatePages.Document([certificate], Origin(httpContext, session.TenantId), $"Giấy chứng nhận — {certificate.TeamName}", CertificatePages.StylesheetPath),
            "text/html; charset=utf-8");
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> DivisionPage(
        Guid contestId, Guid roundId, string division, HttpContext httpContext, IQuerySession session, CancellationToken cancellationToken)
    {
        var (certificates, refusal) = await Decided(session, contestId, roundId, division, cancellationToken);
        return certificates is null
            ? refusal!
            : TypedResults.Content(CertificatePages.Document(certificates, Origin(httpContext, session.TenantId), "Giấy chứng nhận", CertificatePages.StylesheetPath), "text/html; charset=utf-8");
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DivisionPdf(
        Guid contestId, Guid roundId, string division, HttpContext httpContext, IQuerySession session, CertificatePdf printer, CancellationToken cancellationToken)
    {
        var (certificates, refusal) = await Decided(session, contestId, roundId, division, cancellationToken);
        if (certificates is null)
        {
            return refusal!;
        }

        var origin = Origin(httpContext, session.TenantId);
        var pdf = await printer.PrintAsync(stylesheet => CertificatePages.Document(certificates, origin, "Giấy chứng nhận", stylesheet), cancellationToken);
        return pdf is null
            ? Problems.Refused(StatusCodes.Status503ServiceUnavailable, "pdf-unavailable")
            : TypedResults.File(pdf, "application/pdf", $"giay-chung-nhan-{division.Trim().ToLowerInvariant()}.pdf");
    }

    public static ContentHttpResult Stylesheet() => TypedResults.Content(CertificateStyles.Css, "text/css; charset=utf-8");

    /// <summary>The certificates of the division's current decision, highest tier first, or the refusal to answer.</summary>
    private static async Task<(IReadOnlyList<Certificate>? Certificates, ProblemHttpResult? Refusal)> Decided(
        IQuerySession session, Guid contestId, Guid roundId, string division, CancellationToken cancellationToken)
    {
        var (_, round, missing) = await AwardsAccess.Round(session, contestId, roundId, cancellationToken);
        if (round is null)
        {
            return (null, missing);
        }

        var decision = (await session.LoadAsync<RoundAwards>(RoundAwards.StreamFor(roundId), cancellationToken))
            ?.Division(division.Trim().ToUpperInvariant())?.Decision;
        if (decision is null)
        {
            return (null, Problems.NotFound("awards-not-decided"));
        }

        var certificates = await session.LoadManyAsync<Certificate>(cancellationToken, decision.Awards.Select(award => award.CertificateCode));
        return (certificates.OrderBy(certificate => certificate.Tier).ThenBy(certificate => certificate.TeamName, Domain.Text.VietnameseText.Collation).ToList(), null);
    }

    /// <summary>Where the organisation's pages live: a certificate's QR code opens the verification page there, since a code is only known to its organisation.</summary>
    private static string Origin(HttpContext httpContext, string organisation) =>
        $"{httpContext.Request.Scheme}://{httpContext.Request.Host}{Organisations.RequestOrganisation.PathBase(organisation)}";
}
