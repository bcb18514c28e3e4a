using Contests.Api.Infrastructure;
using Marten;

namespace Contests.Api.Organisations;

/// <summary>
/// Every <see cref="IDocumentSession"/> and <see cref="IQuerySession"/> an endpoint receives is opened for the
/// request's organisation, so handlers never name a tenant and cannot reach another organisation's data. Outside a
/// request (jobs, seeders, the command line) there is no organisation to guess: open
/// <c>store.LightweightSession(tenantId)</c> with the tenant the work belongs to.
/// </summary>
public sealed class TenantSessionFactory(IDocumentStore store, IHttpContextAccessor accessor, ContestsOptions options) : ISessionFactory
{
    public IQuerySession QuerySession() => store.QuerySession(Tenant());

    public IDocumentSession OpenSession() => store.LightweightSession(Tenant());

    private string Tenant() =>
        accessor.HttpContext is { } httpContext
            ? RequestOrganisation.Of(httpContext, options.DefaultOrganisation)
            : throw new InvalidOperationException(
                "A Marten session was asked for outside an HTTP request: open store.LightweightSession(tenantId) with the organisation the work belongs to.");
}
