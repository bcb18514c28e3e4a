using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Contests.Domain.Organisations;
using Contests.Domain.Registration;
using Contests.Domain.Text;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Organisations;

public sealed record OrganisationForm(string? Slug, string? Name);

public sealed record OrganisationView(string Slug, string Name, DateTimeOffset CreatedAt, string Address)
{
    public static OrganisationView From(Organisation organisation) =>
        new(organisation.Slug, organisation.Name, organisation.CreatedAt, RequestOrganisation.PathBase(organisation.Slug) + "/");
}

/// <summary>
/// The platform administrator's work: organisations and the first organiser of each. Nothing here reads or changes an
/// organisation's contests, teams or scores — platform administrators have no role inside an organisation.
/// </summary>
public static class PlatformEndpoints
{
    public static RouteGroupBuilder MapPlatform(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/platform").WithTags("Platform").RequireAuthorization(Policies.PlatformAdmin);
        group.MapGet("/organisations", List)
            .WithName("ListOrganisations").WithSummary("Every organising body on this deployment (platform administrators).");
        group.MapPost("/organisations", Create)
            .WithName("CreateOrganisation")
            .WithSummary("Adds an organising body; its slug is its address (/o/{slug}/) and can never change (platform administrators).")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/organisations/{slug}/organisers", CreateOrganiserOf)
            .WithName("CreateOrganisationOrganiser")
            .WithSummary("Creates an organiser account of an organisation, e.g. its first one, who then manages its other users (platform administrators).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/audit", Audit)
            .WithName("GetPlatformAuditLog").WithSummary("The platform's own security log: administrators' sign-ins, organisations and organisers created.");
        return group;
    }

    public static async Task<Ok<IReadOnlyList<OrganisationView>>> List(OrganisationDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<OrganisationView>>((await directory.ListAsync(cancellationToken)).Select(OrganisationView.From).ToList());

    public static async Task<Results<Created<OrganisationView>, ProblemHttpResult>> Create(
        OrganisationForm request, HttpContext httpContext, OrganisationDirectory directory, IDocumentStore store, CancellationToken cancellationToken)
    {
        var slug = OrganisationSlug.Normalise(request.Slug);
        var name = VietnameseText.Clean(request.Name);
        var violations = new List<RuleViolation>();
        if (OrganisationSlug.Refusal(slug) is { } rule)
        {
            violations.Add(rule == RegistrationRule.TooLong ? new RuleViolation("slug", rule, OrganisationSlug.MaxLength) : new RuleViolation("slug", rule));
        }

        Domain.FieldChecks.RequireText(violations, "name", name);
        if (violations.Count > 0)
        {
            return Problems.Invalid(violations);
        }

        if (!await directory.EnsureAsync(slug, name, Actor.From(httpContext.User), cancellationToken))
        {
            return Problems.Conflict("organisation-exists", field: "slug");
        }

        await using var session = store.QuerySession(OrganisationSlug.Platform);
        var created = (await session.LoadAsync<Organisation>(Organisation.IdFor(slug), cancellationToken))!;
        return TypedResults.Created($"/api/platform/organisations/{slug}", OrganisationView.From(created));
    }

    public static async Task<Results<Created<OrganiserCreated>, ProblemHttpResult>> CreateOrganiserOf(
        string slug, OrganiserAccountForm request, HttpContext httpContext, OrganisationDirectory directory, OrganiserAccounts accounts, IDocumentStore store,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var normalised = OrganisationSlug.Normalise(slug);
        if (!OrganisationSlug.IsWellFormed(normalised) || !await directory.ExistsAsync(normalised, cancellationToken))
        {
            return Problems.NotFound("organisation-not-found");
        }

        var form = new CreateOrganiserRequest(request.Email, request.DisplayName, request.Password, District: null);
        var violations = CreateOrganiser.Check(form);
        if (violations.Count > 0)
        {
            return Problems.Invalid(violations);
        }

        // The one place a platform administrator writes into an organisation: its tenant is named, never inferred.
        await using var session = store.LightweightSession(normalised);
        return await accounts.TryCreateAsync(
                session, form.Email!, form.DisplayName!, form.Password!, Roles.Organiser, district: null, Actor.From(httpContext.User), clock.GetUtcNow(),
                cancellationToken)
            ? TypedResults.Created(
                $"/api/platform/organisations/{normalised}/organisers",
                new OrganiserCreated(OrganiserAccount.NormaliseEmail(form.Email!), VietnameseText.Clean(form.DisplayName), Roles.Organiser, null))
            : Problems.Conflict("organiser-exists", field: "email");
    }

    public static async Task<Ok<IReadOnlyList<AuditEntry>>> Audit(DateTimeOffset? before, int? limit, IDocumentStore store, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(OrganisationSlug.Platform);
        return await AuditLog.List(before, limit, session, cancellationToken);
    }
}

public sealed record OrganiserAccountForm(string? Email, string? DisplayName, string? Password);
