using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Infrastructure;
using Contests.Api.Registration;
using Contests.Domain.Registration;
using JasperFx;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Exports;

/// <summary>An export as the console lists it: its key, its title in the caller's language, and the formats offered.</summary>
public sealed record ExportDescription(string Key, string Title, bool WholeProvince, IReadOnlyList<ExportFormat> Formats);

public static class ExportEndpoints
{
    public static RouteGroupBuilder MapExports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/contests/{contestId:guid}/exports").WithTags("Exports");

        group.MapGet("/", List)
            .WithName("ListExports")
            .WithSummary("The exports the caller may download for a contest (district organisers: those limited to their district).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AnyOrganiser);
        group.MapGet("/{export}", Download)
            .WithName("DownloadExport")
            .WithSummary(
                "Downloads an export as XLSX (default), CSV (UTF-8 with BOM) or JSON, written while it is read; optional round and division. " +
                "District organisers get their own district's rows only. Every download is recorded (who, what, when).")
            .Produces(StatusCodes.Status200OK, contentType: ExportWriters.ContentType(ExportFormat.Xlsx), additionalContentTypes: ["text/csv", "application/json"])
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.AnyOrganiser);
        return group;
    }

    public static async Task<Results<Ok<IReadOnlyList<ExportDescription>>, ProblemHttpResult>> List(
        Guid contestId, HttpContext httpContext, IQuerySession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Contest>(contestId, cancellationToken) is null)
        {
            return Problems.NotFound("contest-not-found");
        }

        var district = Roles.DistrictOf(httpContext.User);
        return TypedResults.Ok<IReadOnlyList<ExportDescription>>(ExportCatalogue.All
            .Where(export => district is null || export.Audience == ExportAudience.Organisers)
            .Select(export => new ExportDescription(
                export.Key, Texts.Get($"export-title-{export.Key}"), export.Audience == ExportAudience.ProvinceOrganisers, Enum.GetValues<ExportFormat>()))
            .ToList());
    }

    public static async Task<Results<ExportFile, ProblemHttpResult>> Download(
        Guid contestId,
        string export,
        string? format,
        Guid? round,
        string? division,
        HttpContext httpContext,
        IDocumentStore store,
        IQuerySession session,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Contest>(contestId, cancellationToken) is not { } contest)
        {
            return Problems.NotFound("contest-not-found");
        }

        if (ExportCatalogue.Find(export) is not { } definition)
        {
            return Problems.NotFound("export-not-found");
        }

        var district = Roles.DistrictOf(httpContext.User);
        if (district is not null && definition.Audience == ExportAudience.ProvinceOrganisers)
        {
            return Problems.Refused(StatusCodes.Status403Forbidden, "export-province-only");
        }

        var violations = new List<RuleViolation>();
        if (!Enum.TryParse<ExportFormat>(format ?? nameof(ExportFormat.Xlsx), ignoreCase: true, out var chosenFormat) || !Enum.IsDefined(chosenFormat) || int.TryParse(format, out _))
        {
            violations.Add(new RuleViolation("format", "export-format-unknown"));
        }

        if (round is { } roundId && contest.Round(roundId) is null)
        {
            violations.Add(new RuleViolation("round", "unknown-round"));
        }

        var divisionCode = division?.Trim().ToUpperInvariant();
        if (divisionCode is not null && !contest.HasDivision(divisionCode))
        {
            violations.Add(new RuleViolation("division", RegistrationRule.UnknownDivision));
        }

        if (violations.Count > 0)
        {
            return Problems.Invalid(violations);
        }

        // The district's name as the contest spells it, so filters match the teams' stored district exactly.
        var scope = district is null ? null : contest.Districts.FirstOrDefault(known => Domain.Text.VietnameseText.SameName(known, district)) ?? district;
        await Record(store, session.TenantId, new ExportDownloaded(
            contestId, definition.Key, chosenFormat, scope, round, divisionCode, Actor.From(httpContext.User), clock.GetUtcNow()), cancellationToken);
        var table = await definition.Build(new ExportRequest(contest, session, scope, round, divisionCode), cancellationToken);
        return new ExportFile(table, chosenFormat);
    }

    /// <summary>
    /// Appends to the contest's export log in a session of its own, so the record is written before the file is, and
    /// retries when two downloads of the same contest race for the next version of the log.
    /// </summary>
    private static async Task Record(IDocumentStore store, string organisation, ExportDownloaded downloaded, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var log = store.LightweightSession(organisation);
            log.Events.Append(ExportLog.StreamFor(downloaded.ContestId), downloaded);
            try
            {
                await log.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (Exception exception) when (attempt < 5 && exception is EventStreamUnexpectedMaxEventIdException or ConcurrencyException)
            {
                // Another download took this version of the log: append again after it.
            }
        }
    }
}
