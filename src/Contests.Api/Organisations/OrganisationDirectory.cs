using System.Collections.Concurrent;
using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Contests.Domain.Organisations;
using Marten;

namespace Contests.Api.Organisations;

/// <summary>
/// Which organisations exist, asked on every request that names one in its address. Organisations are created
/// rarely and never removed, so a known slug is remembered for the life of the process; an unknown one is looked up
/// each time (one primary-key read) so an organisation created on another node is found at once.
/// </summary>
public sealed class OrganisationDirectory(IDocumentStore store, ContestsOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, bool> known = new(StringComparer.Ordinal);

    public string DefaultSlug => options.DefaultOrganisation;

    public async Task<bool> ExistsAsync(string slug, CancellationToken cancellationToken)
    {
        if (slug == DefaultSlug || known.ContainsKey(slug))
        {
            return true;
        }

        await using var session = store.QuerySession(OrganisationSlug.Platform);
        if (await session.LoadAsync<Organisation>(Organisation.IdFor(slug), cancellationToken) is null)
        {
            return false;
        }

        known[slug] = true;
        return true;
    }

    public async Task<IReadOnlyList<Organisation>> ListAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(OrganisationSlug.Platform);
        return await session.Query<Organisation>().OrderBy(organisation => organisation.Slug).ToListAsync(cancellationToken);
    }

    /// <summary>Creates the organisation unless it exists; answers whether it was created now.</summary>
    public async Task<bool> EnsureAsync(string slug, string name, Actor createdBy, CancellationToken cancellationToken)
    {
        var id = Organisation.IdFor(slug);
        await using var session = store.LightweightSession(OrganisationSlug.Platform);
        if (await session.Events.FetchStreamStateAsync(id, cancellationToken) is not null)
        {
            return false;
        }

        session.Events.StartStream<Organisation>(id, new OrganisationCreated(id, slug, name, createdBy, clock.GetUtcNow()));
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Marten.Exceptions.ExistingStreamIdCollisionException)
        {
            return false;
        }

        known[slug] = true;
        return true;
    }
}

/// <summary>The configured default organisation exists from the first start, so its address and listing work.</summary>
internal sealed class DefaultOrganisationSetup(OrganisationDirectory directory, ContestsOptions options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        directory.EnsureAsync(options.DefaultOrganisation, options.DefaultOrganisationName, Actor.System, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
