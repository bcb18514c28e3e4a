using Contests.Api.Access;
using Contests.Api.Infrastructure;

namespace Contests.Api.Organisations;

/// <summary>An organising body joins the deployment; it is kept in the platform's own tenant.</summary>
public sealed record OrganisationCreated(Guid OrganisationId, string Slug, string Name, Actor CreatedBy, DateTimeOffset CreatedAt);

/// <summary>
/// An organising body (a province's Liên hiệp Hội): its slug is both its address (<c>/o/{slug}/</c>) and the tenant id
/// under which every document and event of its contests is stored.
/// </summary>
public sealed record Organisation(Guid Id, string Slug, string Name, DateTimeOffset CreatedAt)
{
    public long Version { get; set; }

    public static Organisation Create(OrganisationCreated created) => new(created.OrganisationId, created.Slug, created.Name, created.CreatedAt);

    public static Guid IdFor(string slug) => StreamIds.For("organisation", slug);
}
