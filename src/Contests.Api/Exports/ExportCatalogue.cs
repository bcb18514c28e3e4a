using Contests.Api.Awards;
using Contests.Api.Contests;
using Contests.Api.Judging;
using Contests.Api.Matches;
using Marten;

namespace Contests.Api.Exports;

/// <summary>
/// What an export is built from: the contest, a query session, and the caller's limits: a district organiser's
/// <paramref name="District"/> (null for province organisers) and the round and division asked for, if any.
/// </summary>
public sealed record ExportRequest(Contest Contest, IQuerySession Session, string? District, Guid? RoundId, string? DivisionCode);

public enum ExportAudience
{
    /// <summary>Province organisers, and district organisers limited to their own district's rows.</summary>
    Organisers,

    /// <summary>Province organisers only: the export spans every district and cannot be cut to one.</summary>
    ProvinceOrganisers,
}

public delegate Task<ExportTable> BuildExport(ExportRequest request, CancellationToken cancellationToken);

/// <summary>One downloadable export; its title is the message <c>export-title-{Key}</c> of the exports catalogue.</summary>
public sealed record ExportDefinition(string Key, ExportAudience Audience, BuildExport Build);

/// <summary>
/// Every export the organiser console offers, in the order it lists them. A new export (score sheets, rankings, match
/// results, award lists) is one line here plus its builder and its title; the endpoint, the three formats, the
/// download record and the console's buttons follow from it.
/// </summary>
public static class ExportCatalogue
{
    public static IReadOnlyList<ExportDefinition> All { get; } =
    [
        new("registrations-teams", ExportAudience.Organisers, RegistrationExports.Teams),
        new("registrations-people", ExportAudience.Organisers, RegistrationExports.People),
        new("district-summary", ExportAudience.Organisers, DistrictSummaryExport.Build),
        new("award-settings", ExportAudience.ProvinceOrganisers, AwardExports.Settings),
        new("award-list", ExportAudience.Organisers, AwardExports.AwardList),
        new("judging-ranking", ExportAudience.Organisers, JudgingExports.Ranking),
        new("score-sheets", ExportAudience.ProvinceOrganisers, JudgingExports.ScoreSheets),
        new("match-results", ExportAudience.ProvinceOrganisers, MatchResultsExport.Build),
        new("audit-trail", ExportAudience.ProvinceOrganisers, AuditTrailExport.Build),
    ];

    public static ExportDefinition? Find(string key) => All.FirstOrDefault(export => export.Key == key);
}
